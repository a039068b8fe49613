import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { openPending, replayResult, sealPending } from './change-log.js';
import { baseResult, causesOf, type Known, rejectChange, runChange } from './change-runner.js';
import { readPolicy, requireActiveDevice } from './devices.service.js';
import { offlineCopies } from './offline-copies.js';
import { CHANGE_PERMISSION, offlineActions } from './sync.policy.js';
import { findChanges, findPending, insertPending, pruneChanges, updateDevice } from './sync.repository.js';
import type { ChangeResultOut, SyncChangeInput, SyncInput } from './sync.schema.js';

/** Outcomes are kept well beyond the longest a device may stay unsynced before it wipes itself. */
const KEEP_OUTCOMES_DAYS = 180;

const isDone = (status: ChangeResultOut['status'] | undefined) =>
  status === 'applied' || status === 'conflict';

/**
 * One sync: the device's changes are applied in causal order, each in its own transaction with
 * the record of its outcome; changes whose causes have not arrived wait (kept, encrypted) and are
 * applied by a later sync that brings them; then the device gets the current records of the
 * people it keeps for offline use. Safe to repeat: a change already applied answers its outcome.
 */
export async function synchronise(
  ctx: ServiceContext,
  input: SyncInput,
  options: { userAgent?: string; logFailure: (error: unknown) => void },
) {
  const device = await requireActiveDevice(ctx.db, ctx, input.deviceId);
  const incoming = new Map<string, SyncChangeInput>();
  for (const change of input.changes) if (!incoming.has(change.id)) incoming.set(change.id, change);
  const queue = new Map(incoming);
  for (const row of await findPending(ctx.db, device.id)) {
    if (!queue.has(row.change_id))
      queue.set(row.change_id, openPending(ctx, device.id, row.change_id, row.body));
  }

  const results = new Map<string, ChangeResultOut>();
  const known: Known = new Map();
  const everyId = [...new Set([...queue.values()].flatMap((c) => [c.id, ...causesOf(c)]))];
  for (const row of await findChanges(ctx.db, device.id, everyId)) {
    known.set(row.change_id, { status: row.status, entityId: row.entity_id });
    if (queue.has(row.change_id)) results.set(row.change_id, await replayResult(ctx.db, ctx, row));
  }

  for (let progress = true; progress; ) {
    progress = false;
    for (const change of queue.values()) {
      if (results.has(change.id)) continue;
      const causes = causesOf(change);
      const refused = causes.find((id) => known.get(id)?.status === 'rejected');
      let result: ChangeResultOut | null = null;
      if (!ctx.actor.permissions.has(CHANGE_PERMISSION[change.kind])) {
        result = await rejectChange(ctx, device.id, change, new AppError('forbidden'));
      } else if (refused) {
        const error = new AppError(
          'invalid_state',
          `This change depends on change ${refused}, which was refused.`,
        );
        result = await rejectChange(ctx, device.id, change, error);
      } else if (causes.every((id) => isDone(known.get(id)?.status))) {
        result = await runChange(ctx, device.id, change, known, options.logFailure);
      }
      if (!result) continue;
      results.set(change.id, result);
      if (result.status !== 'failed')
        known.set(change.id, { status: result.status, entityId: result.entity?.id ?? null });
      progress = true;
    }
  }

  const now = ctx.now().toISOString();
  // Waiting: a cause has not reached the server yet, directly or through a cause that waits.
  const waiting = new Set<string>();
  const unresolved = [...queue.values()].filter((c) => !results.has(c.id));
  for (let grew = true; grew; ) {
    grew = false;
    for (const change of unresolved) {
      if (waiting.has(change.id)) continue;
      const causes = causesOf(change);
      if (causes.some((id) => (!known.has(id) && !queue.has(id)) || waiting.has(id))) {
        waiting.add(change.id);
        grew = true;
      }
    }
  }
  for (const change of unresolved) {
    const pendingCauses = causesOf(change).filter((id) => !known.has(id));
    if (waiting.has(change.id)) {
      // Kept so that it is applied as soon as a later sync brings its causes.
      if (incoming.has(change.id)) {
        await insertPending(ctx.db, {
          device_id: device.id,
          change_id: change.id,
          depends_on: JSON.stringify(pendingCauses),
          body: sealPending(ctx, device.id, change),
          received_at: now,
        });
      }
      results.set(change.id, { ...baseResult(change, 'waiting'), waitingFor: pendingCauses });
    } else {
      results.set(change.id, {
        ...baseResult(change, 'failed'),
        waitingFor: pendingCauses,
        error: {
          code: 'internal',
          message: 'An earlier change it depends on could not be applied just now; both will be sent again.',
          details: [],
        },
      });
    }
  }

  const copies = await offlineCopies(ctx, device.id, input.offlinePeople, known);
  const counts: Record<string, number> = {};
  for (const result of results.values()) counts[result.status] = (counts[result.status] ?? 0) + 1;
  await ctx.db.transaction().execute(async (trx) => {
    await updateDevice(trx, device.id, {
      last_sync_at: now,
      last_seen_at: now,
      ...(ctx.actor.sessionId ? { session_id: ctx.actor.sessionId } : {}),
      ...(options.userAgent ? { user_agent: options.userAgent.slice(0, 300) } : {}),
    });
    await pruneChanges(
      trx,
      device.id,
      new Date(ctx.now().getTime() - KEEP_OUTCOMES_DAYS * 86_400_000).toISOString(),
    );
    await recordAudit(trx, ctx, {
      action: 'sync.run',
      entity: 'device',
      entityId: device.id,
      details: { received: incoming.size, outcomes: counts, offlinePeople: copies.people.length },
    });
  });
  return {
    results: [...results.values()],
    ...copies,
    policy: await readPolicy(ctx.db),
    offlineActions: offlineActions(ctx.actor),
    serverTime: now,
  };
}
