import { RATE_DEFINITION } from '../reception/returns.service.js';
import { gridOut } from './population-section.js';
import { type Count, PublishedCounts, ZERO } from './published-counts.js';
import type { ResolvedReport } from './report-filter.js';
import { countsBySite, forceUniform, gridBreakdown, uniformHiddenPositions } from './site-breakdowns.js';

type Keyed = { key: string; n: number; own: number };
const count = (n: number, own: number): Count => ({ value: n, own });

export const CASE_TYPES = ['child_protection', 'trafficking', 'gbv', 'general_protection'] as const;
export const CASE_RISKS = ['low', 'medium', 'high', 'critical'] as const;

export function buildCases(
  report: ResolvedReport,
  rows: Array<{ type: string; risk: string; n: number; own: number }>,
  overdue: { cases: Count; overdue: Count; escalated: Count },
  whole?: Array<{ siteId: string | null; type: string; risk: string; n: number; own: number }>,
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const grid = CASE_TYPES.map((type) =>
    CASE_RISKS.map((risk) => {
      const row = rows.find((r) => r.type === type && r.risk === risk);
      return row ? count(row.n, row.own) : ZERO;
    }),
  );
  const added = published.addGrid(grid, CASE_RISKS.length);
  if (whole) {
    // The same cells hidden whatever the site filter (site-breakdowns.ts).
    const size = CASE_TYPES.length * CASE_RISKS.length;
    const bySite = countsBySite(
      whole,
      size,
      (r) => {
        const t = CASE_TYPES.indexOf(r.type as (typeof CASE_TYPES)[number]);
        const k = CASE_RISKS.indexOf(r.risk as (typeof CASE_RISKS)[number]);
        return t < 0 || k < 0 ? null : t * CASE_RISKS.length + k;
      },
      (r) => count(r.n, r.own),
    );
    forceUniform(
      published,
      added.cells[0]![0]!,
      uniformHiddenPositions(report, bySite, size, gridBreakdown(CASE_RISKS.length)),
    );
  }
  // Overdue counts are separate facts (a case has several due items): no sum ties them to the grid.
  const work = new PublishedCounts(report.threshold, report.exact);
  const cases = work.add(overdue.cases);
  const items = work.add(overdue.overdue);
  const escalated = work.add(overdue.escalated);
  return {
    open: published.cell(added.total),
    typeByRisk: gridOut(published, CASE_TYPES, CASE_RISKS, added),
    overdue: {
      casesWithOverdueWork: work.cell(cases),
      overdueItems: work.cell(items),
      escalatedItems: work.cell(escalated),
    },
  };
}

const MOVES = ['departed', 'arrived', 'returned'] as const;
const DAY_MS = 86_400_000;

/** Every Monday from the week of `from` to the week of `to`, so empty weeks show as zero. */
export function weeksOf(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY_MS;
  const end = Date.parse(`${to}T00:00:00Z`);
  const weeks: string[] = [];
  for (let t = monday; t <= end; t += 7 * DAY_MS) weeks.push(new Date(t).toISOString().slice(0, 10));
  return weeks;
}

/**
 * Weekly departures, arrivals and returns (people), their totals, and the period's return rate:
 * departures of the period whose people are now recorded as returned. The rate is published only
 * when both of its counts are, since a rate over a hidden count would give that count away.
 */
export function buildRelocations(
  report: ResolvedReport,
  rows: Array<{ week: string; status: string; n: number; own: number }>,
  cohort: { departed: Count; returned: Count },
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const weeks = weeksOf(report.filter.from, report.filter.to);
  const lines = MOVES.map((move) =>
    published.addLine(
      weeks.map((week) => {
        const row = rows.find((r) => r.week === week && r.status === move);
        return row ? count(row.n, row.own) : ZERO;
      }),
    ),
  );
  const departedTotal = lines[0]!.total;
  const cohortReturned = published.add(cohort.returned);
  for (const line of lines) published.markRounded(...line.parts, line.total);
  published.markRounded(cohortReturned);
  const departed = published.cell(departedTotal);
  const returned = published.cell(cohortReturned);
  return {
    weeks: weeks.map((weekStart, w) => ({
      weekStart,
      departed: published.cell(lines[0]!.parts[w]!),
      arrived: published.cell(lines[1]!.parts[w]!),
      returned: published.cell(lines[2]!.parts[w]!),
    })),
    totals: {
      departed,
      arrived: published.cell(lines[1]!.total),
      returned: published.cell(lines[2]!.total),
    },
    returnRate: departed && returned !== null ? Math.round((returned / departed) * 1000) / 1000 : null,
    rateDefinition: `${RATE_DEFINITION} Here: departures in the period (by their departure event), now returned.`,
  };
}

export const COUNSELLING_NOTE =
  'Sessions held in the period. A session covers several topics, so topic counts add up to more than the sessions. With a site filter, only sessions with a registered person at that site count (anonymous sessions have no site).';

export function buildCounselling(
  report: ResolvedReport,
  data: { sessions: Count; byLanguage: Keyed[]; byTopic: Keyed[] },
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const languages = [...data.byLanguage].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const line = published.addLine(
    languages.map((l) => count(l.n, l.own)),
    data.sessions,
  );
  const topics = new PublishedCounts(report.threshold, report.exact);
  const sortedTopics = [...data.byTopic].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const topicIndices = sortedTopics.map((t) => topics.add(count(t.n, t.own)));
  published.markRounded(...line.parts, line.total);
  topics.markRounded(...topicIndices);
  return {
    sessions: published.cell(line.total),
    byLanguage: languages.map((l, i) => ({ key: l.key, count: published.cell(line.parts[i]!) })),
    byTopic: sortedTopics.map((t, i) => ({ key: t.key, count: topics.cell(topicIndices[i]!) })),
    note: COUNSELLING_NOTE,
  };
}
