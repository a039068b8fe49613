import type { MatrixRow } from './types.js';

// Tracing requests (who looks for whom, where they were separated) are for reunification officers
// only. Reunification cases and family links are read by caseworkers and supervisors too (the
// child's plan depends on them) but changed only by reunification officers. Alert lead times are
// settings: the administrator and the officers keep them.
const OFFICERS = ['reunification_officer'] as const;
const READERS = ['reunification_officer', 'caseworker', 'case_supervisor'] as const;
const CONFIGURE = ['admin', 'reunification_officer'] as const;

export const rows: MatrixRow[] = [
  { method: 'POST', url: '/api/tracing-requests', allow: OFFICERS },
  { method: 'GET', url: '/api/tracing-requests', allow: OFFICERS },
  { method: 'GET', url: '/api/tracing-requests/:id', allow: OFFICERS },
  { method: 'GET', url: '/api/tracing-requests/:id/matches', allow: OFFICERS },
  { method: 'POST', url: '/api/tracing-requests/:id/matches/:matchId/decision', allow: OFFICERS },
  { method: 'POST', url: '/api/tracing-requests/:id/status', allow: OFFICERS },
  { method: 'GET', url: '/api/people/:id/family-links', allow: READERS },
  { method: 'POST', url: '/api/people/:id/family-links', allow: OFFICERS },
  { method: 'POST', url: '/api/reunification-cases', allow: OFFICERS },
  { method: 'GET', url: '/api/reunification-cases', allow: READERS },
  { method: 'GET', url: '/api/reunification-cases/dashboard', allow: READERS },
  { method: 'GET', url: '/api/reunification/rule-sets', allow: READERS },
  { method: 'GET', url: '/api/reunification/alert-settings', allow: CONFIGURE },
  { method: 'PUT', url: '/api/reunification/alert-settings', allow: CONFIGURE },
  { method: 'GET', url: '/api/reunification-cases/:id', allow: READERS },
  { method: 'PATCH', url: '/api/reunification-cases/:id', allow: OFFICERS },
  { method: 'POST', url: '/api/reunification-cases/:id/transitions', allow: OFFICERS },
  { method: 'GET', url: '/api/reunification-cases/:id/deadlines', allow: READERS },
  { method: 'PUT', url: '/api/reunification-cases/:id/evidence/:item', allow: OFFICERS },
];
