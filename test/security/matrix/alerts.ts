import type { MatrixRow } from './types.js';

const PERSONAL_DATA_ROLES = [
  'registration_officer',
  'caseworker',
  'case_supervisor',
  'reunification_officer',
  'reception_coordinator',
  'information_officer',
  'data_protection_officer',
] as const;

export const rows: MatrixRow[] = [
  { method: 'GET', url: '/api/alerts', allow: PERSONAL_DATA_ROLES },
  { method: 'POST', url: '/api/alerts/:id/resolve', allow: PERSONAL_DATA_ROLES },
  { method: 'POST', url: '/api/alerts/:id/assign', allow: ['case_supervisor'] },
];
