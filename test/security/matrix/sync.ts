import type { MatrixRow } from './types.js';

const FIELD = [
  'registration_officer',
  'caseworker',
  'case_supervisor',
  'reunification_officer',
  'reception_coordinator',
  'information_officer',
] as const;
const MANAGERS = ['admin', 'data_protection_officer'] as const;

export const rows: MatrixRow[] = [
  { method: 'POST', url: '/api/sync', allow: FIELD },
  { method: 'GET', url: '/api/me/devices', allow: 'self' },
  { method: 'POST', url: '/api/me/devices', allow: FIELD },
  { method: 'DELETE', url: '/api/me/devices/:id', allow: 'self' },
  { method: 'POST', url: '/api/devices/status', allow: 'public' },
  { method: 'GET', url: '/api/sync/devices', allow: MANAGERS },
  { method: 'POST', url: '/api/sync/devices/:id/revoke', allow: MANAGERS },
  { method: 'GET', url: '/api/sync/policy', allow: FIELD },
  { method: 'PUT', url: '/api/sync/policy', allow: MANAGERS },
];
