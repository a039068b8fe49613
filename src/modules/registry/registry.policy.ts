import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import type { Role } from '../access/roles.js';

export const RegistryPermissions = definePermissions({
  'people.read': [
    'registration_officer',
    'caseworker',
    'case_supervisor',
    'reunification_officer',
    'reception_coordinator',
    'information_officer',
    'data_protection_officer',
  ],
  'people.register': ['registration_officer', 'caseworker', 'case_supervisor'],
  // Reception coordinators move people between sites; field groups limit them to placement.
  'people.update': ['registration_officer', 'caseworker', 'case_supervisor', 'reception_coordinator'],
  // Needs and consent are protection details: not for the reception coordinator.
  'people.protection_update': ['registration_officer', 'caseworker', 'case_supervisor'],
  'people.import': ['registration_officer', 'case_supervisor'],
  'households.write': ['registration_officer', 'caseworker', 'case_supervisor'],
});

/**
 * Field groups of a person record, each with the roles that read it and the roles that write it.
 * `site_monitor` and `analyst` see no person records at all (they lack people.read); the
 * reception coordinator sees names, household, need categories and site, not protection details.
 */
export const PERSON_FIELD_GROUPS = {
  basic: {
    fields: ['sex', 'birthYear', 'ageEstimated', 'nationality', 'languages'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'reception_coordinator',
      'information_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  names: {
    fields: ['givenName', 'familyName', 'fathersName', 'originalScriptName', 'otherNames'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'reception_coordinator',
      'information_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  placement: {
    fields: ['siteId'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'reception_coordinator',
      'information_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor', 'reception_coordinator'],
  },
  birth: {
    fields: ['birthDate', 'placeOfOrigin'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  contact: {
    fields: ['phone'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'information_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  documents: {
    fields: ['documents'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  notes: {
    fields: ['notes'],
    read: ['registration_officer', 'caseworker', 'case_supervisor', 'data_protection_officer'],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  needs: {
    fields: ['specificNeeds'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
  needCategories: {
    fields: ['needCategories'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'reception_coordinator',
      'data_protection_officer',
    ],
    write: [],
  },
  consent: {
    fields: ['consent'],
    read: [
      'registration_officer',
      'caseworker',
      'case_supervisor',
      'reunification_officer',
      'information_officer',
      'data_protection_officer',
    ],
    write: ['registration_officer', 'caseworker', 'case_supervisor'],
  },
} as const satisfies Record<
  string,
  { fields: readonly string[]; read: readonly Role[]; write: readonly Role[] }
>;

export type PersonFieldGroup = keyof typeof PERSON_FIELD_GROUPS;

function holds(actor: Actor, roles: readonly Role[]): boolean {
  return actor.roles.some((role) => roles.includes(role));
}

export function readableGroups(actor: Actor): Set<PersonFieldGroup> {
  return new Set(
    (Object.keys(PERSON_FIELD_GROUPS) as PersonFieldGroup[]).filter((g) =>
      holds(actor, PERSON_FIELD_GROUPS[g].read),
    ),
  );
}

/** Fields of `input` the actor may not write, so the service can answer 403 naming them. */
export function forbiddenWrites(actor: Actor, fieldNames: readonly string[]): string[] {
  const writable = new Set<string>();
  for (const group of Object.values(PERSON_FIELD_GROUPS)) {
    if (holds(actor, group.write)) for (const f of group.fields) writable.add(f);
  }
  return fieldNames.filter((f) => f !== 'version' && !writable.has(f));
}

/** Actions the UI may offer on a person record (the UI never checks roles itself). */
export function personActions(actor: Actor): string[] {
  const actions: string[] = [];
  const can = (p: string) => actor.permissions.has(p);
  if (can(RegistryPermissions['people.update'])) actions.push('edit');
  if (holds(actor, PERSON_FIELD_GROUPS.needs.write)) actions.push('editNeeds');
  if (holds(actor, PERSON_FIELD_GROUPS.consent.write)) actions.push('editConsent');
  if (can(RegistryPermissions['households.write'])) actions.push('editHousehold');
  if (readableGroups(actor).has('notes')) actions.push('viewHistory');
  return actions;
}
