import type { ServiceContext } from '../../server/context.js';
import { loadCentres } from '../reception/capacity.service.js';
import { getPopulation } from '../sites/population.service.js';
import {
  countCounselling,
  countOpenCasesBySite,
  countOverdueWork,
  countRelocationWeeks,
  countReturnCohort,
} from './activity.repository.js';
import { buildCases, buildCounselling, buildRelocations } from './activity-section.js';
import {
  CHILD_KINDS,
  countChildrenAloneBySite,
  countNeedsBySite,
  countPeopleByNationalityAndSite,
  countPeopleBySiteSexAge,
} from './population.repository.js';
import { buildChildren, buildNeeds, buildPopulation, type WholeRows } from './population-section.js';
import {
  AGE_DEFINITION,
  CENTRE_KINDS,
  type ResolvedReport,
  resolveReport,
  type SiteRow,
} from './report-filter.js';
import type { OverviewResponse, ReportQuery } from './reporting.schema.js';
import { loadReunification } from './reunification-section.js';
import { foldReportRollupsIfDue } from './rollups.service.js';
import { rowsInFilter } from './site-breakdowns.js';

export const SUPPRESSION_RULE =
  'Counts from 1 to threshold − 1, and counts whose part from other organisations is in that range, are hidden (null, shown as "<threshold"); further counts are hidden until no hidden count can be worked out from the totals, and every site filter hides the same cells of each breakdown. Zeros are shown. Counts over the period (registrations in the period, relocations, counselling sessions) are rounded to a multiple of the threshold.';

/** Where the overview's counts of people come from: the rollups, or (tests) a scan of people. */
export interface PeopleCounts {
  bySiteSexAge: typeof countPeopleBySiteSexAge;
  byNationalityAndSite: typeof countPeopleByNationalityAndSite;
  needsBySite: typeof countNeedsBySite;
  childrenAloneBySite: typeof countChildrenAloneBySite;
}

const FROM_ROLLUPS: PeopleCounts = {
  bySiteSexAge: countPeopleBySiteSexAge,
  byNationalityAndSite: countPeopleByNationalityAndSite,
  needsBySite: countNeedsBySite,
  childrenAloneBySite: countChildrenAloneBySite,
};

/**
 * The coordination overview. Every figure is counted by the database; Node only arranges the
 * grouped rows (a few hundred at most, whatever the population) and decides what to hide.
 */
export async function getOverview(
  ctx: ServiceContext,
  query: ReportQuery,
  counts: PeopleCounts = FROM_ROLLUPS,
): Promise<OverviewResponse> {
  // The fold writes nothing a report shows; it only keeps the rows a report sums few.
  await foldReportRollupsIfDue(ctx.db);
  const report = await resolveReport(ctx, query);
  const { filter } = report;
  const roots = reconciledRoots(report);
  // A suppressed viewer's breakdowns are counted for every site, per site, so that every site
  // filter hides the same cells (site-breakdowns.ts); the report's own rows are its sites' rows.
  const breakdownFilter = report.exact ? filter : { ...filter, siteIds: null };
  const [people, nationalities, needs, children, cases, overdue, weeks, cohort, counselling, centres] =
    await Promise.all([
      counts.bySiteSexAge(ctx.db, breakdownFilter),
      counts.byNationalityAndSite(ctx.db, breakdownFilter),
      counts.needsBySite(ctx.db, breakdownFilter),
      counts.childrenAloneBySite(ctx.db, breakdownFilter),
      countOpenCasesBySite(ctx.db, breakdownFilter),
      countOverdueWork(ctx.db, filter),
      countRelocationWeeks(ctx.db, filter),
      countReturnCohort(ctx.db, filter),
      countCounselling(ctx.db, filter),
      loadCentres(ctx.db, {}),
    ]);
  const [reunification, reconciliations] = await Promise.all([
    loadReunification(ctx.db, report),
    Promise.all(roots.map((root) => getPopulation(ctx, root.id))),
  ]);
  const whole: WholeRows | undefined = report.exact ? undefined : { people, nationalities };
  const population = buildPopulation(
    report,
    rowsInFilter(report, people),
    merge(rowsInFilter(report, nationalities), (r) => r.key),
    roots,
    whole && patternOfAllSites(report, whole),
    whole,
  );
  const needRows = rowsInFilter(report, needs);
  const needsSection = buildNeeds(
    report,
    {
      byCategory: merge(
        needRows.filter((r) => r.category !== null),
        (r) => r.category ?? '',
      ).map((r) => ({ key: r.category ?? '', n: r.n, own: r.own })),
      any: merge(
        needRows.filter((r) => r.category === null),
        () => 'any',
      )[0] ?? { n: 0, own: 0 },
    },
    report.exact ? undefined : needs,
  );
  const childRows = merge(rowsInFilter(report, children), (r) => `${r.sex}|${r.kind}`);
  const caseRows = merge(rowsInFilter(report, cases), (r) => `${r.type}|${r.risk}`);
  return {
    generatedAt: ctx.now().toISOString(),
    period: { from: filter.from, to: filter.to, snappedToWeeks: report.snappedToWeeks },
    siteId: query.siteId ?? null,
    scope: report.scope,
    suppression: {
      applied: !report.exact,
      threshold: report.threshold,
      rule: SUPPRESSION_RULE,
      flowsRoundedTo: report.exact ? null : report.threshold,
    },
    ageDefinition: AGE_DEFINITION,
    population: population.section,
    needs: needsSection,
    children: buildChildren(
      report,
      childRows.map((r) => ({ sex: r.sex, kind: r.kind, n: r.n, own: r.own })),
      CHILD_KINDS,
      report.exact ? undefined : children,
    ),
    cases: buildCases(report, caseRows, overdue, report.exact ? undefined : cases),
    places: buildPlaces(report, centres),
    relocations: buildRelocations(report, weeks, cohort),
    counselling: buildCounselling(report, counselling),
    reunification,
    reconciled: reconciliations.map((r) => ({
      siteId: r.siteId,
      name: r.name,
      registeredPresent: population.registeredOf(r.siteId),
      low: r.range?.low ?? null,
      high: r.range?.high ?? null,
      central: r.central?.value ?? null,
      divergenceRatio: r.divergenceRatio === null ? null : Math.round(r.divergenceRatio * 100) / 100,
      basis: r.basis,
    })),
  };
}

/**
 * For a suppressed viewer's report on one site: what the report of all sites (same period, scope
 * and threshold) hides about that site, so that the two reports agree and cannot be subtracted.
 */
function patternOfAllSites(report: ResolvedReport, whole: WholeRows) {
  if (report.exact || !report.filter.siteIds) return undefined;
  const siteId = report.sitesInFilter[0]!.id;
  const all: ResolvedReport = {
    ...report,
    filter: { ...report.filter, siteIds: null },
    sitesInFilter: report.sites,
  };
  const nationalities = merge(whole.nationalities, (r) => r.key);
  return buildPopulation(all, whole.people, nationalities, reconciledRoots(all), undefined, whole).patternOf(
    siteId,
  );
}

/** Per-site rows added up by key (a filter of several sites reports them together). */
function merge<T extends { n: number; own: number }>(rows: readonly T[], keyOf: (row: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const row of rows) {
    const key = keyOf(row);
    const entry = byKey.get(key);
    if (entry) byKey.set(key, { ...entry, n: entry.n + row.n, own: entry.own + row.own });
    else byKey.set(key, { ...row });
  }
  return [...byKey.values()];
}

/** The sites whose reconciled population is shown: the chosen site, or every top-level camp and centre. */
function reconciledRoots(report: ResolvedReport): SiteRow[] {
  if (report.filter.siteIds) return report.sitesInFilter.slice(0, 1);
  return report.sites.filter((s) => s.parent_id === null);
}

type Centre = Awaited<ReturnType<typeof loadCentres>>[number];

/** Places are buildings, not people: summed by category over the centres in the filter, unsuppressed. */
function buildPlaces(report: ResolvedReport, centres: Centre[]) {
  const inFilter = new Set(report.sitesInFilter.map((s) => s.id));
  const byCategory = new Map<
    string,
    { places: number; blocked: number; occupied: number; reserved: number; free: number }
  >();
  const totals = { places: 0, blocked: 0, occupied: 0, reserved: 0, free: 0 };
  for (const centre of centres) {
    if (!inFilter.has(centre.siteId) || !CENTRE_KINDS.includes(centre.kind)) continue;
    for (const c of centre.categories) {
      const sum = byCategory.get(c.category) ?? { places: 0, blocked: 0, occupied: 0, reserved: 0, free: 0 };
      sum.places += c.capacity;
      sum.blocked += c.blocked;
      sum.occupied += c.occupied;
      sum.reserved += c.reserved;
      sum.free += c.free;
      byCategory.set(c.category, sum);
      totals.places += c.capacity;
      totals.blocked += c.blocked;
      totals.occupied += c.occupied;
      totals.reserved += c.reserved;
      totals.free += c.free;
    }
  }
  return {
    categories: [...byCategory.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([category, figures]) => ({ category, ...figures })),
    totals,
  };
}
