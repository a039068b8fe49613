import { userPolicy } from './access.policy.js';
import type { ApiTokensTable, OrganisationsTable, SessionsTable, UsersTable } from './access.tables.js';
import type { Actor } from './actor.js';
import { parseRoles } from './auth.service.js';
import { requiresSecondFactor } from './roles.js';

export function presentUser(user: UsersTable, actor: Actor) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    orgId: user.org_id,
    roles: parseRoles(user.roles),
    locale: (['en', 'fr', 'ar'].includes(user.locale) ? user.locale : 'en') as 'en' | 'fr' | 'ar',
    totpEnabled: user.totp_enabled === 1,
    disabled: user.disabled_at !== null,
    lockedUntil: user.locked_until,
    createdAt: user.created_at,
    allowed: userPolicy.allowedActions(actor, user),
  };
}

export function presentOrganisation(org: OrganisationsTable) {
  return { id: org.id, slug: org.slug, name: org.name, kind: org.kind, createdAt: org.created_at };
}

export function presentSession(session: SessionsTable, currentSessionId: string | undefined) {
  return {
    id: session.id,
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    userAgent: session.user_agent,
    current: session.id === currentSessionId,
  };
}

export function presentToken(token: ApiTokensTable) {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.created_at,
    lastUsedAt: token.last_used_at,
    expiresAt: token.expires_at,
  };
}

export function presentMe(
  user: UsersTable,
  organisation: OrganisationsTable,
  actor: Actor,
  csrfToken: string | null,
  demo: boolean,
) {
  const { allowed: _allowed, ...account } = presentUser(user, actor);
  return {
    user: account,
    organisation: {
      id: organisation.id,
      slug: organisation.slug,
      name: organisation.name,
      kind: organisation.kind,
    },
    permissions: [...actor.permissions].sort(),
    csrfToken,
    secondFactor: {
      required: requiresSecondFactor(parseRoles(user.roles)),
      enrolled: user.totp_enabled === 1,
      satisfied: actor.secondFactorSatisfied,
    },
    demo,
  };
}
