import type { DB, Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import type { AppDeps } from '../../server/deps.js';
import { enqueueJob, registerJobHandler } from '../../server/jobs/jobs.service.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { refreshDeadlineStates } from '../alerts/alerts.repository.js';
import { type DesiredAlert, reconcileAlerts } from '../alerts/alerts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { addDays, endOfLocalDay, startOfLocalDay } from './calendar.js';
import { deadlinesOfCase, legalToday } from './case-clocks.js';
import { findActiveCaseIds, findCaseById } from './reunification.repository.js';
import type { ReunificationCasesTable } from './reunification.tables.js';
import { ACTIVE_STAGES } from './stages.js';

export const DEADLINE_JOB = 'reunification.deadlines';
export const ALERT_RULE_PREFIX = 'reunification.';
/** Lead times (days before a due date) at which an alert shows, then turns urgent; a setting. */
export const LEAD_DAYS_SETTING = 'reunification.alert_lead_days';
export const DEFAULT_LEAD_DAYS = [14, 3] as const;
/** Hourly: a deadline is a Paris day, and an hour's slack on showing its alert is harmless. */
export const DEADLINE_INTERVAL_MS = 60 * 60_000;

export async function readLeadDays(db: Executor): Promise<number[]> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', LEAD_DAYS_SETTING)
    .executeTakeFirst();
  if (!row) return [...DEFAULT_LEAD_DAYS];
  try {
    const parsed: unknown = JSON.parse(row.value);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((d) => Number.isInteger(d) && d >= 0))
      return (parsed as number[]).toSorted((a, b) => b - a);
  } catch {
    // a hand-edited setting that is not JSON: the defaults apply
  }
  return [...DEFAULT_LEAD_DAYS];
}

export async function writeLeadDays(db: Executor, leadDays: readonly number[], at: string) {
  const value = JSON.stringify([...leadDays].sort((a, b) => b - a));
  await db
    .insertInto('settings')
    .values({ key: LEAD_DAYS_SETTING, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/**
 * The alerts a case should have now: one per running or overdue legal clock, assigned to the
 * case's officer, shown from the longest lead time before its due date and urgent within the
 * shortest. Due at the end of the Paris due day, when the legal consequence happens.
 */
export function desiredAlerts(
  row: ReunificationCasesTable,
  today: string,
  leadDays: readonly number[],
): DesiredAlert[] {
  if (!ACTIVE_STAGES.includes(row.stage)) return [];
  const longest = Math.max(...leadDays);
  const shortest = Math.min(...leadDays);
  return deadlinesOfCase(row, today)
    .filter((d) => d.status === 'running' || d.status === 'overdue')
    .map((d) => ({
      orgId: row.org_id,
      rule: `${ALERT_RULE_PREFIX}${d.rule}`,
      personId: row.person_id,
      assignedRole: 'reunification_officer',
      assignedUserId: row.assigned_user_id,
      severity: d.daysLeft <= shortest ? 'urgent' : 'warning',
      dueAt: endOfLocalDay(d.dueOn).toISOString(),
      visibleFrom: startOfLocalDay(addDays(d.dueOn, -longest)).toISOString(),
      details: { rule: d.rule, dueOn: d.dueOn, legalSource: d.legalSource, legalBasis: row.legal_basis },
    }));
}

/** Brings a case's alerts in line with its clocks, inside the caller's transaction (every write calls it). */
export async function syncCaseAlerts(
  trx: Executor,
  ctx: Pick<ServiceContext, 'now' | 'actor'>,
  row: ReunificationCasesTable,
) {
  const desired = desiredAlerts(row, legalToday(ctx.now), await readLeadDays(trx));
  return reconcileAlerts(
    trx,
    ctx,
    { entity: 'reunification_case', entityId: row.id, managedBy: 'reunification' },
    desired,
  );
}

/**
 * The background run: re-derives every active case's alerts for today (a clock that reached a
 * lead time, a changed setting), then moves open alerts to due or overdue. Each case is its own
 * short transaction; two processes running at once converge (raising is deduplicated, updates
 * are absolute).
 */
export async function recomputeReunificationAlerts(ctx: ServiceContext) {
  const result = { cases: 0, raised: 0, resolved: 0 };
  let afterId = '';
  for (;;) {
    const ids = await findActiveCaseIds(ctx.db, afterId, 200);
    if (ids.length === 0) break;
    for (const id of ids) {
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        const row = await findCaseById(trx, id);
        return row ? syncCaseAlerts(trx, ctx, row) : { raised: 0, resolved: 0 };
      });
      result.cases += 1;
      result.raised += outcome.raised;
      result.resolved += outcome.resolved;
    }
    afterId = ids.at(-1)!;
  }
  await ctx.db.transaction().execute(async (trx) => {
    await refreshDeadlineStates(trx, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'reunification.alerts_recomputed',
      entity: 'reunification_case',
      details: result,
    });
  });
  return result;
}

function slotStart(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DEADLINE_INTERVAL_MS) * DEADLINE_INTERVAL_MS);
}

/** Queues the run of one slot; its unique key makes every process agree on a single job per slot. */
export async function enqueueReunificationRun(db: DB, runAt: Date, now: Date) {
  const slot = slotStart(runAt);
  return enqueueJob(
    db,
    { kind: DEADLINE_JOB, runAt: slot, uniqueKey: `${DEADLINE_JOB}:${slot.toISOString()}` },
    now,
  );
}

/** Registers the job's handler in this process; each run queues the next slot first, so the chain survives a failure. */
export function registerReunificationJob(deps: Pick<AppDeps, 'db' | 'keys' | 'now'>): void {
  registerJobHandler(DEADLINE_JOB, async () => {
    const now = deps.now();
    await enqueueReunificationRun(deps.db, new Date(now.getTime() + DEADLINE_INTERVAL_MS), now);
    return recomputeReunificationAlerts({ db: deps.db, keys: deps.keys, now: deps.now, actor: SYSTEM_ACTOR });
  });
}

/** Called by `serve`: registers the handler and queues the current slot's run. */
export async function scheduleReunificationDeadlines(
  deps: Pick<AppDeps, 'db' | 'keys' | 'now'>,
): Promise<void> {
  registerReunificationJob(deps);
  await enqueueReunificationRun(deps.db, deps.now(), deps.now());
}
