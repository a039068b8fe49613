import {
  decryptWithAnyRing,
  encryptWithRingKey,
  hashToken,
  randomToken,
  timeOrderedId,
} from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findActiveSessionsOfUser,
  findApiTokensOfUser,
  findOrganisationById,
  findSessionById,
  findUserById,
  insertApiToken,
  updateApiToken,
  updateSession,
  updateUser,
} from './access.repository.js';
import { totpAad } from './auth.service.js';
import { generateTotpSecret, matchTotpStep, totpQrSvg, totpUri } from './totp.js';

const RECOVERY_CODE_COUNT = 10;

function requireUserId(ctx: ServiceContext): string {
  if (!ctx.actor.userId) throw new AppError('unauthenticated');
  return ctx.actor.userId;
}

export async function getOwnAccount(ctx: ServiceContext) {
  const user = await findUserById(ctx.db, requireUserId(ctx));
  if (!user) throw new AppError('unauthenticated');
  const organisation = await findOrganisationById(ctx.db, user.org_id);
  if (!organisation) throw new AppError('unauthenticated');
  return { user, organisation };
}

export async function setOwnLocale(ctx: ServiceContext, locale: string) {
  await updateUser(ctx.db, requireUserId(ctx), { locale, updated_at: ctx.now().toISOString() });
}

/** Starts (or restarts) enrolment: a new secret, stored encrypted, not active until confirmed. */
export async function beginTotpEnrolment(ctx: ServiceContext) {
  const { user } = await getOwnAccount(ctx);
  if (user.totp_enabled) {
    throw new AppError(
      'invalid_state',
      'Your second factor is already set up; an administrator can reset it.',
    );
  }
  const secret = generateTotpSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      totp_secret: encryptWithRingKey(ctx.keys.dataKeyWrapping, secret, totpAad(user.id)),
      updated_at: ctx.now().toISOString(),
    });
    await recordAudit(trx, ctx, { action: 'auth.totp_enrolment_started', entity: 'user', entityId: user.id });
  });
  const otpauthUri = totpUri(user.email, secret);
  return { secret, otpauthUri, qrSvg: await totpQrSvg(otpauthUri) };
}

export async function confirmTotpEnrolment(ctx: ServiceContext, code: string) {
  const { user } = await getOwnAccount(ctx);
  if (user.totp_enabled) throw new AppError('invalid_state', 'Your second factor is already set up.');
  if (!user.totp_secret) throw new AppError('invalid_state', 'Start the enrolment first.');
  const secret = decryptWithAnyRing(
    ctx.keys,
    (ring) => ring.dataKeyWrapping,
    user.totp_secret,
    totpAad(user.id),
  ).plaintext;
  const step = matchTotpStep(secret, code, ctx.now(), user.totp_last_step);
  if (step === null)
    throw AppError.validation('code', 'does not match; check the time on your phone and try the new code');
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, () =>
    formatRecoveryCode(randomToken(16)),
  );
  await ctx.db.transaction().execute(async (trx) => {
    await updateUser(trx, user.id, {
      totp_enabled: 1,
      totp_last_step: step,
      recovery_codes: JSON.stringify(recoveryCodes.map((c) => hashToken(c.replace(/-/g, '')))),
      updated_at: ctx.now().toISOString(),
    });
    // The session that proved the code now counts as second-factor authenticated.
    if (ctx.actor.sessionId) await updateSession(trx, ctx.actor.sessionId, { second_factor: 1 });
    await recordAudit(trx, ctx, { action: 'auth.totp_enabled', entity: 'user', entityId: user.id });
  });
  return { recoveryCodes };
}

function formatRecoveryCode(raw: string): string {
  const clean = raw
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .padEnd(10, '0')
    .slice(0, 10);
  return `${clean.slice(0, 5)}-${clean.slice(5)}`;
}

export async function listOwnSessions(ctx: ServiceContext) {
  return findActiveSessionsOfUser(ctx.db, requireUserId(ctx), ctx.now().toISOString());
}

export async function revokeOwnSession(ctx: ServiceContext, sessionId: string) {
  const userId = requireUserId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const session = await findSessionById(trx, sessionId);
    if (!session || session.user_id !== userId || session.revoked_at) throw AppError.notFound('session');
    await updateSession(trx, sessionId, { revoked_at: ctx.now().toISOString() });
    await recordAudit(trx, ctx, { action: 'session.revoke', entity: 'session', entityId: sessionId });
  });
}

export async function createApiToken(
  ctx: ServiceContext,
  input: { userId: string; name: string; expiresAt?: string },
) {
  const token = `pst_${randomToken(32)}`;
  const id = timeOrderedId(ctx.now().getTime());
  const row = {
    id,
    user_id: input.userId,
    name: input.name,
    token_hash: hashToken(token),
    created_at: ctx.now().toISOString(),
    last_used_at: null,
    expires_at: input.expiresAt ?? null,
    revoked_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    const user = await findUserById(trx, input.userId);
    if (!user || user.disabled_at) throw AppError.notFound('user');
    await insertApiToken(trx, row);
    await recordAudit(trx, ctx, {
      action: 'token.create',
      entity: 'api_token',
      entityId: id,
      details: { userId: user.id },
    });
  });
  return { row, token };
}

export async function listOwnTokens(ctx: ServiceContext) {
  return findApiTokensOfUser(ctx.db, requireUserId(ctx));
}

export async function revokeOwnToken(ctx: ServiceContext, tokenId: string) {
  const userId = requireUserId(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const tokens = await findApiTokensOfUser(trx, userId);
    if (!tokens.some((t) => t.id === tokenId)) throw AppError.notFound('token');
    await updateApiToken(trx, tokenId, { revoked_at: ctx.now().toISOString() });
    await recordAudit(trx, ctx, { action: 'token.revoke', entity: 'api_token', entityId: tokenId });
  });
}
