import type { Executor } from '../../db/engine.js';
import { STAGES, TRACING_STATUSES } from '../reunification/reunification.enums.js';
import { PublishedCounts, ZERO } from './published-counts.js';
import type { ResolvedReport } from './report-filter.js';
import {
  countReunificationByStage,
  countTracingByStatus,
  findNearestDeadlines,
} from './reunification.repository.js';

export const REUNIFICATION_NOTE =
  'Tracing requests by status and reunification cases by stage (all time, not only the period). The nearest deadline of a stage is the earliest open legal deadline of its cases, with how many cases have a deadline that day. With a site filter, a tracing request counts when its enquirer is registered at the site.';

/** Tracing and reunification pipeline; each list stands alone (no published total ties them). */
export async function loadReunification(db: Executor, report: ResolvedReport) {
  const [tracing, stages, deadlines] = await Promise.all([
    countTracingByStatus(db, report.filter),
    countReunificationByStage(db, report.filter),
    findNearestDeadlines(db, report.filter),
  ]);
  const published = new PublishedCounts(report.threshold, report.exact);
  const keyed = (keys: readonly string[], rows: Array<{ key: string; n: number; own: number }>) =>
    keys.map((key) => {
      const row = rows.find((r) => r.key === key);
      return { key, index: published.add(row ? { value: row.n, own: row.own } : ZERO) };
    });
  const tracingCells = keyed(TRACING_STATUSES, tracing);
  const stageCells = keyed(STAGES, stages);
  const deadlineCells = deadlines
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
    .map((d) => ({ ...d, index: published.add({ value: d.n, own: d.own }) }));
  return {
    available: true,
    note: REUNIFICATION_NOTE,
    tracingByStatus: tracingCells.map((c) => ({ key: c.key, count: published.cell(c.index) })),
    casesByStage: stageCells.map((c) => ({ key: c.key, count: published.cell(c.index) })),
    nearestDeadlines: deadlineCells.map((d) => ({
      stage: d.stage,
      dueOn: d.dueOn,
      cases: published.cell(d.index),
    })),
  };
}
