import type { ServiceContext } from '../../server/context.js';
import { loadCentres } from '../reception/capacity.service.js';
import { getPopulation } from '../sites/population.service.js';
import {
  countCounselling,
  countOpenCases,
  countOverdueWork,
  countRelocationWeeks,
  countReturnCohort,
} from './activity.repository.js';
import { buildCases, buildCounselling, buildRelocations } from './activity-section.js';
import {
  CHILD_KINDS,
  countChildrenAlone,
  countNeeds,
  countPeopleByNationality,
  countPeopleBySiteSexAge,
} from './population.repository.js';
import { buildChildren, buildNeeds, buildPopulation } from './population-section.js';
import {
  AGE_DEFINITION,
  CENTRE_KINDS,
  type ResolvedReport,
  resolveReport,
  type SiteRow,
} from './report-filter.js';
import type { OverviewResponse, ReportQuery } from './reporting.schema.js';
import { loadReunification } from './reunification-section.js';

export const SUPPRESSION_RULE =
  'Counts from 1 to threshold − 1, and counts whose part from other organisations is in that range, are hidden (null, shown as "<threshold"); further counts are hidden until no hidden count can be worked out from the totals. Zeros are shown.';

/**
 * The coordination overview. Every figure is counted by the database; Node only arranges the
 * grouped rows (a few hundred at most, whatever the population) and decides what to hide.
 */
export async function getOverview(ctx: ServiceContext, query: ReportQuery): Promise<OverviewResponse> {
  const report = await resolveReport(ctx, query);
  const { filter } = report;
  const roots = reconciledRoots(report);
  const [people, nationalities, needs, children, cases, overdue, weeks, cohort, counselling, centres] =
    await Promise.all([
      countPeopleBySiteSexAge(ctx.db, filter),
      countPeopleByNationality(ctx.db, filter),
      countNeeds(ctx.db, filter),
      countChildrenAlone(ctx.db, filter),
      countOpenCases(ctx.db, filter),
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
  const population = buildPopulation(
    report,
    people,
    nationalities,
    roots,
    await patternOfAllSites(ctx, report),
  );
  return {
    generatedAt: ctx.now().toISOString(),
    period: { from: filter.from, to: filter.to, snappedToWeeks: report.snappedToWeeks },
    siteId: query.siteId ?? null,
    scope: report.scope,
    suppression: { applied: !report.exact, threshold: report.threshold, rule: SUPPRESSION_RULE },
    ageDefinition: AGE_DEFINITION,
    population: population.section,
    needs: buildNeeds(report, needs),
    children: buildChildren(report, children, CHILD_KINDS),
    cases: buildCases(report, cases, overdue),
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
async function patternOfAllSites(ctx: ServiceContext, report: ResolvedReport) {
  if (report.exact || !report.filter.siteIds) return undefined;
  const siteId = report.sitesInFilter[0]!.id;
  const whole: ResolvedReport = {
    ...report,
    filter: { ...report.filter, siteIds: null },
    sitesInFilter: report.sites,
  };
  const [people, nationalities] = await Promise.all([
    countPeopleBySiteSexAge(ctx.db, whole.filter),
    countPeopleByNationality(ctx.db, whole.filter),
  ]);
  return buildPopulation(whole, people, nationalities, reconciledRoots(whole)).patternOf(siteId);
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
