import type { MatrixRow } from './types.js';

// src/modules/reception/reception.policy.ts: reception coordinators run the pipeline; protection
// staff read relocations of people in scope; availability and return rates are aggregates.
const MANAGE = ['reception_coordinator'] as const;
const AGGREGATES = ['reception_coordinator', 'site_monitor', 'analyst'] as const;
const RELOCATIONS_READ = ['reception_coordinator', 'case_supervisor', 'caseworker'] as const;

export const rows: MatrixRow[] = [
  { method: 'PUT', url: '/api/sites/:id/capacity', allow: MANAGE },
  { method: 'GET', url: '/api/sites/:id/capacity', allow: AGGREGATES },
  { method: 'GET', url: '/api/reception/availability', allow: AGGREGATES },
  { method: 'GET', url: '/api/reception/returns', allow: AGGREGATES },
  { method: 'POST', url: '/api/reception/returns', allow: MANAGE },
  { method: 'POST', url: '/api/convoys', allow: MANAGE },
  { method: 'GET', url: '/api/convoys', allow: MANAGE },
  { method: 'GET', url: '/api/convoys/:id/passengers', allow: MANAGE },
  { method: 'GET', url: '/api/reception/preferences/:id', allow: MANAGE },
  { method: 'PUT', url: '/api/reception/preferences/:id', allow: MANAGE },
  { method: 'POST', url: '/api/relocations', allow: MANAGE },
  { method: 'GET', url: '/api/relocations', allow: RELOCATIONS_READ },
  { method: 'GET', url: '/api/relocations/:id', allow: RELOCATIONS_READ },
  { method: 'POST', url: '/api/relocations/:id/transitions', allow: MANAGE },
  { method: 'POST', url: '/api/relocations/transitions', allow: MANAGE },
  { method: 'POST', url: '/api/placement/plan', allow: MANAGE },
  { method: 'GET', url: '/api/placement/plans/:id', allow: MANAGE },
  { method: 'POST', url: '/api/placement/plans/:id/accept', allow: MANAGE },
];
