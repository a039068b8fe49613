export const en = {
  title: 'Audit log',
  intro:
    'Every sign-in, refusal, and read or change of personal data, newest first. Entries hold no personal data and cannot be changed.',
  filters: {
    title: 'Filters',
    actorId: 'User id',
    entity: 'Entity',
    entityPlaceholder: 'for example person, user, case',
    entityId: 'Record id',
    action: 'Action',
    actionPlaceholder: 'for example auth.login, person.read',
    from: 'From',
    to: 'To',
    apply: 'Apply filters',
    clear: 'Clear filters',
  },
  columns: {
    seq: 'No.',
    at: 'Time',
    actor: 'User',
    action: 'Action',
    entity: 'Entity',
    entityId: 'Record',
    purpose: 'Purpose',
    details: 'Details',
    requestId: 'Request',
  },
  system: 'System',
  filterByActor: 'Show only this user’s entries',
  empty: 'No entries match these filters. Widen the dates or clear the filters.',
  shown: 'Entries shown: {{count}}',
  errors: {
    validation_failed: 'Some filters are not valid.',
  },
};

export type AuditStrings = typeof en;
