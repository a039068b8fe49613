import { toCsv } from './csv.js';
import { type ExportTable, layout } from './table.js';
import { toXlsx } from './xlsx.js';

export interface RenderedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Writes a table as CSV or XLSX. Text cells are neutralised against formulas in both formats. */
export function renderTable(
  table: ExportTable,
  options: { format: 'csv' | 'xlsx'; hxl: boolean; name: string; creator: string; createdAt: string },
): RenderedFile {
  const lines = layout(table, options.hxl);
  const body =
    options.format === 'csv'
      ? toCsv(lines)
      : toXlsx(lines, { title: options.name, creator: options.creator, createdAt: options.createdAt });
  return { filename: `${options.name}.${options.format}`, contentType: CONTENT_TYPES[options.format], body };
}
