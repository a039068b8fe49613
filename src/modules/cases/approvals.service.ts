import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, requireCaseKey, seal, unseal } from './case-crypto.js';
import { type CaseSummary, summariseCase } from './case-views.js';
import { syncCaseAlerts } from './deadlines.service.js';
import {
  approvePlanRow,
  findApprovals,
  findCurrentPlan,
  insertApproval,
  updateApproval,
} from './work.repository.js';
import type { ApprovalRequestInput } from './work.schema.js';

type ApprovalNotes = { request?: string | null; decision?: string | null };

/**
 * Asks the organisation's case supervisors to approve the current plan, or the case's closure
 * (with the closure reason). The request reaches them as an alert with its own deadline.
 */
export async function requestApproval(ctx: ServiceContext, caseId: string, input: ApprovalRequestInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    const approvals = await findApprovals(trx, caseId);
    const open = approvals.find(
      (a) =>
        a.kind === input.kind &&
        (a.status === 'pending' || (a.kind === 'closure' && a.status === 'approved')),
    );
    if (open) throw new AppError('invalid_state', `A ${input.kind} approval is already ${open.status}.`);
    const plan = input.kind === 'plan' ? await findCurrentPlan(trx, caseId) : undefined;
    if (input.kind === 'plan') {
      if (!plan) throw new AppError('invalid_state', 'Record a case plan before asking for its approval.');
      if (plan.approved_at) throw new AppError('invalid_state', 'The current plan is already approved.');
    }
    const now = ctx.now();
    const nowIso = now.toISOString();
    const id = timeOrderedId(now.getTime());
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    await insertApproval(trx, {
      id,
      case_id: caseId,
      kind: input.kind,
      plan_id: plan?.id ?? null,
      closure_reason: input.closureReason ?? null,
      status: 'pending',
      notes: input.note ? seal(dataKey, caseAad.approval(caseId, id), { request: input.note }) : null,
      requested_by: ctx.actor.userId,
      requested_at: nowIso,
      decided_by: null,
      decided_at: null,
    });
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'approval_requested',
      summary: { approvalId: id, approvalKind: input.kind, closureReason: input.closureReason ?? null },
      body: input.note ? { note: input.note } : null,
    });
    await recordAudit(trx, ctx, {
      action: 'case.approval_request',
      entity: 'case',
      entityId: caseId,
      details: { approvalId: id, kind: input.kind, closureReason: input.closureReason ?? null },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return {
      id,
      kind: input.kind,
      status: 'pending' as const,
      closureReason: input.closureReason ?? null,
      requestNote: input.note ?? null,
      decisionNote: null,
      requestedBy: ctx.actor.userId,
      requestedAt: nowIso,
      decidedAt: null,
    };
  });
}

/**
 * A supervisor approves or rejects. Four eyes: nobody decides their own request. Approving a
 * plan marks it approved (the precondition of implementation); approving a closure lets the
 * case be closed once, by a transition with its reason.
 */
export async function decideApproval(
  ctx: ServiceContext,
  caseId: string,
  approvalId: string,
  input: { decision: 'approved' | 'rejected'; note?: string },
): Promise<CaseSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    const approval = (await findApprovals(trx, caseId)).find((a) => a.id === approvalId);
    if (!approval) throw AppError.notFound('approval');
    if (approval.status !== 'pending')
      throw new AppError('invalid_state', `This approval is already ${approval.status}.`);
    if (approval.requested_by === ctx.actor.userId)
      throw new AppError('forbidden', 'Another supervisor must decide on your own request.');
    const nowIso = ctx.now().toISOString();
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    let saved = row;
    if (approval.kind === 'plan' && input.decision === 'approved') {
      const plan = await findCurrentPlan(trx, caseId);
      if (!plan || plan.id !== approval.plan_id)
        throw new AppError('invalid_state', 'The plan changed since this approval was requested.');
      await approvePlanRow(trx, plan.id, ctx.actor.userId, nowIso);
      saved = await saveCase(trx, ctx, row, { plan_approved_at: nowIso });
    } else {
      saved = await saveCase(trx, ctx, row);
    }
    const notes = unseal<ApprovalNotes>(dataKey, caseAad.approval(caseId, approvalId), approval.notes) ?? {};
    await updateApproval(trx, approvalId, {
      status: input.decision,
      decided_by: ctx.actor.userId,
      decided_at: nowIso,
      notes: input.note
        ? seal(dataKey, caseAad.approval(caseId, approvalId), { ...notes, decision: input.note })
        : approval.notes,
    });
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: `approval_${input.decision}`,
      summary: { approvalId, approvalKind: approval.kind },
      body: input.note ? { note: input.note } : null,
    });
    await recordAudit(trx, ctx, {
      action: 'case.approval_decide',
      entity: 'case',
      entityId: caseId,
      details: { approvalId, kind: approval.kind, decision: input.decision },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return summariseCase(trx, ctx, saved);
  });
}
