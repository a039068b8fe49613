import type { AlertsTable } from './alerts.tables.js';

/** What leaves the server about an alert: ids, rule, dates and non-personal details only. */
export function presentAlert(row: AlertsTable, now: Date) {
  const dueAt = row.due_at;
  const managed = row.managed_by !== null;
  return {
    id: row.id,
    rule: row.rule,
    entity: row.entity,
    entityId: row.entity_id,
    subjectId: row.subject_id,
    personId: row.person_id,
    severity: row.severity,
    state: row.state,
    deadlineState: row.deadline_state,
    dueAt,
    escalateAt: row.escalate_at,
    overdue: dueAt !== null && dueAt < now.toISOString(),
    assignedRole: row.assigned_role,
    assignedUserId: row.assigned_user_id,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    createdAt: row.created_at,
    managed,
    // Managed alerts follow the work; only manual ones are resolved or dispatched by hand.
    allowed: managed ? [] : ['resolve', 'assign'],
  };
}
