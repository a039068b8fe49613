/**
 * Breakdowns (sex × age, nationalities, needs, children alone, cases) across nested site filters.
 *
 * A suppressed viewer can ask for the report of all sites, of a camp, and of each of its zones. Each
 * report's breakdown is suppressed on its own, but a camp's cell minus its zones' cells is the camp's
 * own people in that cell, and the report of all sites minus every top-level site is the people with
 * no current site: if one zone hides a small cell and its camp and sister zones show theirs, the
 * subtraction gives it back (the camp's own people are often known to be none, from the all-sites
 * report's per-site counts).
 *
 * The rule: every report of one period, scope and threshold hides the same cells of a breakdown,
 * whatever its site filter. The cells hidden are found over the whole site tree: each printed
 * breakdown (all sites, and each site with its zones) is suppressed with the cells found so far
 * forced hidden, and every cell it then hides is added; the parts nobody prints (a camp's own people
 * beside its zones, the people with no current site) add their small cells. Repeated until nothing
 * changes. Then, in each tree sum (camp = own + zones, all = top-level sites + no site), a cell is
 * either shown in every report or hidden in every report, and a hidden one only meets hidden cells
 * or the camp's own part, which nobody prints: no subtraction across filters gives anything back.
 * Within each report the usual secondary suppression keeps hidden cells undeterminable.
 */
import { type Count, PublishedCounts, ZERO } from './published-counts.js';
import { type ResolvedReport, subtreeOf } from './report-filter.js';

/** A breakdown's base counts per current site (null: people with no current site). */
export type CountsBySite = Map<string | null, Count[]>;

/**
 * Adds one breakdown (base counts, then the totals it publishes, always in the same order) to a
 * problem. Indices it adds, from the first, are the breakdown's cell positions.
 */
export type AddBreakdown = (published: PublishedCounts, base: readonly Count[]) => void;

export function sumSites(bySite: CountsBySite, siteIds: ReadonlyArray<string | null>, size: number): Count[] {
  const sum = Array.from({ length: size }, () => ({ ...ZERO }));
  for (const id of siteIds) {
    const counts = bySite.get(id);
    if (!counts) continue;
    counts.forEach((c, i) => {
      sum[i] = { value: sum[i]!.value + c.value, own: sum[i]!.own + c.own };
    });
  }
  return sum;
}

/**
 * The breakdown positions every report hides, for a suppressed viewer; null for exact viewers.
 * `bySite` must hold every site's counts (not only the filter's). `totalElsewhere`: the breakdown's
 * last value, its grand total, is the site's people count, which the population section already keeps
 * consistent across filters (buildPopulation); it is left to that rule rather than hidden everywhere.
 */
export function uniformHiddenPositions(
  report: ResolvedReport,
  bySite: CountsBySite,
  size: number,
  add: AddBreakdown,
  totalElsewhere = false,
): Set<number> | null {
  if (report.exact) return null;
  const probe = new PublishedCounts(report.threshold, false);
  add(
    probe,
    Array.from({ length: size }, () => ZERO),
  );
  const skipped = totalElsewhere ? probe.size - 1 : -1;
  const printed: Count[][] = [sumSites(bySite, [...bySite.keys()], size)];
  const unprinted: Count[][] = [bySite.get(null) ?? Array.from({ length: size }, () => ZERO)];
  for (const site of report.sites) {
    const subtree = subtreeOf(report.sites, site.id).map((s) => s.id);
    printed.push(sumSites(bySite, subtree, size));
    if (subtree.length > 1) unprinted.push(sumSites(bySite, [site.id], size));
  }
  const hidden = new Set<number>();
  // The parts nobody prints only need their own small cells kept out of every report.
  for (const base of unprinted) {
    const problem = new PublishedCounts(report.threshold, false);
    add(problem, base);
    for (let i = 0; i < problem.size; i += 1) if (i !== skipped && problem.isSensitive(i)) hidden.add(i);
  }
  for (let round = 0; round <= 64; round += 1) {
    const before = hidden.size;
    for (const base of printed) {
      const problem = new PublishedCounts(report.threshold, false);
      add(problem, base);
      for (const i of hidden) problem.forceHidden(i);
      for (let i = 0; i < problem.size; i += 1) if (i !== skipped && problem.isHidden(i)) hidden.add(i);
    }
    if (hidden.size === before) return hidden;
  }
  // Not settled (it always does: positions only get added): hide the whole breakdown.
  return new Set(Array.from({ length: probe.size }, (_, i) => i).filter((i) => i !== skipped));
}

/** Forces the uniform positions of a breakdown that starts at index `first` of a report's problem. */
export function forceUniform(published: PublishedCounts, first: number, positions: Set<number> | null) {
  if (!positions) return;
  for (const i of positions) published.forceHidden(first + i);
}

/** The rows of the report's sites (all rows when it covers every site). */
export function rowsInFilter<T extends { siteId: string | null }>(
  report: ResolvedReport,
  rows: readonly T[],
): T[] {
  const ids = report.filter.siteIds;
  if (!ids) return [...rows];
  const inFilter = new Set(ids);
  return rows.filter((r) => r.siteId !== null && inFilter.has(r.siteId));
}

/** Per-site base counts of a breakdown from grouped rows; `position` places a row (null: not in it). */
export function countsBySite<T extends { siteId: string | null }>(
  rows: readonly T[],
  size: number,
  position: (row: T) => number | null,
  count: (row: T) => Count,
): CountsBySite {
  const bySite: CountsBySite = new Map();
  for (const row of rows) {
    const at = position(row);
    if (at === null) continue;
    const counts = bySite.get(row.siteId) ?? Array.from({ length: size }, () => ({ ...ZERO }));
    const c = count(row);
    counts[at] = { value: counts[at]!.value + c.value, own: counts[at]!.own + c.own };
    bySite.set(row.siteId, counts);
  }
  return bySite;
}

/** A rows × columns grid breakdown, flattened row by row, with its totals (PublishedCounts.addGrid). */
export function gridBreakdown(columns: number): AddBreakdown {
  return (published, base) => {
    const rows: Count[][] = [];
    for (let i = 0; i < base.length; i += columns) rows.push(base.slice(i, i + columns));
    published.addGrid(rows, columns);
  };
}

/** A list of parts with their total (PublishedCounts.addLine). */
export const lineBreakdown: AddBreakdown = (published, base) => {
  published.addLine(base);
};

/** Counts that stand alone (no sum ties them). */
export const separateBreakdown: AddBreakdown = (published, base) => {
  for (const c of base) published.add(c);
};
