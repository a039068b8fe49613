/**
 * The validation pass of an import: parse the file, map its columns, convert and validate every
 * row, resolve sites and group households. It reads the sites table and writes nothing, so it is
 * the whole of a dry run and the first step of every import.
 */
import type { Executor } from '../../../db/engine.js';
import { AppError } from '../../../server/errors.js';
import type { RegisterPersonInput } from '../registry.schema.js';
import type { Relationship } from '../registry.tables.js';
import { type ColumnMapping, type ImportField, missingFields, resolveMapping } from './column-mapping.js';
import { CsvSyntaxError, type CsvTable, type Delimiter, parseCsv } from './csv-parser.js';
import { findSitesByIdOrName } from './import.repository.js';
import { type ConvertedRow, convertRow, type RowIssue } from './row-conversion.js';

export interface ImportMember {
  line: number;
  input: RegisterPersonInput;
  relationship: Relationship | null;
}

/** What is written together: one person alone, or the valid members of one household of the file. */
export interface ImportUnit {
  household: string | null;
  members: ImportMember[];
}

export interface ImportPlan {
  table: CsvTable;
  mapping: ColumnMapping;
  missing: ImportField[];
  /** `defaultPurposes`: no column gives consent purposes, so consent is recorded for services only. */
  notes: string[];
  rowCount: number;
  validCount: number;
  issues: RowIssue[];
  units: ImportUnit[];
}

export interface PlanOptions {
  mapping?: Readonly<Record<string, string | null>>;
  delimiter?: Delimiter;
  maxRows?: number;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

function readTable(csv: string, delimiter?: Delimiter): CsvTable {
  try {
    const table = parseCsv(csv, { delimiter });
    if (table.header.length === 0)
      throw AppError.validation('csv', 'is empty: the first line must name the columns');
    return table;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw AppError.validation('csv', error.message);
    throw error;
  }
}

export async function planImport(db: Executor, csv: string, options: PlanOptions): Promise<ImportPlan> {
  const table = readTable(csv, options.delimiter);
  if (options.maxRows !== undefined && table.records.length > options.maxRows) {
    throw AppError.validation(
      'csv',
      `has ${table.records.length} rows; up to ${options.maxRows} are imported at once here: split the file, or use \`passerelle import people\``,
    );
  }
  const mapping = resolveMapping(table.header, options.mapping);
  const missing = missingFields(mapping);
  const notes = [...mapping.values()].some((t) => t?.startsWith('consentPurposes'))
    ? []
    : ['defaultPurposes'];
  const plan: ImportPlan = {
    table,
    mapping,
    missing,
    notes,
    rowCount: table.records.length,
    validCount: 0,
    issues: [],
    units: [],
  };
  // Without a column for a required field every row would fail the same way: say it once.
  if (missing.length > 0) return plan;

  const total = table.records.length;
  const rows = table.records.map((record, index) => {
    const row = convertRow(record, table.header, mapping, options.now);
    if ((index + 1) % 500 === 0 || index + 1 === total) options.onProgress?.(index + 1, total);
    return row;
  });
  const columnOf = (target: string) => [...mapping.entries()].find(([, t]) => t === target)?.[0] ?? null;
  await resolveSites(db, rows, columnOf('site'));
  plan.units = groupHouseholds(rows, columnOf('relationship'), columnOf('household'));
  plan.issues = rows.flatMap((row) => row.issues).sort((a, b) => a.line - b.line);
  plan.validCount = plan.units.reduce((n, unit) => n + unit.members.length, 0);
  return plan;
}

async function resolveSites(db: Executor, rows: ConvertedRow[], column: string | null): Promise<void> {
  const wanted = [...new Set(rows.map((r) => r.site).filter((s): s is string => s !== null))];
  const sites = await findSitesByIdOrName(db, wanted);
  for (const row of rows) {
    if (row.site === null) continue;
    const byId = sites.find((s) => s.id === row.site);
    const byName = sites.filter((s) => s.name.toLowerCase() === row.site!.toLowerCase());
    const siteId = byId?.id ?? (byName.length === 1 ? byName[0]!.id : null);
    if (siteId) {
      if (row.input) row.input.siteId = siteId;
      continue;
    }
    row.issues.push({
      line: row.line,
      row: row.row,
      column,
      field: 'siteId',
      message:
        byName.length > 1
          ? `several sites are named "${row.site}": give the site id instead`
          : `no site has the id or name "${row.site}"`,
    });
    row.input = null;
  }
}

/**
 * Rows sharing a household reference become one household. A household is written whole or not
 * at all: with one member's row invalid, the others could be registered as children alone and
 * raise false alerts, so they wait until the file is corrected.
 */
function groupHouseholds(
  rows: ConvertedRow[],
  relationshipColumn: string | null,
  householdColumn: string | null,
): ImportUnit[] {
  const households = new Map<string, ConvertedRow[]>();
  for (const row of rows) {
    if (row.household === null) continue;
    const members = households.get(row.household) ?? [];
    if (row.relationship === 'head') {
      const head = members.find((m) => m.relationship === 'head');
      if (head) {
        row.issues.push({
          line: row.line,
          row: row.row,
          column: relationshipColumn,
          field: 'relationship',
          message: `household "${row.household}" already has a head on line ${head.line}`,
        });
        row.input = null;
      }
    }
    members.push(row);
    households.set(row.household, members);
  }
  for (const [reference, members] of households) {
    const broken = members.find((m) => m.input === null);
    if (!broken) continue;
    for (const member of members) {
      if (member.input === null) continue;
      member.issues.push({
        line: member.line,
        row: member.row,
        column: householdColumn,
        field: 'household',
        message: `not imported: household "${reference}" has a problem on line ${broken.line}`,
      });
      member.input = null;
    }
  }
  const units: ImportUnit[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    if (!row.input) continue;
    const member = { line: row.line, input: row.input, relationship: row.relationship };
    if (row.household === null) units.push({ household: null, members: [member] });
    else if (!placed.has(row.household)) {
      placed.add(row.household);
      const members = households.get(row.household)!;
      units.push({
        household: row.household,
        members: members.map((m) => ({ line: m.line, input: m.input!, relationship: m.relationship })),
      });
    }
  }
  return units;
}
