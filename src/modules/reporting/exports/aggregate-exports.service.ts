import type { z } from 'zod';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAuditAlone } from '../../audit/audit.service.js';
import { loadThreshold, type ResolvedReport, resolveReport } from '../report-filter.js';
import { neutraliseFormula } from './csv.js';
import { AGGREGATE_DATASETS, type AggregateDataset, buildAggregateTable } from './datasets.js';
import type { AggregateExportQuery } from './exports.schema.js';
import { type Coarsening, UNKNOWN_REGION } from './measures-table.js';
import { type RenderedFile, renderTable } from './render.js';

/**
 * An aggregate dataset as a file: the same counts, scope and suppression as the overview, laid
 * out one row per location (or week, or legal basis), with an HXL hashtag row when asked for.
 * Taking a file away is audited with its row count, though it names no one.
 */
export async function exportAggregate(
  ctx: ServiceContext,
  dataset: string,
  query: z.infer<typeof AggregateExportQuery>,
): Promise<RenderedFile> {
  if (!(AGGREGATE_DATASETS as readonly string[]).includes(dataset)) throw AppError.notFound('dataset');
  const configured = await loadThreshold(ctx.db);
  if (query.threshold !== undefined && query.threshold < configured)
    throw AppError.validation('threshold', `must be at least ${configured}, this deployment's threshold`);
  const report = await resolveReport(ctx, query, query.threshold);
  const table = await buildTable(ctx, report, dataset as AggregateDataset, query.location);
  // Text such as site names comes from users: neutralised in XLSX as in CSV.
  const safe = {
    ...table,
    rows: table.rows.map((row) => row.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))),
  };
  const createdAt = ctx.now().toISOString();
  const file = renderTable(safe, {
    format: query.format,
    hxl: query.hxl === '1',
    name: `passerelle-${dataset}-${report.filter.to}`,
    creator: 'Passerelle',
    createdAt,
  });
  await recordAuditAlone(ctx.db, ctx, {
    action: 'export.aggregate',
    entity: 'export',
    details: {
      dataset,
      format: query.format,
      rows: table.rows.length,
      scope: report.scope,
      threshold: report.threshold,
      suppressed: !report.exact,
      location: query.location,
      siteId: query.siteId ?? null,
      period: { from: report.filter.from, to: report.filter.to },
    },
  });
  return file;
}

/** Where the location columns start in each dataset's rows (reunification has none). */
const LOCATION_AT: Record<AggregateDataset, number | null> = {
  population: 0,
  needs: 0,
  cases: 0,
  relocations: 1,
  reunification: null,
};

/**
 * For a suppressed viewer, a file on one site is the file of all sites cut down to that site's
 * rows (its zones included; whole regions when coarsened): every file then comes from one
 * publication, so a file on a site cannot be subtracted from another to reveal a hidden count.
 */
async function buildTable(
  ctx: ServiceContext,
  report: ResolvedReport,
  dataset: AggregateDataset,
  coarsen: Coarsening,
) {
  if (report.exact || !report.filter.siteIds) return buildAggregateTable(ctx.db, report, dataset, coarsen);
  const at = LOCATION_AT[dataset];
  if (at === null)
    throw AppError.validation('siteId', `the ${dataset} file covers every site; leave siteId out`);
  const whole: ResolvedReport = {
    ...report,
    filter: { ...report.filter, siteIds: null },
    sitesInFilter: report.sites,
  };
  const table = await buildAggregateTable(ctx.db, whole, dataset, coarsen);
  const ids = new Set(report.sitesInFilter.map((s) => s.id));
  const regions = new Set(report.sitesInFilter.map((s) => s.region ?? UNKNOWN_REGION));
  const keep = (row: (typeof table.rows)[number]) =>
    coarsen === 'site' ? ids.has(String(row[at + 2])) : regions.has(String(row[at]));
  return { ...table, rows: table.rows.filter(keep) };
}
