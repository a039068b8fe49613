import type { Role } from './roles.js';

/**
 * Route-level permissions. Each module's policy file declares its own with `definePermissions`,
 * naming the roles that hold each; a route names exactly one permission (or a pseudo-permission
 * below). Record scope and field visibility are separate checks (see scope.ts and the presenters).
 */
const registry = new Map<string, ReadonlySet<Role>>();

/** No session needed (health, login, public information site). */
export const PUBLIC = 'public';
/** Any signed-in user acting on their own account, also while their second factor is not set up yet. */
export const SELF = 'self';

export type PseudoPermission = typeof PUBLIC | typeof SELF;

export function definePermissions<const T extends Record<string, readonly Role[]>>(
  definitions: T,
): { [K in keyof T]: K } {
  const names = {} as { [K in keyof T]: K };
  for (const [name, roles] of Object.entries(definitions)) {
    if (name === PUBLIC || name === SELF) throw new Error(`${name} is reserved`);
    const existing = registry.get(name);
    if (existing && !sameRoles(existing, roles)) throw new Error(`permission ${name} defined twice`);
    registry.set(name, new Set(roles));
    (names as Record<string, string>)[name] = name;
  }
  return names;
}

export function isKnownPermission(name: string): boolean {
  return name === PUBLIC || name === SELF || registry.has(name);
}

export function rolesHolding(permission: string): ReadonlySet<Role> {
  return registry.get(permission) ?? new Set();
}

export function permissionsOf(roles: readonly Role[]): Set<string> {
  const granted = new Set<string>();
  for (const [name, holders] of registry) {
    if (roles.some((role) => holders.has(role))) granted.add(name);
  }
  return granted;
}

export function allPermissions(): string[] {
  return [...registry.keys()].sort();
}

function sameRoles(a: ReadonlySet<Role>, b: readonly Role[]): boolean {
  return a.size === b.length && b.every((role) => a.has(role));
}
