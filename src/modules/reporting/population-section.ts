import { SPECIFIC_NEEDS } from '../registry/specific-needs.js';
import type { CHILD_KINDS, SiteSexAgeRow } from './population.repository.js';
import { type Count, PublishedCounts, totalOf, ZERO } from './published-counts.js';
import { AGE_BANDS, type ResolvedReport, type SiteRow, subtreeOf } from './report-filter.js';
import {
  countsBySite,
  forceUniform,
  gridBreakdown,
  lineBreakdown,
  separateBreakdown,
  uniformHiddenPositions,
} from './site-breakdowns.js';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const TOP_NATIONALITIES = 10;

type Keyed = { key: string; n: number; own: number };
type SiteKeyed = Keyed & { siteId: string | null };

/** Every site's rows, for a suppressed viewer: breakdowns hide the same cells whatever the filter. */
export interface WholeRows {
  people: SiteSexAgeRow[];
  nationalities: SiteKeyed[];
}
const count = (n: number, own: number): Count => ({ value: n, own });

/** The grid of published cells of a rows × columns table. */
export function gridOut(
  published: PublishedCounts,
  rows: readonly string[],
  columns: readonly string[],
  grid: ReturnType<PublishedCounts['addGrid']>,
) {
  return {
    rows: [...rows],
    columns: [...columns],
    cells: grid.cells.map((row) => published.cells(row)),
    rowTotals: published.cells(grid.rowTotals),
    columnTotals: published.cells(grid.columnTotals),
    total: published.cell(grid.total),
  };
}

/** Top nationalities, then `other`, then `unknown`: the entries of the list, in order. */
function nationalityKeys(nationalities: readonly Keyed[]): string[] {
  const byKey = new Map<string, number>();
  for (const n of nationalities) byKey.set(n.key, (byKey.get(n.key) ?? 0) + n.n);
  const known = [...byKey.entries()]
    .filter(([key]) => key !== 'unknown')
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([key]) => key);
  return [
    ...known.slice(0, TOP_NATIONALITIES),
    ...(known.length > TOP_NATIONALITIES ? ['other'] : []),
    ...(byKey.has('unknown') ? ['unknown'] : []),
  ];
}

function nationalityPosition(keys: readonly string[]) {
  const other = keys.indexOf('other');
  return (key: string) => {
    const at = keys.indexOf(key);
    if (at >= 0 && key !== 'other') return at;
    return key === 'unknown' || other < 0 ? null : other;
  };
}

/**
 * Registered and present people by site, sex × age band and nationality, suppressed as one
 * section: the site counts, the grid and the nationality list share their totals, and the
 * reconciliation beside each top-level site publishes the sum of its zones.
 */
export function buildPopulation(
  report: ResolvedReport,
  rows: SiteSexAgeRow[],
  nationalities: Keyed[],
  reconciledRoots: readonly SiteRow[],
  hiddenElsewhere?: SitePattern,
  whole?: WholeRows,
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const presentBySite = new Map<string, Count>();
  const newBySite = new Map<string, Count>();
  const grid = SEXES.map(() => AGE_BANDS.map(() => ZERO));
  let noSite = ZERO;
  let newNoSite = ZERO;
  for (const r of rows) {
    const c = count(r.n, r.own);
    const fresh = count(r.newN, r.newOwn);
    const s = Math.max(0, SEXES.indexOf(r.sex as (typeof SEXES)[number]));
    const b = Math.max(0, AGE_BANDS.indexOf(r.band as (typeof AGE_BANDS)[number]));
    grid[s]![b] = totalOf([grid[s]![b]!, c]);
    if (r.siteId === null) {
      noSite = totalOf([noSite, c]);
      newNoSite = totalOf([newNoSite, fresh]);
    } else {
      presentBySite.set(r.siteId, totalOf([presentBySite.get(r.siteId) ?? ZERO, c]));
      newBySite.set(r.siteId, totalOf([newBySite.get(r.siteId) ?? ZERO, fresh]));
    }
  }
  const sites = report.sitesInFilter;
  const present = published.addLine(sites.map((s) => presentBySite.get(s.id) ?? ZERO));
  const fresh = published.addLine([...sites.map((s) => newBySite.get(s.id) ?? ZERO), newNoSite]);
  published.markRounded(...fresh.parts, fresh.total);
  // Registered = present + those with no current site; the latter is derivable, so it is tied.
  // A report on one site has nobody without a site, and every reader knows it: that zero is no
  // part to hide behind, so it is not in the sum.
  const presentSum = totalOf(sites.map((s) => presentBySite.get(s.id) ?? ZERO));
  const registered = published.addLine(report.filter.siteIds ? [presentSum] : [presentSum, noSite]);
  published.tie(present.total, [registered.parts[0]!]);
  // People present is the figure coordination asks for first: hide others before it.
  published.preferShown(present.total);
  published.preferShown(registered.parts[0]!);
  const sexAge = published.addGrid(grid, AGE_BANDS.length);
  published.tie(registered.total, [sexAge.total]);

  // A suppressed viewer's list has the entries of the all-sites list, whatever the filter, so that
  // the lists of nested filters line up cell by cell (site-breakdowns.ts).
  const keys = nationalityKeys(whole?.nationalities ?? nationalities);
  const place = nationalityPosition(keys);
  const natCounts = keys.map(() => ZERO);
  for (const n of nationalities) {
    const at = place(n.key);
    if (at !== null) natCounts[at] = totalOf([natCounts[at]!, count(n.n, n.own)]);
  }
  const natEntries = keys.map((key, i) => ({ key, c: natCounts[i]! }));
  const nat = published.addLine(natEntries.map((e) => e.c));
  published.tie(registered.total, [nat.total]);
  if (whole) {
    const bands = AGE_BANDS.length;
    const sexAgeBySite = countsBySite(
      whole.people,
      SEXES.length * bands,
      (r) =>
        Math.max(0, SEXES.indexOf(r.sex as (typeof SEXES)[number])) * bands +
        Math.max(0, AGE_BANDS.indexOf(r.band as (typeof AGE_BANDS)[number])),
      (r) => count(r.n, r.own),
    );
    const sexAgeSize = SEXES.length * bands;
    const gridPositions = uniformHiddenPositions(
      report,
      sexAgeBySite,
      sexAgeSize,
      gridBreakdown(bands),
      true,
    );
    forceUniform(published, sexAge.cells[0]![0]!, gridPositions);
    const natBySite = countsBySite(
      whole.nationalities,
      keys.length,
      (r) => place(r.key),
      (r) => count(r.n, r.own),
    );
    const natPositions = uniformHiddenPositions(report, natBySite, keys.length, lineBreakdown, true);
    forceUniform(published, nat.parts[0] ?? nat.total, natPositions);
  }

  // Every site with zones has a subtree total (the sum of its own and its zones' counts): the
  // reconciled sites publish it, and a report filtered to that site publishes it as its total, so
  // it is part of this problem whether printed here or not.
  const subtreePresent = new Map<string, number>();
  const subtreeFresh = new Map<string, number>();
  const roots = new Set(reconciledRoots.map((r) => r.id));
  for (const root of sites) {
    const ids = subtreeOf(report.sites, root.id)
      .map((s) => sites.findIndex((x) => x.id === s.id))
      .filter((i) => i >= 0);
    if (ids.length < 2 && !roots.has(root.id)) continue;
    const p = published.add(totalOf(ids.map((i) => presentBySite.get(sites[i]!.id) ?? ZERO)));
    published.tie(
      p,
      ids.map((i) => present.parts[i]!),
    );
    subtreePresent.set(root.id, p);
    const f = published.add(totalOf(ids.map((i) => newBySite.get(sites[i]!.id) ?? ZERO)));
    published.tie(
      f,
      ids.map((i) => fresh.parts[i]!),
    );
    subtreeFresh.set(root.id, f);
  }

  // A report filtered to a site hides what the report of all sites hides about that site's rows
  // and total: otherwise subtracting one filtered report from another re-identifies a small group.
  if (hiddenElsewhere) {
    sites.forEach((s, i) => {
      if (hiddenElsewhere.present.has(s.id)) published.forceHidden(present.parts[i]!);
      if (hiddenElsewhere.fresh.has(s.id)) published.forceHidden(fresh.parts[i]!);
    });
    if (hiddenElsewhere.presentTotal) published.forceHidden(present.total);
    if (hiddenElsewhere.freshTotal) published.forceHidden(fresh.total);
  }

  const hiddenPresent = (i: number) => published.isHidden(present.parts[i]!);
  const hiddenFresh = (i: number) => published.isHidden(fresh.parts[i]!);

  return {
    section: {
      registered: published.cell(registered.total),
      present: published.cell(present.total),
      registeredInPeriod: published.cell(fresh.total),
      bySite: sites.map((s, i) => ({
        siteId: s.id,
        name: s.name,
        region: s.region,
        kind: s.kind,
        present: published.cell(present.parts[i]!),
        registeredInPeriod: published.cell(fresh.parts[i]!),
      })),
      sexByAge: gridOut(published, SEXES, AGE_BANDS, sexAge),
      nationalities: natEntries.map((e, i) => ({ key: e.key, count: published.cell(nat.parts[i]!) })),
    },
    registeredOf: (siteId: string) => {
      const index = subtreePresent.get(siteId);
      return index === undefined ? null : published.cell(index);
    },
    /** Sites whose present count this report hides, and whether it hides those with no site. */
    hiddenSites: () => ({
      sites: new Set(sites.filter((_, i) => hiddenPresent(i)).map((s) => s.id)),
      noSite: registered.parts[1] !== undefined && published.isHidden(registered.parts[1]),
    }),
    /** What this (unfiltered) report hides about one site's subtree. */
    patternOf: (siteId: string): SitePattern => {
      const ids = new Set(subtreeOf(report.sites, siteId).map((s) => s.id));
      const present = new Set<string>();
      const fresh = new Set<string>();
      sites.forEach((s, i) => {
        if (!ids.has(s.id)) return;
        if (hiddenPresent(i)) present.add(s.id);
        if (hiddenFresh(i)) fresh.add(s.id);
      });
      const p = subtreePresent.get(siteId);
      const f = subtreeFresh.get(siteId);
      const i = sites.findIndex((s) => s.id === siteId);
      return {
        present,
        fresh,
        presentTotal: p === undefined ? hiddenPresent(i) : published.isHidden(p),
        freshTotal: f === undefined ? hiddenFresh(i) : published.isHidden(f),
      };
    },
  };
}

/** What the report of all sites hides about one site and its zones. */
export interface SitePattern {
  present: Set<string>;
  fresh: Set<string>;
  presentTotal: boolean;
  freshTotal: boolean;
}

const CATEGORY_ORDER = [...new Set(SPECIFIC_NEEDS.map((n) => n.category))];

type NeedRow = { siteId: string | null; category: string | null; n: number; own: number };

/** Needs overlap (one person, several categories): each count stands alone, with no sum to protect. */
export function buildNeeds(
  report: ResolvedReport,
  needs: { byCategory: Keyed[]; any: { n: number; own: number } },
  whole?: NeedRow[],
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const any = published.add(count(needs.any.n, needs.any.own));
  const categories = CATEGORY_ORDER.map((category) => {
    const row = needs.byCategory.find((r) => r.key === category);
    return { key: category, index: published.add(row ? count(row.n, row.own) : ZERO) };
  });
  if (whole) {
    const bySite = countsBySite(
      whole,
      1 + CATEGORY_ORDER.length,
      (r) => (r.category === null ? 0 : 1 + CATEGORY_ORDER.indexOf(r.category as never)),
      (r) => count(r.n, r.own),
    );
    forceUniform(
      published,
      any,
      uniformHiddenPositions(report, bySite, 1 + CATEGORY_ORDER.length, separateBreakdown),
    );
  }
  return {
    peopleWithNeeds: published.cell(any),
    byCategory: categories.map((c) => ({ key: c.key, count: published.cell(c.index) })),
  };
}

export const CHILDREN_DEFINITION =
  'Children under 18 (by birth year) with a current SC specific need, each counted once: unaccompanied (SC-UC), else separated (SC-SC), else another SC code. Children whose birth year is unknown are not counted.';

export function buildChildren(
  report: ResolvedReport,
  rows: Array<{ sex: string; kind: (typeof CHILD_KINDS)[number]; n: number; own: number }>,
  kinds: typeof CHILD_KINDS,
  whole?: Array<{
    siteId: string | null;
    sex: string;
    kind: (typeof CHILD_KINDS)[number];
    n: number;
    own: number;
  }>,
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const grid = SEXES.map((sex) =>
    kinds.map((kind) => {
      const row = rows.find((r) => r.sex === sex && r.kind === kind);
      return row ? count(row.n, row.own) : ZERO;
    }),
  );
  const added = published.addGrid(grid, kinds.length);
  if (whole) {
    const size = SEXES.length * kinds.length;
    const bySite = countsBySite(
      whole,
      size,
      (r) => {
        const s = SEXES.indexOf(r.sex as (typeof SEXES)[number]);
        const k = kinds.indexOf(r.kind);
        return s < 0 || k < 0 ? null : s * kinds.length + k;
      },
      (r) => count(r.n, r.own),
    );
    forceUniform(
      published,
      added.cells[0]![0]!,
      uniformHiddenPositions(report, bySite, size, gridBreakdown(kinds.length)),
    );
  }
  return { definition: CHILDREN_DEFINITION, grid: gridOut(published, SEXES, kinds, added) };
}
