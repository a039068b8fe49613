import { hashToken, randomToken, timeOrderedId } from '../../crypto/index.js';
import type { DB, Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { updateSession } from '../access/access.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findDeviceById,
  findDeviceBySecretHash,
  insertDevice,
  listDevices,
  readSetting,
  updateDevice,
  writeSetting,
} from './sync.repository.js';
import type { OfflinePolicyValue } from './sync.schema.js';
import type { UserDevicesTable } from './sync.tables.js';

const POLICY_KEY = 'sync.offline_policy';
/** Two weeks covers a long field mission between two connections; the DPO may shorten it. */
export const DEFAULT_POLICY: OfflinePolicyValue = { wipeAfterDays: 14 };

export async function readPolicy(db: Executor): Promise<OfflinePolicyValue> {
  const row = await readSetting(db, POLICY_KEY);
  if (!row) return DEFAULT_POLICY;
  const stored = JSON.parse(row.value) as Partial<OfflinePolicyValue>;
  return { ...DEFAULT_POLICY, ...stored };
}

export async function savePolicy(ctx: ServiceContext, policy: OfflinePolicyValue) {
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, POLICY_KEY, JSON.stringify(policy), ctx.now().toISOString());
    await recordAudit(trx, ctx, { action: 'sync.policy_update', entity: 'setting', details: { ...policy } });
  });
  return policy;
}

function requireUser(ctx: ServiceContext): { userId: string; orgId: string } {
  if (!ctx.actor.userId || !ctx.actor.orgId) throw new AppError('forbidden');
  return { userId: ctx.actor.userId, orgId: ctx.actor.orgId };
}

/** Registers this browser for offline work; the secret is returned once and stored hashed. */
export async function registerDevice(ctx: ServiceContext, input: { name: string; userAgent?: string }) {
  const { userId, orgId } = requireUser(ctx);
  const secret = `psd_${randomToken(32)}`;
  const now = ctx.now().toISOString();
  const row: UserDevicesTable = {
    id: timeOrderedId(ctx.now().getTime()),
    user_id: userId,
    org_id: orgId,
    name: input.name,
    secret_hash: hashToken(secret),
    session_id: ctx.actor.sessionId ?? null,
    user_agent: input.userAgent?.slice(0, 300) ?? null,
    created_at: now,
    last_seen_at: now,
    last_sync_at: null,
    revoked_at: null,
    revoked_by: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertDevice(trx, row);
    await recordAudit(trx, ctx, { action: 'device.register', entity: 'device', entityId: row.id });
  });
  return { row: { ...row, offline_people: 0 }, secret, policy: await readPolicy(ctx.db) };
}

export async function listOwnDevices(ctx: ServiceContext) {
  return listDevices(ctx.db, { userId: requireUser(ctx).userId });
}

export async function listOrganisationDevices(ctx: ServiceContext) {
  return listDevices(ctx.db, { orgId: requireUser(ctx).orgId });
}

/**
 * Revokes a device: it can no longer sync, the session it last used ends, and the next time it
 * asks (`POST /api/devices/status`) it is told to wipe its offline data. `scope` is the user's own
 * devices, or any device of the organisation for a manager.
 */
export async function revokeDevice(ctx: ServiceContext, deviceId: string, scope: 'own' | 'organisation') {
  const { userId, orgId } = requireUser(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const device = await findDeviceById(trx, deviceId);
    const visible = device && (scope === 'own' ? device.user_id === userId : device.org_id === orgId);
    if (!device || !visible) throw AppError.notFound('device');
    if (device.revoked_at) throw new AppError('invalid_state', 'This device was already revoked.');
    const now = ctx.now().toISOString();
    await updateDevice(trx, deviceId, { revoked_at: now, revoked_by: userId });
    if (device.session_id) await updateSession(trx, device.session_id, { revoked_at: now });
    await recordAudit(trx, ctx, {
      action: 'device.revoke',
      entity: 'device',
      entityId: deviceId,
      details: { ownerId: device.user_id, sessionEnded: Boolean(device.session_id) },
    });
  });
}

/** What a device learns from its secret alone: whether it may keep its data. */
export async function deviceStatus(db: DB, deviceId: string, secret: string) {
  const device = await findDeviceBySecretHash(db, hashToken(secret));
  if (!device || device.id !== deviceId) throw AppError.notFound('device');
  const revoked = device.revoked_at !== null;
  return { status: revoked ? ('revoked' as const) : ('active' as const), wipe: revoked };
}

/**
 * The device a sync runs for: the caller's own (another user's device is "not found"), not
 * revoked (403, with a detail code the app recognises to wipe itself).
 */
export async function requireActiveDevice(trx: Executor, ctx: ServiceContext, deviceId: string) {
  const device = await findDeviceById(trx, deviceId);
  if (!device || device.user_id !== ctx.actor.userId) throw AppError.notFound('device');
  if (device.revoked_at) {
    throw new AppError(
      'forbidden',
      'This device was revoked: it can no longer sync, and its offline data is being deleted.',
      [{ field: 'deviceId', code: 'device_revoked', message: 'device revoked' }],
    );
  }
  return device;
}
