/** What an export file holds, before it is written as CSV or XLSX. */
export interface ExportColumn {
  header: string;
  /** HXL hashtag with attributes, e.g. `#affected+f+children`. */
  hxl: string;
}

/** A cell: text, a count, or null for a suppressed count (written as "<threshold"). */
export type ExportValue = string | number | null;

export interface ExportTable {
  columns: ExportColumn[];
  rows: ExportValue[][];
  /** Lines written above the header (personal exports: who took it and when). */
  watermark?: string[];
  /** What null stands for. */
  suppressedAs?: string;
}

/** The rows as they are written: header, optional HXL row, data; suppressed cells as text. */
export function layout(table: ExportTable, withHxl: boolean): ExportValue[][] {
  const lines: ExportValue[][] = [];
  for (const line of table.watermark ?? []) lines.push([line]);
  lines.push(table.columns.map((c) => c.header));
  if (withHxl) lines.push(table.columns.map((c) => c.hxl));
  for (const row of table.rows) lines.push(row.map((v) => (v === null ? (table.suppressedAs ?? '') : v)));
  return lines;
}
