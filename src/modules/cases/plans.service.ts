import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findOrganisationById, findUserById } from '../access/access.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, requireCaseKey, seal } from './case-crypto.js';
import type { CasesTable } from './cases.tables.js';
import { WORKFLOWS } from './cases.workflow.js';
import { syncCaseAlerts } from './deadlines.service.js';
import {
  cancelPendingActions,
  findActions,
  findApprovals,
  findCurrentPlan,
  insertActions,
  insertPlan,
  nextPlanVersion,
  supersedePlans,
  updateAction,
  updateApproval,
} from './work.repository.js';
import type { PlanInput } from './work.schema.js';

async function validateActions(trx: Executor, ctx: ServiceContext, row: CasesTable, input: PlanInput) {
  const today = ctx.now().toISOString().slice(0, 10);
  for (const [i, action] of input.actions.entries()) {
    if (action.byWhen < today) throw AppError.validation(`actions.${i}.byWhen`, 'must not be in the past');
    if (action.who === 'user') {
      const user = await findUserById(trx, action.userId!);
      if (!user || user.org_id !== row.org_id || user.disabled_at !== null)
        throw AppError.validation(`actions.${i}.userId`, 'must be an active user of the organisation');
    }
    if (action.who === 'organisation' && !(await findOrganisationById(trx, action.orgId!)))
      throw AppError.validation(`actions.${i}.orgId`, 'no such organisation');
  }
}

/**
 * Records the case plan (a new version replaces the current one): goals and actions, each with
 * who does what by when. A new version needs a new approval where the type asks for one, so
 * pending approvals of the old version are withdrawn and its open actions cancelled.
 */
export async function recordPlan(ctx: ServiceContext, caseId: string, input: PlanInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    if (!WORKFLOWS[row.type].steps.includes('case_plan'))
      throw new AppError(
        'invalid_state',
        `${row.type} cases have no formal plan: record services and referrals.`,
      );
    if (row.status !== 'case_plan' && row.status !== 'implementation') {
      throw new AppError(
        'invalid_state',
        'Move the case to the case plan step first (it needs an assessment).',
        [
          {
            field: 'status',
            message: 'plan is recorded in the case_plan or implementation step',
            code: 'assessment',
          },
        ],
      );
    }
    await validateActions(trx, ctx, row, input);
    const now = ctx.now();
    const nowIso = now.toISOString();
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const planId = timeOrderedId(now.getTime());
    const version = await nextPlanVersion(trx, caseId);
    await cancelPendingActions(trx, caseId, ctx.actor.userId, nowIso);
    await supersedePlans(trx, caseId, nowIso);
    for (const approval of await findApprovals(trx, caseId)) {
      if (approval.kind === 'plan' && approval.status === 'pending')
        await updateApproval(trx, approval.id, { status: 'withdrawn', decided_at: nowIso });
    }
    await insertPlan(trx, {
      id: planId,
      case_id: caseId,
      version,
      goals: seal(dataKey, caseAad.plan(caseId, planId), input.goals),
      created_by: ctx.actor.userId,
      created_at: nowIso,
      approved_by: null,
      approved_at: null,
      superseded_at: null,
    });
    await insertActions(
      trx,
      input.actions.map((action, i) => {
        const id = `${planId}a${i}`;
        return {
          id,
          case_id: caseId,
          plan_id: planId,
          what: seal(dataKey, caseAad.action(caseId, id), {
            what: action.what,
            whoLabel: action.whoLabel ?? null,
          }),
          assignee_kind: action.who,
          assignee_user_id: action.who === 'user' ? action.userId! : null,
          assignee_org_id: action.who === 'organisation' ? action.orgId! : null,
          due_on: action.byWhen,
          status: 'pending' as const,
          done_by: null,
          done_at: null,
        };
      }),
    );
    const saved = await saveCase(trx, ctx, row, { plan_created_at: nowIso, plan_approved_at: null });
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'plan',
      summary: { planId, version, actions: input.actions.length },
    });
    await recordAudit(trx, ctx, {
      action: 'case.plan_record',
      entity: 'case',
      entityId: caseId,
      details: { planId, version, actions: input.actions.length },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return { id: planId, version, createdAt: nowIso, actions: input.actions.length };
  });
}

/** Marks a plan action done or cancelled; the partner organisation may mark its own work done. */
export async function updateActionStatus(
  ctx: ServiceContext,
  caseId: string,
  actionId: string,
  status: 'done' | 'cancelled',
) {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, access } = await loadCaseForWrite(trx, ctx, caseId, 'partner');
    const plan = await findCurrentPlan(trx, caseId);
    const action = plan
      ? (await findActions(trx, caseId, plan.id)).find((a) => a.id === actionId)
      : undefined;
    if (!action) throw AppError.notFound('action');
    if (!access.isOwner && (status === 'cancelled' || action.assignee_org_id !== ctx.actor.orgId))
      throw new AppError('forbidden', 'A partner organisation marks only its own actions done.');
    if (action.status !== 'pending')
      throw new AppError('invalid_state', `This action is already ${action.status}.`);
    const nowIso = ctx.now().toISOString();
    await updateAction(trx, actionId, { status, done_by: ctx.actor.userId, done_at: nowIso });
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, { kind: `action_${status}`, summary: { actionId } });
    await recordAudit(trx, ctx, {
      action: 'case.action_update',
      entity: 'case',
      entityId: caseId,
      details: { actionId, status },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return { ok: true as const };
  });
}
