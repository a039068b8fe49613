import type { ExportValue } from './table.js';

/**
 * A spreadsheet opening the file must not run anything in it: a text cell starting with = + - @,
 * a tab or a carriage return is read as a formula (CSV injection), so it gets a leading
 * apostrophe, which spreadsheets show as text. Counts are numbers and never start that way.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function field(value: ExportValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV, CRLF line ends, with a UTF-8 byte order mark so spreadsheets read Arabic names right. */
export function toCsv(lines: ExportValue[][]): Buffer {
  const body = lines.map((line) => line.map(field).join(',')).join('\r\n');
  return Buffer.from(`\uFEFF${body}\r\n`, 'utf8');
}
