import { SPECIFIC_NEEDS } from '../registry/specific-needs.js';
import type { CHILD_KINDS, SiteSexAgeRow } from './population.repository.js';
import { type Count, PublishedCounts, totalOf, ZERO } from './published-counts.js';
import { AGE_BANDS, type ResolvedReport, type SiteRow, subtreeOf } from './report-filter.js';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const TOP_NATIONALITIES = 10;

type Keyed = { key: string; n: number; own: number };
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
  // Registered = present + those with no current site; the latter is derivable, so it is tied.
  const registered = published.addLine([totalOf(sites.map((s) => presentBySite.get(s.id) ?? ZERO)), noSite]);
  published.tie(present.total, [registered.parts[0]!]);
  const sexAge = published.addGrid(grid, AGE_BANDS.length);
  published.tie(registered.total, [sexAge.total]);

  const sorted = [...nationalities].sort((a, b) => b.n - a.n || a.key.localeCompare(b.key));
  const known = sorted.filter((n) => n.key !== 'unknown');
  const top = known.slice(0, TOP_NATIONALITIES);
  const rest = known.slice(TOP_NATIONALITIES);
  const unknown = sorted.find((n) => n.key === 'unknown');
  const natEntries: Array<{ key: string; c: Count }> = [
    ...top.map((n) => ({ key: n.key, c: count(n.n, n.own) })),
    ...(rest.length ? [{ key: 'other', c: totalOf(rest.map((n) => count(n.n, n.own))) }] : []),
    ...(unknown ? [{ key: 'unknown', c: count(unknown.n, unknown.own) }] : []),
  ];
  const nat = published.addLine(natEntries.map((e) => e.c));
  published.tie(registered.total, [nat.total]);

  // Each reconciled site publishes its registered count: the sum of its own and its zones' counts.
  const reconciledRegistered = new Map<string, number>();
  for (const root of reconciledRoots) {
    const ids = subtreeOf(report.sites, root.id)
      .map((s) => sites.findIndex((x) => x.id === s.id))
      .filter((i) => i >= 0);
    const index = published.add(totalOf(ids.map((i) => presentBySite.get(sites[i]!.id) ?? ZERO)));
    published.tie(
      index,
      ids.map((i) => present.parts[i]!),
    );
    reconciledRegistered.set(root.id, index);
  }

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
      const index = reconciledRegistered.get(siteId);
      return index === undefined ? null : published.cell(index);
    },
  };
}

const CATEGORY_ORDER = [...new Set(SPECIFIC_NEEDS.map((n) => n.category))];

/** Needs overlap (one person, several categories): each count stands alone, with no sum to protect. */
export function buildNeeds(
  report: ResolvedReport,
  needs: { byCategory: Keyed[]; any: { n: number; own: number } },
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const any = published.add(count(needs.any.n, needs.any.own));
  const categories = CATEGORY_ORDER.map((category) => {
    const row = needs.byCategory.find((r) => r.key === category);
    return { key: category, index: published.add(row ? count(row.n, row.own) : ZERO) };
  });
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
) {
  const published = new PublishedCounts(report.threshold, report.exact);
  const grid = SEXES.map((sex) =>
    kinds.map((kind) => {
      const row = rows.find((r) => r.sex === sex && r.kind === kind);
      return row ? count(row.n, row.own) : ZERO;
    }),
  );
  const added = published.addGrid(grid, kinds.length);
  return { definition: CHILDREN_DEFINITION, grid: gridOut(published, SEXES, kinds, added) };
}
