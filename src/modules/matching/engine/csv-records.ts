import { parseCsv } from '../../registry/import/csv-parser.js';
import type { MatchInput } from './record.js';

/** Columns of the batch-linkage contract (DESIGN.md); every other column is compared as an extra. */
const KNOWN = new Set([
  'id',
  'given_name',
  'family_name',
  'fathers_name',
  'original_script_name',
  'sex',
  'birth_date',
  'birth_year',
  'age_estimated',
  'nationality',
  'place_of_origin',
]);

export interface MatchFile {
  inputs: MatchInput[];
  extraColumns: string[];
}

export class MatchFileError extends Error {}

/** Reads a CSV of people for batch matching; needs an `id` column, all others are optional. */
export function readMatchFile(text: string, ignore: readonly string[] = []): MatchFile {
  const table = parseCsv(text);
  const header = table.header.map((h) => h.trim().toLowerCase());
  const idIndex = header.indexOf('id');
  if (idIndex < 0) throw new MatchFileError(`no "id" column (columns found: ${header.join(', ') || 'none'})`);
  const column = (name: string) => header.indexOf(name);
  const extraColumns = header.filter((h) => !KNOWN.has(h) && !ignore.includes(h));
  const seen = new Set<string>();
  const inputs = table.records.map((record) => {
    const cell = (index: number) => (index >= 0 ? (record.cells[index] ?? '').trim() : '');
    const id = cell(idIndex);
    if (!id) throw new MatchFileError(`line ${record.line}: empty id`);
    if (seen.has(id)) throw new MatchFileError(`line ${record.line}: id "${id}" appears twice`);
    seen.add(id);
    const birthYear = Number.parseInt(cell(column('birth_year')), 10);
    return {
      id,
      givenName: cell(column('given_name')) || null,
      familyName: cell(column('family_name')) || null,
      fathersName: cell(column('fathers_name')) || null,
      originalScriptName: cell(column('original_script_name')) || null,
      sex: cell(column('sex')) || null,
      birthDate: cell(column('birth_date')) || null,
      birthYear: Number.isFinite(birthYear) ? birthYear : null,
      ageEstimated: ['1', 'true', 'yes'].includes(cell(column('age_estimated')).toLowerCase()),
      nationality: cell(column('nationality')) || null,
      placeOfOrigin: cell(column('place_of_origin')) || null,
      extras: Object.fromEntries(extraColumns.map((name) => [name, cell(header.indexOf(name)) || null])),
    } satisfies MatchInput;
  });
  return { inputs, extraColumns };
}

/** CSV-safe cell: quoted when needed; a leading = + - @ is neutralised so a spreadsheet never runs it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
