import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import { CasePermissions } from '../cases/cases.policy.js';
import { InformationPermissions } from '../information/information.policy.js';
import { RegistryPermissions } from '../registry/registry.policy.js';
import type { ChangeKind } from './sync.schema.js';

/**
 * Offline work is for the roles that work in the field with people's records. Each change a
 * device sends is then held to the permission of its online counterpart (below), so a device
 * never lets a role do offline what it could not do online.
 */
export const SyncPermissions = definePermissions({
  'sync.use': [
    'registration_officer',
    'caseworker',
    'case_supervisor',
    'reunification_officer',
    'reception_coordinator',
    'information_officer',
  ],
  // The offline policy (days before an unsynced device wipes itself) and every device of the
  // organisation, to revoke a lost phone of a colleague who is not there to do it.
  'sync.manage': ['admin', 'data_protection_officer'],
});

/** The permission of the online route each kind of change stands for. */
export const CHANGE_PERMISSION: Record<ChangeKind, string> = {
  'person.create': RegistryPermissions['people.register'],
  'person.update': RegistryPermissions['people.update'],
  'person.needs': RegistryPermissions['people.protection_update'],
  'person.consent': RegistryPermissions['people.protection_update'],
  'household.create': RegistryPermissions['households.write'],
  'household.member': RegistryPermissions['households.write'],
  'counselling.create': InformationPermissions['counselling.write'],
  'case.note': CasePermissions['cases.write'],
};

/** The kinds of change this actor may make offline; the client offers only these. */
export function offlineActions(actor: Actor): string[] {
  return Object.entries(CHANGE_PERMISSION)
    .filter(([, permission]) => actor.permissions.has(permission))
    .map(([kind]) => kind);
}
