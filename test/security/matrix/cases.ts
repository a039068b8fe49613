import type { MatrixRow } from './types.js';

// Case details never reach reception_coordinator, site_monitor or analyst; registration officers
// record needs (the system proposes cases to supervisors) but do not read or open cases.
const CASE_ROLES = ['caseworker', 'case_supervisor'] as const;
const SUPERVISORS = ['case_supervisor'] as const;

export const rows: MatrixRow[] = [
  { method: 'POST', url: '/api/cases', allow: CASE_ROLES },
  { method: 'GET', url: '/api/cases', allow: CASE_ROLES },
  { method: 'GET', url: '/api/cases/caseload', allow: SUPERVISORS },
  { method: 'GET', url: '/api/cases/caseworkers', allow: CASE_ROLES },
  { method: 'GET', url: '/api/cases/:id', allow: CASE_ROLES },
  { method: 'PATCH', url: '/api/cases/:id', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/transitions', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/reassign', allow: SUPERVISORS },
  { method: 'GET', url: '/api/cases/:id/timeline', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/assessments', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/plans', allow: CASE_ROLES },
  { method: 'PATCH', url: '/api/cases/:id/actions/:itemId', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/approvals', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/approvals/:itemId/decision', allow: SUPERVISORS },
  { method: 'POST', url: '/api/cases/:id/follow-ups', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/notes', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/services', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/flags', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/flags/:itemId/remove', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/attachments', allow: CASE_ROLES },
  { method: 'GET', url: '/api/cases/:id/attachments/:itemId', allow: CASE_ROLES },
  { method: 'POST', url: '/api/cases/:id/referrals', allow: CASE_ROLES },
  { method: 'GET', url: '/api/referrals', allow: CASE_ROLES },
  { method: 'POST', url: '/api/referrals/:id/decision', allow: CASE_ROLES },
  { method: 'POST', url: '/api/referrals/:id/revoke', allow: CASE_ROLES },
];
