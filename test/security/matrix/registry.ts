import type { MatrixRow } from './types.js';

const READERS = [
  'registration_officer',
  'caseworker',
  'case_supervisor',
  'reunification_officer',
  'reception_coordinator',
  'information_officer',
  'data_protection_officer',
] as const;
const REGISTRARS = ['registration_officer', 'caseworker', 'case_supervisor'] as const;
const EDITORS = ['registration_officer', 'caseworker', 'case_supervisor', 'reception_coordinator'] as const;

export const rows: MatrixRow[] = [
  { method: 'POST', url: '/api/people', allow: REGISTRARS },
  { method: 'POST', url: '/api/people/import', allow: ['registration_officer', 'case_supervisor'] },
  { method: 'GET', url: '/api/people', allow: READERS },
  { method: 'GET', url: '/api/people/:id', allow: READERS },
  { method: 'PATCH', url: '/api/people/:id', allow: EDITORS },
  { method: 'POST', url: '/api/people/:id/needs', allow: REGISTRARS },
  { method: 'POST', url: '/api/people/:id/consent', allow: REGISTRARS },
  { method: 'GET', url: '/api/people/:id/history', allow: READERS },
  { method: 'GET', url: '/api/reference/specific-needs', allow: 'self' },
  { method: 'GET', url: '/api/reference/countries', allow: 'self' },
  { method: 'POST', url: '/api/households', allow: REGISTRARS },
  { method: 'GET', url: '/api/households/:id', allow: READERS },
  { method: 'POST', url: '/api/households/:id/members', allow: REGISTRARS },
];
