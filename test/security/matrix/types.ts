import type { Role } from '../../../src/modules/access/roles.js';

/**
 * One row per route: who may call it. Stated here independently of the policy files, so a
 * change of permissions must be made twice on purpose (GitLab's permission matrix does the same).
 */
export interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  allow: readonly Role[] | 'public' | 'self';
}

export const EVERY_ROLE: readonly Role[] = [
  'admin',
  'data_protection_officer',
  'registration_officer',
  'caseworker',
  'case_supervisor',
  'reunification_officer',
  'reception_coordinator',
  'information_officer',
  'site_monitor',
  'analyst',
];
