import type { z } from 'zod';
import { timeOrderedId } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { LegalHoldsTable, RetentionPoliciesTable } from '../dataprotection.tables.js';
import {
  findActiveHolds,
  findHold,
  findPolicies,
  findPolicy,
  findPolicyFor,
  findRuns,
  insertHold,
  insertPolicy,
  releaseHold,
  updatePolicy,
} from './retention.repository.js';
import type { CreateHoldBody, CreatePolicyBody, UpdatePolicyBody } from './retention.schema.js';
import { isRecordType, type RecordType, TARGETS } from './retention-targets.js';

export function orgOf(ctx: ServiceContext): string {
  if (!ctx.actor.orgId) throw new AppError('forbidden', 'Only a member of an organisation can do this.');
  return ctx.actor.orgId;
}

export const todayOf = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

/** The longest legal minimum among the active type-wide holds of a record type. */
export function legalMinimum(holds: readonly LegalHoldsTable[], recordType: string) {
  const typeHolds = holds.filter((h) => h.record_type === recordType && h.record_id === null);
  return typeHolds.reduce<LegalHoldsTable | null>(
    (longest, h) => ((h.min_keep_days ?? 0) > (longest?.min_keep_days ?? 0) ? h : longest),
    null,
  );
}

export function effectiveKeepDays(policy: RetentionPoliciesTable, holds: readonly LegalHoldsTable[]): number {
  return Math.max(
    Number(policy.keep_days),
    Number(legalMinimum(holds, policy.record_type)?.min_keep_days ?? 0),
  );
}

function assertNotShorterThanHold(keepDays: number, recordType: string, holds: readonly LegalHoldsTable[]) {
  const hold = legalMinimum(holds, recordType);
  if (hold && keepDays < Number(hold.min_keep_days)) {
    throw AppError.validation(
      'keepDays',
      `shorter than the legal hold "${hold.reason}" (${hold.min_keep_days} days): keep ${recordType} records at least that long`,
    );
  }
}

export async function listPolicies(ctx: ServiceContext) {
  const orgId = orgOf(ctx);
  const [policies, holds] = await Promise.all([
    findPolicies(ctx.db, orgId),
    findActiveHolds(ctx.db, orgId, todayOf(ctx)),
  ]);
  return { policies, holds };
}

export async function createPolicy(ctx: ServiceContext, input: z.infer<typeof CreatePolicyBody>) {
  const orgId = orgOf(ctx);
  const spec = TARGETS[input.recordType];
  if (!spec.statuses.includes(input.recordStatus)) {
    throw AppError.validation(
      'recordStatus',
      `must be one of ${spec.statuses.join(', ')} for ${input.recordType}`,
    );
  }
  return ctx.db.transaction().execute(async (trx) => {
    assertNotShorterThanHold(
      input.keepDays,
      input.recordType,
      await findActiveHolds(trx, orgId, todayOf(ctx)),
    );
    if (await findPolicyFor(trx, orgId, input.recordType, input.recordStatus)) {
      throw new AppError(
        'conflict',
        `A policy for ${input.recordType} (${input.recordStatus}) exists: change it instead.`,
      );
    }
    const nowIso = ctx.now().toISOString();
    const row: RetentionPoliciesTable = {
      id: timeOrderedId(ctx.now().getTime()),
      org_id: orgId,
      record_type: input.recordType,
      record_status: input.recordStatus,
      keep_days: input.keepDays,
      action: spec.action,
      // Nothing is shredded before an officer has read what the policy would do.
      mode: 'dry_run',
      note: input.note ?? null,
      version: 1,
      created_by: ctx.actor.userId,
      created_at: nowIso,
      updated_by: ctx.actor.userId,
      updated_at: nowIso,
    };
    await insertPolicy(trx, row);
    await recordAudit(trx, ctx, {
      action: 'retention.policy_created',
      entity: 'retention_policy',
      entityId: row.id,
      details: { recordType: row.record_type, recordStatus: row.record_status, keepDays: row.keep_days },
    });
    return row;
  });
}

/** Whether a dry run has reported on this version of the policy. */
async function hasDryRunOf(trx: Executor, orgId: string, policyId: string, version: number) {
  for (const run of await findRuns(trx, orgId, 50, true)) {
    const report = JSON.parse(run.report ?? '{"policies":[]}') as {
      policies: Array<{ policyId: string; version: number }>;
    };
    if (report.policies.some((p) => p.policyId === policyId && p.version === version)) return true;
  }
  return false;
}

export async function changePolicy(ctx: ServiceContext, id: string, input: z.infer<typeof UpdatePolicyBody>) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const policy = await findPolicy(trx, orgId, id);
    if (!policy) throw AppError.notFound('retention policy');
    if (Number(policy.version) !== input.version) {
      throw new AppError('conflict', 'The policy was changed meanwhile: reload it and try again.');
    }
    const keepDays = input.keepDays ?? Number(policy.keep_days);
    assertNotShorterThanHold(keepDays, policy.record_type, await findActiveHolds(trx, orgId, todayOf(ctx)));
    // A shorter period shreds more: it goes back to reporting until an officer reads the new report.
    const previousDays = Number(policy.keep_days);
    const shortened = keepDays < previousDays;
    const mode = input.mode ?? (shortened && policy.mode === 'active' ? 'dry_run' : policy.mode);
    const activating = mode === 'active' && (policy.mode !== 'active' || shortened);
    if (
      activating &&
      (keepDays !== previousDays || !(await hasDryRunOf(trx, orgId, id, Number(policy.version))))
    ) {
      throw new AppError(
        'invalid_state',
        'Run a dry run of this policy as it stands and read its report before activating it.',
      );
    }
    const nowIso = ctx.now().toISOString();
    const applied = await updatePolicy(trx, id, Number(policy.version), {
      keep_days: keepDays,
      mode,
      note: input.note === undefined ? policy.note : input.note,
      updated_by: ctx.actor.userId,
      updated_at: nowIso,
    });
    if (!applied)
      throw new AppError('conflict', 'The policy was changed meanwhile: reload it and try again.');
    await recordAudit(trx, ctx, {
      action: 'retention.policy_changed',
      entity: 'retention_policy',
      entityId: id,
      details: { keepDays, mode, previousKeepDays: previousDays, previousMode: policy.mode },
    });
    return (await findPolicy(trx, orgId, id))!;
  });
}

/** The record a hold names must exist in the organisation (404 otherwise, like any other read). */
async function assertRecordInOrg(trx: Executor, orgId: string, recordType: RecordType, recordId: string) {
  const row = await trx
    .selectFrom(TARGETS[recordType].table as 'cases')
    .select('id')
    .where('id', '=', recordId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw AppError.notFound(recordType.replace('_', ' '));
}

export async function placeHold(ctx: ServiceContext, input: z.infer<typeof CreateHoldBody>) {
  const orgId = orgOf(ctx);
  if (input.heldUntil && input.heldUntil < todayOf(ctx)) {
    throw AppError.validation('heldUntil', 'must not be in the past');
  }
  return ctx.db.transaction().execute(async (trx) => {
    if (input.recordId) await assertRecordInOrg(trx, orgId, input.recordType, input.recordId);
    const row: LegalHoldsTable = {
      id: timeOrderedId(ctx.now().getTime()),
      org_id: orgId,
      record_type: input.recordType,
      record_id: input.recordId ?? null,
      min_keep_days: input.minKeepDays ?? null,
      reason: input.reason,
      held_until: input.heldUntil ?? null,
      placed_by: ctx.actor.userId,
      placed_at: ctx.now().toISOString(),
      released_by: null,
      released_at: null,
    };
    await insertHold(trx, row);
    await recordAudit(trx, ctx, {
      action: 'retention.hold_placed',
      entity: input.recordId ? input.recordType : 'legal_hold',
      entityId: input.recordId ?? row.id,
      details: { holdId: row.id, recordType: row.record_type, minKeepDays: row.min_keep_days },
    });
    return row;
  });
}

export async function liftHold(ctx: ServiceContext, id: string) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const hold = await findHold(trx, orgId, id);
    if (!hold) throw AppError.notFound('legal hold');
    if (!(await releaseHold(trx, id, ctx.actor.userId, ctx.now().toISOString()))) {
      throw new AppError('invalid_state', 'This hold was already released.');
    }
    await recordAudit(trx, ctx, {
      action: 'retention.hold_released',
      entity: hold.record_id ? hold.record_type : 'legal_hold',
      entityId: hold.record_id ?? hold.id,
      details: { holdId: hold.id },
    });
  });
}

export function recordTypeStatuses() {
  return Object.entries(TARGETS).map(([recordType, spec]) => ({
    recordType,
    statuses: [...spec.statuses],
    action: spec.action,
  }));
}

export { isRecordType };
