export const ROLES = [
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
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Roles whose members can read personal data of people on the move. DESIGN.md: a second factor
 * is required at sign-in for them. `admin`, `site_monitor` and `analyst` see no person records.
 */
export const ROLES_READING_PERSONAL_DATA: ReadonlySet<Role> = new Set<Role>([
  'data_protection_officer',
  'registration_officer',
  'caseworker',
  'case_supervisor',
  'reunification_officer',
  'reception_coordinator',
  'information_officer',
]);

export function requiresSecondFactor(roles: readonly Role[]): boolean {
  return roles.some((role) => ROLES_READING_PERSONAL_DATA.has(role));
}
