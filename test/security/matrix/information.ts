import type { MatrixRow } from './types.js';

const INFO = ['information_officer'] as const;
const COUNSELLING = ['information_officer', 'caseworker', 'case_supervisor'] as const;

export const rows: MatrixRow[] = [
  { method: 'POST', url: '/api/articles', allow: INFO },
  { method: 'GET', url: '/api/articles', allow: INFO },
  { method: 'POST', url: '/api/articles/preview', allow: INFO },
  { method: 'GET', url: '/api/articles/:id', allow: INFO },
  { method: 'GET', url: '/api/articles/:id/translations/:lang', allow: INFO },
  { method: 'PUT', url: '/api/articles/:id/translations/:lang', allow: INFO },
  { method: 'POST', url: '/api/articles/:id/translations/:lang/submit', allow: INFO },
  { method: 'POST', url: '/api/articles/:id/translations/:lang/review', allow: INFO },
  { method: 'POST', url: '/api/articles/:id/translations/:lang/archive', allow: INFO },
  { method: 'POST', url: '/api/counselling-sessions', allow: COUNSELLING },
  { method: 'GET', url: '/api/counselling-sessions', allow: COUNSELLING },
  { method: 'GET', url: '/api/counselling-sessions/follow-ups', allow: COUNSELLING },
  {
    method: 'GET',
    url: '/api/counselling-sessions/aggregates',
    allow: ['information_officer', 'case_supervisor', 'analyst'],
  },
  { method: 'GET', url: '/api/counselling-sessions/:id', allow: COUNSELLING },
  { method: 'POST', url: '/api/counselling-sessions/:id/follow-up-done', allow: COUNSELLING },
  { method: 'GET', url: '/info', allow: 'public' },
  { method: 'GET', url: '/info/:lang', allow: 'public' },
  { method: 'GET', url: '/info/:lang/:slug', allow: 'public' },
  { method: 'GET', url: '/info/:lang/:slug/leaflet', allow: 'public' },
  { method: 'GET', url: '/info/assets/info.css', allow: 'public' },
  { method: 'GET', url: '/info/assets/fonts/:file', allow: 'public' },
];
