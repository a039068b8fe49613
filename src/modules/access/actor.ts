import type { Role } from './roles.js';

/** Who is acting: a signed-in user (session or bearer token), or the system (CLI, jobs). */
export interface Actor {
  userId: string | null;
  orgId: string | null;
  roles: readonly Role[];
  permissions: ReadonlySet<string>;
  via: 'session' | 'token' | 'system';
  sessionId?: string;
  tokenId?: string;
  /** False while a user who needs a second factor has not enrolled or not presented it. */
  secondFactorSatisfied: boolean;
}

export const SYSTEM_ACTOR: Actor = {
  userId: null,
  orgId: null,
  roles: [],
  permissions: new Set(),
  via: 'system',
  secondFactorSatisfied: true,
};

export function can(actor: Actor, permission: string): boolean {
  return actor.permissions.has(permission);
}
