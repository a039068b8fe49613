import type { z } from 'zod';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAuditAlone } from '../../audit/audit.service.js';
import { loadThreshold, resolveReport } from '../report-filter.js';
import { neutraliseFormula } from './csv.js';
import { AGGREGATE_DATASETS, type AggregateDataset, buildAggregateTable } from './datasets.js';
import type { AggregateExportQuery } from './exports.schema.js';
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
  const table = await buildAggregateTable(ctx.db, report, dataset as AggregateDataset, query.location);
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
