import type { Role } from '../../api/types';

/** Every role, in the order forms list them. The type check fails if the server adds a role. */
export const ROLE_OPTIONS = [
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
] as const satisfies readonly Role[];

type Missing = Exclude<Role, (typeof ROLE_OPTIONS)[number]>;
const everyRoleListed: Missing extends never ? true : Missing = true;
void everyRoleListed;
