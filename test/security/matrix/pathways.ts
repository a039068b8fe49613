import type { MatrixRow } from './types.js';

// A person's legal pathway, procedures and appointments: the people who follow and counsel them.
// Registration officers print and revoke cards but do not read the legal file; analysts see only
// interpreter usage counts.
const FOLLOWERS = ['caseworker', 'case_supervisor', 'information_officer'] as const;
const ROSTER_MANAGERS = ['case_supervisor', 'information_officer'] as const;
const PLANNERS = ['case_supervisor', 'information_officer', 'analyst'] as const;
const CARD_PRINTERS = ['registration_officer', 'caseworker', 'case_supervisor'] as const;
const CARD_REVOKERS = ['registration_officer', 'case_supervisor'] as const;

export const rows: MatrixRow[] = [
  { method: 'GET', url: '/api/people/:id/pathways', allow: FOLLOWERS },
  { method: 'POST', url: '/api/people/:id/pathways', allow: FOLLOWERS },
  { method: 'POST', url: '/api/people/:id/procedures', allow: FOLLOWERS },
  { method: 'GET', url: '/api/procedures/:id', allow: FOLLOWERS },
  { method: 'POST', url: '/api/procedures/:id/events', allow: FOLLOWERS },
  { method: 'POST', url: '/api/procedures/:id/documents', allow: FOLLOWERS },
  { method: 'POST', url: '/api/appointments', allow: FOLLOWERS },
  { method: 'GET', url: '/api/appointments', allow: FOLLOWERS },
  { method: 'POST', url: '/api/appointments/:id/outcome', allow: FOLLOWERS },
  { method: 'POST', url: '/api/appointments/:id/follow-up', allow: FOLLOWERS },
  { method: 'GET', url: '/api/appointments/:id/slip.pdf', allow: FOLLOWERS },
  { method: 'GET', url: '/api/interpreters', allow: FOLLOWERS },
  { method: 'POST', url: '/api/interpreters', allow: ROSTER_MANAGERS },
  { method: 'PATCH', url: '/api/interpreters/:id', allow: ROSTER_MANAGERS },
  { method: 'GET', url: '/api/interpreters/usage', allow: PLANNERS },
  { method: 'POST', url: '/api/interpreter-bookings', allow: FOLLOWERS },
  { method: 'POST', url: '/api/interpreter-bookings/:id/cancel', allow: FOLLOWERS },
  { method: 'GET', url: '/api/people/:id/card.pdf', allow: CARD_PRINTERS },
  { method: 'POST', url: '/api/cards/batch', allow: CARD_PRINTERS },
  { method: 'GET', url: '/api/people/:id/cards', allow: CARD_PRINTERS },
  { method: 'POST', url: '/api/people/:id/card/revoke', allow: CARD_REVOKERS },
];
