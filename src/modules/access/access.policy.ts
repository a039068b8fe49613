import type { UsersTable } from './access.tables.js';
import type { Actor } from './actor.js';
import { definePermissions } from './permissions.js';
import { ROLES } from './roles.js';

export const AccessPermissions = definePermissions({
  'users.manage': ['admin'],
  'organisations.manage': ['admin'],
  // Every signed-in role may see the list of organisations (referral and sharing pickers).
  'organisations.read': ROLES,
});

/**
 * Record rules for user accounts. An admin manages the accounts of their own organisation only
 * (another agency's accounts answer 404), and never their own roles or second factor, so one
 * account cannot grant itself access to personal data.
 */
export const userPolicy = {
  canSee(actor: Actor, user: Pick<UsersTable, 'org_id'>): boolean {
    return actor.via === 'system' || actor.orgId === user.org_id;
  },
  allowedActions(actor: Actor, user: Pick<UsersTable, 'id' | 'org_id'>): string[] {
    if (!actor.permissions.has(AccessPermissions['users.manage']) || !userPolicy.canSee(actor, user))
      return [];
    const own = actor.userId === user.id;
    return own ? ['rename'] : ['rename', 'changeRoles', 'disable', 'resetTotp', 'unlock', 'revokeSessions'];
  },
};
