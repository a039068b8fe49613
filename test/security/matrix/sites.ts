import { EVERY_ROLE, type MatrixRow } from './types.js';

// Sites are shared coordination records, not personal data (src/modules/sites/sites.policy.ts).
const MANAGE = ['site_monitor', 'reception_coordinator'] as const;
const INCIDENT_AGGREGATES = [
  'site_monitor',
  'analyst',
  'reception_coordinator',
  'caseworker',
  'case_supervisor',
  'data_protection_officer',
] as const;

export const rows: MatrixRow[] = [
  { method: 'GET', url: '/api/sites', allow: EVERY_ROLE },
  { method: 'POST', url: '/api/sites', allow: MANAGE },
  { method: 'GET', url: '/api/sites/:id', allow: EVERY_ROLE },
  { method: 'PATCH', url: '/api/sites/:id', allow: MANAGE },
  { method: 'POST', url: '/api/sites/:id/estimates', allow: MANAGE },
  { method: 'GET', url: '/api/sites/:id/estimates', allow: EVERY_ROLE },
  { method: 'GET', url: '/api/sites/:id/population', allow: EVERY_ROLE },
  { method: 'GET', url: '/api/sites/:id/population/series', allow: EVERY_ROLE },
  { method: 'POST', url: '/api/sites/:id/assessments', allow: ['site_monitor'] },
  { method: 'GET', url: '/api/sites/:id/assessments', allow: EVERY_ROLE },
  { method: 'GET', url: '/api/sites/:id/assessments/series', allow: EVERY_ROLE },
  { method: 'POST', url: '/api/sites/:id/incidents', allow: ['site_monitor'] },
  { method: 'GET', url: '/api/sites/:id/incidents/summary', allow: INCIDENT_AGGREGATES },
  {
    method: 'GET',
    url: '/api/sites/:id/incidents',
    allow: ['caseworker', 'case_supervisor', 'data_protection_officer'],
  },
];
