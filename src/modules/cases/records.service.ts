import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  assertNotFuture,
  type CaseEventInput,
  loadCaseForWrite,
  recordCaseEvent,
  saveCase,
} from './case-context.js';
import { caseAad, requireCaseKey, seal, unseal } from './case-crypto.js';
import type { FlagKind } from './cases.schema.js';
import type { CasesTable } from './cases.tables.js';
import { syncCaseAlerts } from './deadlines.service.js';
import { findActiveFlags, insertFlag, updateFlag } from './work.repository.js';
import type { FollowUpInput, ServiceInput } from './work.schema.js';

/** One piece of work on the timeline, with its audit entry and the case's deadlines brought up to date. */
async function addWork(
  ctx: ServiceContext,
  caseId: string,
  side: 'owner' | 'partner',
  action: string,
  event: CaseEventInput,
  changes: (row: CasesTable) => Partial<CasesTable> = () => ({}),
) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, side);
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const saved = await saveCase(trx, ctx, row, changes(row));
    const id = await recordCaseEvent(trx, ctx, saved, dataKey, event);
    await recordAudit(trx, ctx, {
      action,
      entity: 'case',
      entityId: caseId,
      details: { eventId: id, kind: event.kind, ...event.summary },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return { id, kind: event.kind, occurredAt: event.occurredAt ?? ctx.now().toISOString() };
  });
}

export function addNote(ctx: ServiceContext, caseId: string, text: string) {
  return addWork(ctx, caseId, 'partner', 'case.note_add', { kind: 'note', summary: {}, body: { text } });
}

/**
 * A follow-up (visit, call, meeting). It restarts the follow-up clock from the day it happened
 * (a visit written up a week later counts from the visit, not from the typing).
 */
export function addFollowUp(ctx: ServiceContext, caseId: string, input: FollowUpInput) {
  assertNotFuture(ctx, 'occurredOn', input.occurredOn);
  const nowIso = ctx.now().toISOString();
  const endOfDay = `${input.occurredOn}T23:59:59.999Z`;
  const at = endOfDay < nowIso ? endOfDay : nowIso;
  return addWork(
    ctx,
    caseId,
    'partner',
    'case.follow_up_add',
    {
      kind: 'follow_up',
      summary: {
        followUpKind: input.kind,
        occurredOn: input.occurredOn,
        childSeenSafe: input.childSeenSafe ?? null,
      },
      body: { notes: input.notes },
      occurredAt: at,
    },
    (row) => ({
      last_follow_up_at: row.last_follow_up_at && row.last_follow_up_at > at ? row.last_follow_up_at : at,
    }),
  );
}

export function addService(ctx: ServiceContext, caseId: string, input: ServiceInput) {
  assertNotFuture(ctx, 'providedOn', input.providedOn);
  return addWork(ctx, caseId, 'partner', 'case.service_add', {
    kind: 'service',
    summary: { service: input.service, providedOn: input.providedOn },
    body:
      input.provider || input.notes ? { provider: input.provider ?? null, notes: input.notes ?? null } : null,
    occurredAt: `${input.providedOn}T12:00:00.000Z`,
  });
}

type FlagReasons = { reason: string; removalReason?: string };

/** A flag with its reason (safety risk, missing child, do not contact the family…), shown on the case. */
export async function raiseFlag(
  ctx: ServiceContext,
  caseId: string,
  input: { flag: FlagKind; reason: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    if ((await findActiveFlags(trx, caseId)).some((f) => f.flag === input.flag))
      throw new AppError('invalid_state', `The case is already flagged ${input.flag}.`);
    const now = ctx.now();
    const id = timeOrderedId(now.getTime());
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    await insertFlag(trx, {
      id,
      case_id: caseId,
      flag: input.flag,
      reasons: seal(dataKey, caseAad.flag(caseId, id), { reason: input.reason } satisfies FlagReasons),
      raised_by: ctx.actor.userId,
      raised_at: now.toISOString(),
      removed_by: null,
      removed_at: null,
    });
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'flag_raised',
      summary: { flagId: id, flag: input.flag },
      body: { reason: input.reason },
    });
    await recordAudit(trx, ctx, {
      action: 'case.flag',
      entity: 'case',
      entityId: caseId,
      details: { flagId: id, flag: input.flag },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return {
      id,
      flag: input.flag,
      reason: input.reason,
      raisedAt: now.toISOString(),
      raisedBy: ctx.actor.userId,
    };
  });
}

export async function removeFlag(ctx: ServiceContext, caseId: string, flagId: string, reason: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    const flag = (await findActiveFlags(trx, caseId)).find((f) => f.id === flagId);
    if (!flag) throw AppError.notFound('flag');
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const reasons = unseal<FlagReasons>(dataKey, caseAad.flag(caseId, flagId), flag.reasons);
    const nowIso = ctx.now().toISOString();
    await updateFlag(trx, flagId, {
      removed_by: ctx.actor.userId,
      removed_at: nowIso,
      reasons: seal(dataKey, caseAad.flag(caseId, flagId), {
        reason: reasons?.reason ?? '',
        removalReason: reason,
      }),
    });
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'flag_removed',
      summary: { flagId, flag: flag.flag },
      body: { reason },
    });
    await recordAudit(trx, ctx, {
      action: 'case.unflag',
      entity: 'case',
      entityId: caseId,
      details: { flagId, flag: flag.flag },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return { ok: true as const };
  });
}
