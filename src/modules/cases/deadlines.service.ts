import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import type { AppDeps } from '../../server/deps.js';
import { enqueueJob, registerJobHandler } from '../../server/jobs/jobs.service.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { refreshDeadlineStates } from '../alerts/alerts.repository.js';
import { reconcileAlerts } from '../alerts/alerts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { isUnaccompaniedChild } from './case-people.js';
import {
  findActiveCaseIds,
  findCaseForUpdate,
  findPeopleOfCases,
  updateCaseRow,
} from './cases.repository.js';
import { dueItemsFor } from './cases.rules.js';
import type { CasesTable } from './cases.tables.js';
import { findReferralsOfCase } from './referrals.repository.js';
import { findActions, findApprovals } from './work.repository.js';

export const DEADLINE_JOB = 'cases.deadlines';
/** How often the deadline job runs; each run is one slot, claimed by one process. */
export const DEADLINE_INTERVAL_MS = 15 * 60_000;

/**
 * Brings a case's alerts in line with its state and rules, inside the caller's transaction: every
 * write to a case calls this, so the first due item exists the moment the case does and work
 * that was done stops being due in the same commit.
 */
export async function syncCaseAlerts(
  trx: Executor,
  ctx: Pick<ServiceContext, 'now' | 'actor'>,
  row: CasesTable,
): Promise<{ raised: number; resolved: number }> {
  const items = {
    actions: await findActions(trx, row.id),
    approvals: await findApprovals(trx, row.id),
    referrals: await findReferralsOfCase(trx, row.id),
  };
  return reconcileAlerts(
    trx,
    ctx,
    { entity: 'case', entityId: row.id, managedBy: 'cases' },
    dueItemsFor(row, items),
  );
}

export interface DeadlineRunResult {
  cases: number;
  raised: number;
  resolved: number;
  stateChanges: number;
}

/**
 * The background computation: re-derives every open case's alerts (a child who turned 18, rules
 * that changed, anything a crash left behind), then moves every open alert to due, overdue or
 * escalated for `now`. Each case is its own short transaction; running twice at once (two
 * processes) converges on the same rows, since raising is deduplicated and updates are absolute.
 */
export async function recomputeDeadlines(
  ctx: ServiceContext,
  onProgress?: (done: number) => Promise<void>,
): Promise<DeadlineRunResult> {
  const result: DeadlineRunResult = { cases: 0, raised: 0, resolved: 0, stateChanges: 0 };
  let afterId = '';
  for (;;) {
    const ids = await findActiveCaseIds(ctx.db, afterId, 200);
    if (ids.length === 0) break;
    for (const id of ids) {
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        const row = await findCaseForUpdate(trx, id);
        if (!row || row.status === 'closed') return { raised: 0, resolved: 0 };
        const [person] = await findPeopleOfCases(trx, [row.person_id]);
        const unaccompanied = person && (await isUnaccompaniedChild(trx, person, ctx.now())) ? 1 : 0;
        let current = row;
        // Only the snapshot changes: activity time stays, or the job would keep cases "active".
        if (
          unaccompanied !== row.unaccompanied &&
          (await updateCaseRow(trx, id, row.version, { unaccompanied }))
        )
          current = { ...row, unaccompanied, version: row.version + 1 };
        return syncCaseAlerts(trx, ctx, current);
      });
      result.cases += 1;
      result.raised += outcome.raised;
      result.resolved += outcome.resolved;
    }
    afterId = ids.at(-1)!;
    await onProgress?.(result.cases);
  }
  result.stateChanges = await ctx.db.transaction().execute(async (trx) => {
    const changed = await refreshDeadlineStates(trx, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'cases.deadlines_recomputed',
      entity: 'case',
      details: { ...result, stateChanges: changed },
    });
    return changed;
  });
  return result;
}

function slotStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DEADLINE_INTERVAL_MS) * DEADLINE_INTERVAL_MS);
}

/** Queues the run of one slot; the unique key makes every process agree on a single job per slot. */
export async function enqueueDeadlineRun(db: AppDeps['db'], runAt: Date, now: Date) {
  const slot = slotStart(runAt);
  return enqueueJob(
    db,
    { kind: DEADLINE_JOB, runAt: slot, uniqueKey: `${DEADLINE_JOB}:${slot.toISOString()}` },
    now,
  );
}

/**
 * Registers the deadline job's handler for this process. Each run first queues the next slot, so
 * the chain survives a run that fails; any number of processes may register it.
 */
export function registerDeadlineJob(deps: Pick<AppDeps, 'db' | 'keys' | 'now'>): void {
  registerJobHandler(DEADLINE_JOB, async ({ reportProgress }) => {
    const now = deps.now();
    await enqueueDeadlineRun(deps.db, new Date(now.getTime() + DEADLINE_INTERVAL_MS), now);
    const ctx: ServiceContext = { db: deps.db, keys: deps.keys, now: deps.now, actor: SYSTEM_ACTOR };
    return recomputeDeadlines(ctx, (done) => reportProgress(done, done));
  });
}

/** Called by `serve`: registers the handler and queues the current slot's run. */
export async function scheduleCaseDeadlines(deps: Pick<AppDeps, 'db' | 'keys' | 'now'>): Promise<void> {
  registerDeadlineJob(deps);
  await enqueueDeadlineRun(deps.db, deps.now(), deps.now());
}
