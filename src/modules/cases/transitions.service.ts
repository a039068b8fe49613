import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { requireCaseKey } from './case-crypto.js';
import { type CaseSummary, summariseCase } from './case-views.js';
import type { TransitionInput } from './cases.schema.js';
import type { CasesTable } from './cases.tables.js';
import { checkTransition, REQUIREMENT_MESSAGES, WORKFLOWS } from './cases.workflow.js';
import { syncCaseAlerts } from './deadlines.service.js';
import { revokePendingReferrals } from './referrals.service.js';
import { findApprovals, updateApproval } from './work.repository.js';

/** What entering a state changes on the case row besides the state itself. */
function stateChanges(row: CasesTable, to: TransitionInput['to'], nowIso: string): Partial<CasesTable> {
  switch (to) {
    case 'implementation':
      return { implementation_started_at: nowIso };
    case 'closed':
      return { closed_at: nowIso };
    case 'open':
      // Reopening starts a new cycle: assessment, plan and their deadlines begin again.
      return {
        closed_at: null,
        closure_reason: null,
        cycle_started_at: nowIso,
        assessed_at: null,
        bia_at: null,
        plan_created_at: null,
        plan_approved_at: null,
        implementation_started_at: null,
      };
    case 'assessment':
      // Going back to assess again: the new assessment is what the plan must rest on.
      return row.status === 'open' ? {} : { assessed_at: null, bia_at: null };
    default:
      return {};
  }
}

/**
 * Moves a case along its type's workflow. A move the workflow does not have, or whose
 * preconditions are missing (a plan without an assessment, closing without a supervisor's
 * approval), answers 409 and changes nothing; a missing reason answers 400 naming `reason`.
 */
export async function transitionCase(
  ctx: ServiceContext,
  id: string,
  input: TransitionInput,
): Promise<CaseSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, id, 'owner', { allowClosed: true });
    if (row.status === input.to) throw new AppError('invalid_state', `The case is already ${row.status}.`);
    const approvals = await findApprovals(trx, id);
    const closure = approvals.find((a) => a.kind === 'closure' && a.status === 'approved');
    const check = checkTransition(input.to, {
      row,
      hasApprovedClosure: Boolean(closure),
      hasReason: Boolean(input.reason?.trim()),
    });
    if (!check.ok) {
      const message = REQUIREMENT_MESSAGES[check.problem]
        .replace('{from}', row.status)
        .replace('{to}', input.to)
        .replace('{assessment}', WORKFLOWS[row.type].assessment.replace('_', ' '));
      if (check.problem === 'reason') throw AppError.validation('reason', `Required: ${message}`);
      throw new AppError('invalid_state', `Cannot move from ${row.status} to ${input.to}: ${message}.`, [
        { field: 'to', message, code: check.problem },
      ]);
    }
    const nowIso = ctx.now().toISOString();
    const dataKey = await requireCaseKey(trx, ctx.keys, id);
    const changes: Partial<CasesTable> = {
      status: input.to,
      status_changed_at: nowIso,
      ...stateChanges(row, input.to, nowIso),
    };
    if (input.to === 'closed' && closure) {
      changes.closure_reason = closure.closure_reason;
      await updateApproval(trx, closure.id, { status: 'used' });
      // Nothing waits for a decision on a closed case (a plan approval asked before closing).
      for (const approval of approvals.filter((a) => a.status === 'pending'))
        await updateApproval(trx, approval.id, { status: 'withdrawn', decided_at: nowIso });
      await revokePendingReferrals(trx, ctx, row, dataKey, 'case closed');
    }
    const saved = await saveCase(trx, ctx, row, changes);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'transition',
      summary: {
        from: row.status,
        to: input.to,
        ...(closure && input.to === 'closed' ? { closureReason: closure.closure_reason } : {}),
      },
      body: input.reason ? { reason: input.reason } : null,
    });
    await recordAudit(trx, ctx, {
      action: input.to === 'open' ? 'case.reopen' : 'case.transition',
      entity: 'case',
      entityId: id,
      details: { from: row.status, to: input.to },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return summariseCase(trx, ctx, saved);
  });
}
