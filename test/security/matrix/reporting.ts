import type { MatrixRow } from './types.js';

// src/modules/reporting/reporting.policy.ts: aggregates for analysts, site monitors and the
// coordination roles; personal-data files for caseworkers, supervisors and reception coordinators.
const AGGREGATES = [
  'analyst',
  'site_monitor',
  'case_supervisor',
  'reception_coordinator',
  'reunification_officer',
  'information_officer',
] as const;
const PERSONAL = ['caseworker', 'case_supervisor', 'reception_coordinator'] as const;

export const rows: MatrixRow[] = [
  { method: 'GET', url: '/api/reports/overview', allow: AGGREGATES },
  { method: 'GET', url: '/api/exports/:dataset', allow: AGGREGATES },
  { method: 'POST', url: '/api/exports/personal', allow: PERSONAL },
  { method: 'GET', url: '/api/exports/personal/:id', allow: PERSONAL },
];
