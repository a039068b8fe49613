import { decryptWithAnyRing, hashToken, randomToken, timeOrderedId } from '../../crypto/index.js';
import type { AppDeps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { recordAudit, recordAuditAlone } from '../audit/audit.service.js';
import {
  findApiTokenByHash,
  findSessionByTokenHash,
  findUserByEmail,
  findUserById,
  incrementFailedLogins,
  insertSession,
  updateApiToken,
  updateSession,
  updateUser,
} from './access.repository.js';
import type { UsersTable } from './access.tables.js';
import { type Actor, SYSTEM_ACTOR } from './actor.js';
import { decoyPasswordHash, verifyPassword } from './passwords.js';
import { permissionsOf } from './permissions.js';
import { isRole, type Role, requiresSecondFactor } from './roles.js';
import { matchTotpStep } from './totp.js';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
/** Sliding the idle expiry costs a write; do it at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

export interface LoginMeta {
  ip?: string;
  userAgent?: string;
  requestId?: string;
}

export interface LoginResult {
  sessionToken: string;
  csrfToken: string;
  userId: string;
  secondFactorRequiredButMissing: boolean;
}

export function parseRoles(json: string): Role[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
}

export function totpAad(userId: string): string {
  return `users|${userId}|totp`;
}

function minutesFrom(now: Date, minutes: number): string {
  return new Date(now.getTime() + minutes * 60_000).toISOString();
}

export async function login(deps: AppDeps, input: LoginInput, meta: LoginMeta): Promise<LoginResult> {
  const now = deps.now();
  const email = input.email.trim().toLowerCase();
  const user = await findUserByEmail(deps.db, email);
  const auditCtx = { keys: deps.keys, now: deps.now, requestId: meta.requestId };
  const fail = async (reason: string, countsAsFailure: boolean): Promise<never> => {
    if (user && countsAsFailure) await recordFailedLogin(deps, user.id, now);
    await recordAuditAlone(
      deps.db,
      { ...auditCtx, actor: { ...SYSTEM_ACTOR, via: 'session' } },
      {
        action: 'auth.login_failed',
        entity: 'user',
        entityId: user?.id ?? null,
        details: { reason },
      },
    );
    throw new AppError('invalid_credentials');
  };

  if (!user) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    return fail('unknown_email', false);
  }
  if (user.disabled_at || (user.locked_until && user.locked_until > now.toISOString())) {
    await verifyPassword(await decoyPasswordHash(), input.password);
    return fail(user.disabled_at ? 'disabled' : 'locked', false);
  }
  if (!(await verifyPassword(user.password_hash, input.password))) return fail('wrong_password', true);

  let totpStep: number | null = null;
  let remainingRecoveryCodes: string[] | null = null;
  if (user.totp_enabled) {
    if (input.recoveryCode) {
      remainingRecoveryCodes = consumeRecoveryCode(user, input.recoveryCode);
      if (!remainingRecoveryCodes) return fail('wrong_recovery_code', true);
    } else if (!input.totp) {
      // The password was right; ask for the second factor without counting a failure.
      throw new AppError('totp_required');
    } else {
      // Any readable ring: during a key rotation some secrets are still sealed under the previous key.
      const secret = decryptWithAnyRing(
        deps.keys,
        (ring) => ring.dataKeyWrapping,
        user.totp_secret ?? '',
        totpAad(user.id),
      ).plaintext;
      totpStep = matchTotpStep(secret, input.totp, now, user.totp_last_step);
      if (totpStep === null) return fail('wrong_totp', true);
    }
  }

  const roles = parseRoles(user.roles);
  const sessionToken = randomToken(32);
  const csrfToken = randomToken(24);
  const sessionId = timeOrderedId(now.getTime());
  const secondFactor = user.totp_enabled === 1;
  await deps.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      failed_logins: 0,
      locked_until: null,
      ...(totpStep !== null ? { totp_last_step: totpStep } : {}),
      ...(remainingRecoveryCodes ? { recovery_codes: JSON.stringify(remainingRecoveryCodes) } : {}),
    });
    await insertSession(trx, {
      id: sessionId,
      token_hash: hashToken(sessionToken),
      user_id: user.id,
      csrf_token: csrfToken,
      second_factor: secondFactor ? 1 : 0,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      idle_expires_at: minutesFrom(now, IDLE_TIMEOUT_MINUTES),
      absolute_expires_at: minutesFrom(now, ABSOLUTE_TIMEOUT_HOURS * 60),
      revoked_at: null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
      ip: meta.ip ?? null,
    });
    await recordAudit(
      trx,
      { ...auditCtx, actor: actorFor(user, roles, { via: 'session', sessionId, secondFactor }) },
      {
        action: 'auth.login',
        entity: 'user',
        entityId: user.id,
        details: {
          method: remainingRecoveryCodes ? 'recovery_code' : totpStep !== null ? 'totp' : 'password',
        },
      },
    );
  });
  return {
    sessionToken,
    csrfToken,
    userId: user.id,
    secondFactorRequiredButMissing: requiresSecondFactor(roles) && !secondFactor,
  };
}

async function recordFailedLogin(deps: AppDeps, userId: string, now: Date): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const failures = await incrementFailedLogins(trx, userId);
    if (failures >= MAX_FAILED_LOGINS) {
      await updateUser(trx, userId, { failed_logins: 0, locked_until: minutesFrom(now, LOCKOUT_MINUTES) });
    }
  });
}

function consumeRecoveryCode(user: UsersTable, code: string): string[] | null {
  const hashes: string[] = user.recovery_codes ? JSON.parse(user.recovery_codes) : [];
  const wanted = hashToken(
    code
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]/g, ''),
  );
  if (!hashes.includes(wanted)) return null;
  return hashes.filter((h) => h !== wanted);
}

export function actorFor(
  user: Pick<UsersTable, 'id' | 'org_id' | 'totp_enabled'>,
  roles: Role[],
  via: { via: 'session'; sessionId: string; secondFactor: boolean } | { via: 'token'; tokenId: string },
): Actor {
  const secondFactorSatisfied =
    via.via === 'token'
      ? true
      : !requiresSecondFactor(roles) || (via.secondFactor && user.totp_enabled === 1);
  return {
    userId: user.id,
    orgId: user.org_id,
    roles,
    permissions: permissionsOf(roles),
    via: via.via,
    sessionId: via.via === 'session' ? via.sessionId : undefined,
    tokenId: via.via === 'token' ? via.tokenId : undefined,
    secondFactorSatisfied,
  };
}

export interface ResolvedSession {
  actor: Actor;
  csrfToken: string;
}

/** Resolves a session cookie to an actor, enforcing revocation, idle and absolute timeouts. */
export async function resolveSession(deps: AppDeps, sessionToken: string): Promise<ResolvedSession | null> {
  const session = await findSessionByTokenHash(deps.db, hashToken(sessionToken));
  if (!session || session.revoked_at) return null;
  const now = deps.now();
  const nowIso = now.toISOString();
  if (session.idle_expires_at <= nowIso || session.absolute_expires_at <= nowIso) return null;
  const user = await findUserById(deps.db, session.user_id);
  if (!user || user.disabled_at) return null;
  if (now.getTime() - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await updateSession(deps.db, session.id, {
      last_seen_at: nowIso,
      idle_expires_at: minutesFrom(now, IDLE_TIMEOUT_MINUTES),
    });
  }
  const actor = actorFor(user, parseRoles(user.roles), {
    via: 'session',
    sessionId: session.id,
    secondFactor: session.second_factor === 1,
  });
  return { actor, csrfToken: session.csrf_token };
}

export async function resolveBearerToken(deps: AppDeps, token: string): Promise<Actor | null> {
  const row = await findApiTokenByHash(deps.db, hashToken(token));
  if (!row || row.revoked_at) return null;
  const now = deps.now();
  if (row.expires_at && row.expires_at <= now.toISOString()) return null;
  const user = await findUserById(deps.db, row.user_id);
  if (!user || user.disabled_at) return null;
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > TOUCH_INTERVAL_MS) {
    await updateApiToken(deps.db, row.id, { last_used_at: now.toISOString() });
  }
  return actorFor(user, parseRoles(user.roles), { via: 'token', tokenId: row.id });
}

export async function logout(deps: AppDeps, actor: Actor, requestId?: string): Promise<void> {
  if (!actor.sessionId) return;
  const sessionId = actor.sessionId;
  await deps.db.transaction().execute(async (trx) => {
    await updateSession(trx, sessionId, { revoked_at: deps.now().toISOString() });
    await recordAudit(
      trx,
      { keys: deps.keys, now: deps.now, actor, requestId },
      {
        action: 'auth.logout',
        entity: 'session',
        entityId: sessionId,
      },
    );
  });
}
