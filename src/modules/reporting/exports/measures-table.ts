import { type Count, PublishedCounts, totalOf, ZERO } from '../published-counts.js';
import type { ResolvedReport, SiteRow } from '../report-filter.js';
import type { ExportColumn, ExportValue } from './table.js';

/** A row's place: a site, or a region when locations are coarsened. */
export interface Location {
  key: string;
  region: string;
  name: string;
  code: string;
  kind: string;
}

export type Coarsening = 'site' | 'region';

export const NO_SITE = '(no current site)';
export const UNKNOWN_REGION = '(unknown region)';

/** The rows' locations, and which location a site's counts go to. */
export function locationsOf(report: ResolvedReport, coarsen: Coarsening) {
  const regionOf = (s: SiteRow) => s.region ?? UNKNOWN_REGION;
  const list: Location[] =
    coarsen === 'site'
      ? report.sitesInFilter.map((s) => ({
          key: s.id,
          region: regionOf(s),
          name: s.name,
          code: s.id,
          kind: s.kind,
        }))
      : [...new Set(report.sitesInFilter.map(regionOf))]
          .sort()
          .map((region) => ({ key: region, region, name: region, code: '', kind: 'region' }));
  const byId = new Map(report.sitesInFilter.map((s) => [s.id, coarsen === 'site' ? s.id : regionOf(s)]));
  return {
    list,
    keyOf: (siteId: string | null) => (siteId === null ? NO_SITE : (byId.get(siteId) ?? NO_SITE)),
  };
}

export const LOCATION_COLUMNS: ExportColumn[] = [
  { header: 'Region', hxl: '#adm1+name' },
  { header: 'Location', hxl: '#loc+name' },
  { header: 'Location code', hxl: '#loc+code' },
  { header: 'Location type', hxl: '#loc+type' },
];

export function locationCells(location: Location): ExportValue[] {
  return [location.region, location.name, location.code, location.kind];
}

/** A printed column: a base count, or the sum of base counts (a subtotal). */
export interface Measure {
  key: string;
  header: string;
  hxl: string;
  parts?: readonly string[];
}

export interface MeasuresInput<R> {
  rows: readonly R[];
  /** Base counts of each row; those not printed still bind the printed ones through their sums. */
  base: readonly string[];
  printed: readonly Measure[];
  valueOf: (row: R, baseKey: string) => Count;
  /**
   * Rows whose columns add up to totals published elsewhere (the overview): all rows by default,
   * one week's rows for weekly data. The totals are known to a reader, so they bind the cells.
   */
  groupOf?: (row: R) => string;
  /** Printed cells another publication hides (the overview): hidden here too, and kept undeterminable. */
  forced?: (row: R, key: string) => boolean;
}

/** Counts for a rows × measures file, suppressed together with their row sums and column totals. */
export function measuresTable<R>(report: ResolvedReport, input: MeasuresInput<R>): ExportValue[][] {
  const published = new PublishedCounts(report.threshold, report.exact);
  const printedBase = new Set(input.printed.filter((m) => !m.parts).map((m) => m.key));
  const indices = input.rows.map((row) => {
    const cells = new Map<string, number>();
    for (const key of input.base) {
      const value = input.valueOf(row, key);
      cells.set(key, printedBase.has(key) ? published.add(value) : published.addUnprinted(value));
    }
    for (const m of input.printed) {
      if (!m.parts) continue;
      const parts = m.parts.map((k) => cells.get(k)!);
      const index = published.add(totalOf(m.parts.map((k) => input.valueOf(row, k))));
      published.tie(index, parts);
      cells.set(m.key, index);
    }
    return cells;
  });
  const groups = new Map<string, number[]>();
  input.rows.forEach((row, r) => {
    const group = input.groupOf?.(row) ?? '*';
    groups.set(group, [...(groups.get(group) ?? []), r]);
  });
  for (const rows of groups.values()) {
    for (const key of [...input.base, ...input.printed.filter((m) => m.parts).map((m) => m.key)]) {
      const measure = input.printed.find((m) => m.key === key);
      const total = rows.reduce<Count>(
        (sum, r) => totalOf([sum, ...(measure?.parts ?? [key]).map((k) => input.valueOf(input.rows[r]!, k))]),
        ZERO,
      );
      published.tie(
        published.add(total),
        rows.map((r) => indices[r]!.get(key)!),
      );
    }
  }
  if (input.forced)
    input.rows.forEach((row, r) => {
      for (const m of input.printed)
        if (input.forced!(row, m.key)) published.forceHidden(indices[r]!.get(m.key)!);
    });
  return indices.map((cells) => input.printed.map((m) => published.cell(cells.get(m.key)!)));
}
