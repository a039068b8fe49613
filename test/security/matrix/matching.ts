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
// Merging records is registration work, supervised; the data protection officer also receives
// the cross-organisation pairs of their organisation.
const REVIEWERS = ['registration_officer', 'case_supervisor', 'data_protection_officer'] as const;

export const rows: MatrixRow[] = [
  { method: 'POST', url: '/api/matching/search', allow: READERS },
  { method: 'POST', url: '/api/matching/runs', allow: REVIEWERS },
  { method: 'GET', url: '/api/matching/runs/latest', allow: REVIEWERS },
  { method: 'GET', url: '/api/matching/runs/:id', allow: REVIEWERS },
  { method: 'GET', url: '/api/duplicates', allow: REVIEWERS },
  { method: 'GET', url: '/api/duplicates/:id', allow: REVIEWERS },
  { method: 'POST', url: '/api/duplicates/:id/decision', allow: REVIEWERS },
  { method: 'POST', url: '/api/duplicates/:id/unmerge', allow: REVIEWERS },
];
