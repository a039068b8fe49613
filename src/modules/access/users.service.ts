import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { userPolicy } from './access.policy.js';
import {
  findOrganisationById,
  findOrganisationBySlug,
  findOrganisations,
  findUserByEmail,
  findUserById,
  findUsers,
  insertOrganisation,
  insertUser,
  revokeApiTokensOfUser,
  revokeSessionsOfUser,
  updateUser as updateUserRow,
} from './access.repository.js';
import { parseRoles } from './auth.service.js';
import { assertStrongPassword, hashPassword } from './passwords.js';
import type { Role } from './roles.js';

export interface CreateOrganisationInput {
  slug: string;
  name: string;
  kind: string;
  isDemo?: boolean;
}

export async function createOrganisation(ctx: ServiceContext, input: CreateOrganisationInput) {
  const id = timeOrderedId(ctx.now().getTime());
  return ctx.db.transaction().execute(async (trx) => {
    if (await findOrganisationBySlug(trx, input.slug)) {
      throw new AppError('conflict', `slug: an organisation with slug "${input.slug}" already exists`, [
        { field: 'slug', message: 'already exists' },
      ]);
    }
    const row = {
      id,
      slug: input.slug,
      name: input.name,
      kind: input.kind,
      is_demo: input.isDemo ? 1 : 0,
      created_at: ctx.now().toISOString(),
    };
    await insertOrganisation(trx, row);
    await recordAudit(trx, ctx, { action: 'organisation.create', entity: 'organisation', entityId: id });
    return row;
  });
}

export function listOrganisations(ctx: ServiceContext) {
  return findOrganisations(ctx.db);
}

export interface CreateUserInput {
  email: string;
  name: string;
  roles: Role[];
  password: string;
  locale?: string;
  orgId: string;
  isDemo?: boolean;
}

export async function createUser(ctx: ServiceContext, input: CreateUserInput) {
  const email = input.email.trim().toLowerCase();
  assertStrongPassword(input.password, { email, name: input.name });
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now().toISOString();
  const id = timeOrderedId(ctx.now().getTime());
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findOrganisationById(trx, input.orgId)))
      throw AppError.validation('org', 'organisation does not exist');
    if (await findUserByEmail(trx, email)) {
      throw new AppError('conflict', 'email: a user with this email already exists', [
        { field: 'email', message: 'already exists' },
      ]);
    }
    const row = {
      id,
      org_id: input.orgId,
      email,
      name: input.name,
      roles: JSON.stringify([...new Set(input.roles)]),
      password_hash: passwordHash,
      locale: input.locale ?? 'en',
      totp_secret: null,
      totp_enabled: 0,
      totp_last_step: null,
      recovery_codes: null,
      failed_logins: 0,
      locked_until: null,
      disabled_at: null,
      is_demo: input.isDemo ? 1 : 0,
      created_at: now,
      updated_at: now,
    };
    await insertUser(trx, row);
    await recordAudit(trx, ctx, {
      action: 'user.create',
      entity: 'user',
      entityId: id,
      details: { roles: [...new Set(input.roles)] },
    });
    return row;
  });
}

export async function listUsers(ctx: ServiceContext, filter: { afterEmail?: string; limit: number }) {
  // Admins see their own organisation's accounts; the system (CLI) sees all.
  const orgId = ctx.actor.via === 'system' ? undefined : (ctx.actor.orgId ?? '');
  return findUsers(ctx.db, { orgId, afterEmail: filter.afterEmail, limit: filter.limit });
}

export async function getUser(ctx: ServiceContext, id: string) {
  const user = await findUserById(ctx.db, id);
  if (!user || !userPolicy.canSee(ctx.actor, user)) throw AppError.notFound('user');
  return user;
}

export interface UpdateUserInput {
  name?: string;
  roles?: Role[];
  disabled?: boolean;
  resetTotp?: true;
  unlock?: true;
}

const ACTION_OF_CHANGE: Record<keyof UpdateUserInput, string> = {
  name: 'rename',
  roles: 'changeRoles',
  disabled: 'disable',
  resetTotp: 'resetTotp',
  unlock: 'unlock',
};

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUserInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user || !userPolicy.canSee(ctx.actor, user)) throw AppError.notFound('user');
    const allowed = userPolicy.allowedActions(ctx.actor, user);
    const changed = (Object.keys(input) as (keyof UpdateUserInput)[]).filter((k) => input[k] !== undefined);
    for (const field of changed) {
      if (!allowed.includes(ACTION_OF_CHANGE[field])) {
        throw new AppError('field_forbidden', `${field}: you may not change this on this account`, [
          { field, message: 'not allowed for your role on this account' },
        ]);
      }
    }
    const now = ctx.now().toISOString();
    const endsAccess = input.disabled === true || input.roles !== undefined || input.resetTotp === true;
    await updateUserRow(trx, id, {
      updated_at: now,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.roles !== undefined ? { roles: JSON.stringify([...new Set(input.roles)]) } : {}),
      ...(input.disabled !== undefined ? { disabled_at: input.disabled ? now : null } : {}),
      ...(input.resetTotp
        ? { totp_secret: null, totp_enabled: 0, totp_last_step: null, recovery_codes: null }
        : {}),
      ...(input.unlock ? { locked_until: null, failed_logins: 0 } : {}),
    });
    // Disabling, a role change or a second-factor reset ends every open session at once.
    if (endsAccess) await revokeSessionsOfUser(trx, id, now);
    if (input.disabled === true) await revokeApiTokensOfUser(trx, id, now);
    await recordAudit(trx, ctx, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      details: {
        fields: changed,
        ...(input.roles ? { from: parseRoles(user.roles), to: input.roles } : {}),
      },
    });
    const updated = await findUserById(trx, id);
    if (!updated) throw AppError.notFound('user');
    return updated;
  });
}

export async function revokeUserSessions(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, id);
    if (!user || !userPolicy.canSee(ctx.actor, user)) throw AppError.notFound('user');
    if (!userPolicy.allowedActions(ctx.actor, user).includes('revokeSessions'))
      throw new AppError('forbidden');
    await revokeSessionsOfUser(trx, id, ctx.now().toISOString());
    await recordAudit(trx, ctx, { action: 'user.sessions_revoke', entity: 'user', entityId: id });
  });
}
