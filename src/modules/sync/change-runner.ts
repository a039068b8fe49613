import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { applyChange, REFERENCE_FIELDS } from './apply-change.js';
import { replayResult, storedOutcome, storedRejection } from './change-log.js';
import { contextInTransaction } from './in-transaction.js';
import { deletePending, findChanges, insertChange, updateChange } from './sync.repository.js';
import { type ChangeResultOut, LOCAL_PREFIX, type SyncChangeInput } from './sync.schema.js';

/** Final outcomes known so far, by change id: from earlier syncs or from this one. */
export type Known = Map<string, { status: ChangeResultOut['status']; entityId: string | null }>;

const refOf = (value: unknown) =>
  typeof value === 'string' && value.startsWith(LOCAL_PREFIX) ? value.slice(LOCAL_PREFIX.length) : null;

/** The changes a change cannot be applied before: the ones it names, and the ones whose records it uses. */
export function causesOf(change: SyncChangeInput): string[] {
  const refs = [change.target, ...REFERENCE_FIELDS.map((f) => change.payload[f])].map(refOf);
  return [...new Set([...change.dependsOn, ...refs.filter((r): r is string => r !== null)])];
}

function resolve(change: SyncChangeInput, known: Known): SyncChangeInput {
  const idOf = (value: unknown, field: string) => {
    const ref = refOf(value);
    if (ref === null) return value;
    const entityId = known.get(ref)?.entityId;
    if (!entityId) throw AppError.validation(field, `refers to change ${ref}, which created no record`);
    return entityId;
  };
  const payload = { ...change.payload };
  for (const field of REFERENCE_FIELDS) {
    if (payload[field] !== undefined) payload[field] = idOf(payload[field], `payload.${field}`);
  }
  return { ...change, target: idOf(change.target, 'target') as string | undefined, payload };
}

export function baseResult(change: SyncChangeInput, status: ChangeResultOut['status']): ChangeResultOut {
  return {
    changeId: change.id,
    kind: change.kind,
    status,
    replayed: false,
    entity: null,
    applied: [],
    conflicts: [],
    possibleDuplicates: [],
    queuedForReview: 0,
    waitingFor: [],
    error: null,
  };
}

/** Records a final refusal (bad payload, a rule of the domain, a rejected cause) once, with its reason. */
export async function rejectChange(
  ctx: ServiceContext,
  deviceId: string,
  change: SyncChangeInput,
  error: AppError,
): Promise<ChangeResultOut> {
  const reason = {
    code: error.code,
    message: error.message,
    details: error.details.map((d) => ({ field: d.field, message: d.message })),
  };
  const now = ctx.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await insertChange(trx, {
        device_id: deviceId,
        change_id: change.id,
        kind: change.kind,
        status: 'rejected',
        entity_type: null,
        entity_id: null,
        result: storedRejection(reason),
        recorded_at: change.recordedAt,
        applied_at: now,
      });
      await deletePending(trx, deviceId, change.id);
    });
  } catch (failure) {
    const [row] = await findChanges(ctx.db, deviceId, [change.id]);
    if (row) return replayResult(ctx.db, ctx, row);
    throw failure;
  }
  return { ...baseResult(change, 'rejected'), error: reason };
}

const TRANSIENT_ATTEMPTS = 3;

/**
 * Applies one change in one transaction with the record of its outcome, so a crash leaves it
 * either applied and recorded, or neither (and the device's retry applies it then). The row is
 * claimed first: a twin of the same change sent at the same moment waits on it, fails on the
 * key, and is answered with the first one's outcome.
 */
export async function runChange(
  ctx: ServiceContext,
  deviceId: string,
  change: SyncChangeInput,
  known: Known,
  logFailure: (error: unknown) => void,
): Promise<ChangeResultOut> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ctx.db.transaction().execute(async (trx) => {
        const now = ctx.now().toISOString();
        await insertChange(trx, {
          device_id: deviceId,
          change_id: change.id,
          kind: change.kind,
          status: 'applied',
          entity_type: null,
          entity_id: null,
          result: '{}',
          recorded_at: change.recordedAt,
          applied_at: now,
        });
        const txCtx = contextInTransaction(ctx, trx);
        const outcome = await applyChange(trx, txCtx, resolve(change, known));
        const status = outcome.conflicts.length > 0 ? 'conflict' : 'applied';
        await updateChange(trx, deviceId, change.id, {
          status,
          entity_type: outcome.entity?.type ?? null,
          entity_id: outcome.entity?.id ?? null,
          result: await storedOutcome(trx, ctx, deviceId, change.id, outcome),
        });
        await deletePending(trx, deviceId, change.id);
        return { ...baseResult(change, status), ...outcome };
      });
    } catch (error) {
      const [row] = await findChanges(ctx.db, deviceId, [change.id]);
      if (row) return replayResult(ctx.db, ctx, row);
      // Two edits of one person at the same moment: the loser reads the new version and merges again.
      const raced = error instanceof AppError && error.code === 'conflict' && change.kind === 'person.update';
      if (raced && attempt < TRANSIENT_ATTEMPTS) continue;
      if (error instanceof AppError && error.status < 500) return rejectChange(ctx, deviceId, change, error);
      logFailure(error);
      return {
        ...baseResult(change, 'failed'),
        error: {
          code: 'internal',
          message: 'The server could not apply this change just now; it will be sent again.',
          details: [],
        },
      };
    }
  }
}
