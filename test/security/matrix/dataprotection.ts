import type { MatrixRow } from './types.js';

// Retention, erasure and access requests, consent overview: the data protection officer alone
// (src/modules/dataprotection/dataprotection.policy.ts explains why an admin may not stand in).
const DPO = ['data_protection_officer'] as const;
const RETENTION = '/api/data-protection/retention';
const ERASURES = '/api/data-protection/erasure-requests';
const ACCESS = '/api/data-protection/access-requests';

export const rows: MatrixRow[] = [
  { method: 'GET', url: `${RETENTION}/record-types`, allow: DPO },
  { method: 'GET', url: `${RETENTION}/policies`, allow: DPO },
  { method: 'POST', url: `${RETENTION}/policies`, allow: DPO },
  { method: 'PATCH', url: `${RETENTION}/policies/:id`, allow: DPO },
  { method: 'GET', url: `${RETENTION}/preview`, allow: DPO },
  { method: 'POST', url: `${RETENTION}/runs`, allow: DPO },
  { method: 'GET', url: `${RETENTION}/runs`, allow: DPO },
  { method: 'GET', url: `${RETENTION}/holds`, allow: DPO },
  { method: 'POST', url: `${RETENTION}/holds`, allow: DPO },
  { method: 'POST', url: `${RETENTION}/holds/:id/release`, allow: DPO },
  { method: 'GET', url: ERASURES, allow: DPO },
  { method: 'POST', url: ERASURES, allow: DPO },
  { method: 'GET', url: `${ERASURES}/:id`, allow: DPO },
  { method: 'POST', url: `${ERASURES}/:id/approve`, allow: DPO },
  { method: 'POST', url: `${ERASURES}/:id/refuse`, allow: DPO },
  { method: 'POST', url: `${ERASURES}/:id/cancel`, allow: DPO },
  { method: 'GET', url: ACCESS, allow: DPO },
  { method: 'POST', url: ACCESS, allow: DPO },
  { method: 'GET', url: `${ACCESS}/:id`, allow: DPO },
  { method: 'POST', url: `${ACCESS}/:id/approve`, allow: DPO },
  { method: 'POST', url: `${ACCESS}/:id/refuse`, allow: DPO },
  { method: 'POST', url: `${ACCESS}/:id/cancel`, allow: DPO },
  { method: 'GET', url: `${ACCESS}/:id/export.json`, allow: DPO },
  { method: 'GET', url: `${ACCESS}/:id/export.pdf`, allow: DPO },
  { method: 'GET', url: '/api/data-protection/consents', allow: DPO },
];
