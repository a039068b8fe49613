import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { LEGAL_TIME_ZONE } from './calendar.js';
import { deadlinesOfCase, legalToday } from './case-clocks.js';
import { readLeadDays, writeLeadDays } from './deadline-alerts.service.js';
import { nearestDeadline } from './deadlines.js';
import { STAGES, type Stage } from './reunification.enums.js';
import { presentCaseDetail, presentCaseSummaries } from './reunification.presenter.js';
import {
  countCasesByStage,
  findActiveCasesInScope,
  findCaseInScope,
  listCases,
} from './reunification.repository.js';
import type { CaseDetail } from './reunification.service.js';
import { ruleSetById } from './rule-sets.js';

export type CaseSummary = Awaited<ReturnType<typeof presentCaseSummaries>>[number];

async function caseInScope(ctx: ServiceContext, trx: ServiceContext['db'], id: string) {
  const row = await findCaseInScope(trx, ctx.actor, id);
  if (!row) throw AppError.notFound('reunification case');
  return row;
}

export async function getCase(ctx: ServiceContext, id: string): Promise<CaseDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await caseInScope(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'reunification_case.read',
      entity: 'reunification_case',
      entityId: id,
    });
    return presentCaseDetail(trx, ctx.keys, ctx.actor, row, legalToday(ctx.now));
  });
}

export async function listReunificationCases(
  ctx: ServiceContext,
  query: { stage?: Stage; active?: boolean; after?: { createdAt: string; id: string }; limit: number },
): Promise<CaseSummary[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCases(
      trx,
      ctx.actor,
      { stage: query.stage, active: query.active },
      query.after,
      query.limit,
    );
    await recordAudit(trx, ctx, {
      action: 'reunification_case.list',
      entity: 'reunification_case',
      details: { count: rows.length, ids: rows.map((r) => r.id) },
    });
    return presentCaseSummaries(trx, ctx.keys, rows, legalToday(ctx.now));
  });
}

/**
 * Every clock of a case with its legal source, due date and days left. No names leave here, but
 * the read says which case was looked at, so it is audited like any other.
 */
export async function getDeadlines(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await caseInScope(ctx, trx, id);
    await recordAudit(trx, ctx, {
      action: 'reunification_case.deadlines_read',
      entity: 'reunification_case',
      entityId: id,
    });
    const today = legalToday(ctx.now);
    return {
      ruleSet: row.rule_set,
      today,
      timeZone: LEGAL_TIME_ZONE,
      deadlines: deadlinesOfCase(row, today),
      notComputed: [...(ruleSetById(row.rule_set)?.notComputed ?? [])],
    };
  });
}

type Bucket = 'overdue' | 'within_7_days' | 'within_30_days' | 'later' | 'none';

function bucketOf(daysLeft: number | null): Bucket {
  if (daysLeft === null) return 'none';
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= 7) return 'within_7_days';
  if (daysLeft <= 30) return 'within_30_days';
  return 'later';
}

const SOONEST = 10;

/** Cases by stage, active cases by days to their nearest clock, and the ten most pressing (named, so audited). */
export async function dashboard(ctx: ServiceContext) {
  return ctx.db.transaction().execute(async (trx) => {
    const today = legalToday(ctx.now);
    const counts = await countCasesByStage(trx, ctx.actor);
    const active = (await findActiveCasesInScope(trx, ctx.actor)).map((row) => ({
      row,
      nearest: nearestDeadline(deadlinesOfCase(row, today)),
    }));
    const buckets = new Map<Bucket, number>();
    for (const { nearest } of active) {
      const bucket = bucketOf(nearest?.daysLeft ?? null);
      buckets.set(bucket, (buckets.get(bucket) ?? 0) + 1);
    }
    const soonest = active
      .filter((c) => c.nearest)
      .sort((a, b) => a.nearest!.dueOn.localeCompare(b.nearest!.dueOn) || a.row.id.localeCompare(b.row.id))
      .slice(0, SOONEST)
      .map((c) => c.row);
    await recordAudit(trx, ctx, {
      action: 'reunification_case.dashboard',
      entity: 'reunification_case',
      details: { shown: soonest.map((r) => r.id) },
    });
    return {
      byStage: STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 })),
      byUrgency: (['overdue', 'within_7_days', 'within_30_days', 'later', 'none'] as const).map((bucket) => ({
        bucket,
        count: buckets.get(bucket) ?? 0,
      })),
      soonest: await presentCaseSummaries(trx, ctx.keys, soonest, today),
      today,
    };
  });
}

export async function getAlertSettings(ctx: ServiceContext) {
  return { leadDays: await readLeadDays(ctx.db) };
}

/** Changes the lead times of deadline alerts; the next run of the job applies them to every case. */
export async function setAlertSettings(ctx: ServiceContext, leadDays: number[]) {
  await ctx.db.transaction().execute(async (trx) => {
    await writeLeadDays(trx, leadDays, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'reunification.alert_settings',
      entity: 'settings',
      details: { leadDays },
    });
  });
  return { leadDays: await readLeadDays(ctx.db) };
}
