/**
 * One CSV record → one registration body, validated by RegisterPersonBody itself, so an imported
 * person obeys exactly the rules of POST /api/people. Problems are collected per field, each with
 * the CSV column it came from, instead of stopping at the first.
 */
import type { z } from 'zod';
import { RegisterPersonBody, type RegisterPersonInput } from '../registry.schema.js';
import type { Relationship } from '../registry.tables.js';
import type { ColumnMapping, ImportField } from './column-mapping.js';
import type { CsvRecord } from './csv-parser.js';
import {
  type Parsed,
  parseBoolean,
  parseConsentBasis,
  parseCountry,
  parseDate,
  parseLanguages,
  parseNeedCodes,
  parsePurposes,
  parseRelationship,
  parseSex,
  parseWholeNumber,
  splitList,
} from './value-parsers.js';

export interface RowIssue {
  line: number;
  row: number;
  /** The CSV column the value came from, when one did. */
  column: string | null;
  /** The registration field, as POST /api/people names it (`birthDate`, `consent.basis`, `specificNeeds.1`). */
  field: string;
  message: string;
}

export interface ConvertedRow {
  line: number;
  row: number;
  /** The validated registration, or null when the row has problems. */
  input: RegisterPersonInput | null;
  /** The site cell as written (an id or a name), resolved against the sites table later. */
  site: string | null;
  /** The household reference shared by the rows of one household in this file. */
  household: string | null;
  relationship: Relationship | null;
  issues: RowIssue[];
}

const PLAIN_TEXT = ['givenName', 'familyName', 'fathersName', 'originalScriptName', 'phone'] as const;
const LONG_TEXT = ['placeOfOrigin', 'notes'] as const;
/** The oldest age accepted from an age column; older is a typo, not a person. */
const MAX_AGE = 120;
/** Stand-in household id while validating; the real one is created when the row is written. */
export const PENDING_HOUSEHOLD = 'pending-household';

function readableZodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'Required';
  if (issue.code === 'invalid_value' && 'values' in issue)
    return `must be one of ${(issue.values as unknown[]).join(', ')}`;
  return issue.message;
}

export function convertRow(
  record: CsvRecord,
  header: readonly string[],
  mapping: ColumnMapping,
  now: Date,
): ConvertedRow {
  const issues: RowIssue[] = [];
  const values = new Map<ImportField, { column: string; value: string }>();
  const flagged = { specificNeeds: [] as string[], consentPurposes: [] as string[] };
  const columnOf = new Map<string, string>();
  const issue = (field: string, column: string | null, message: string) =>
    issues.push({ line: record.line, row: record.row, column, field, message });

  header.forEach((column, index) => {
    const target = mapping.get(column);
    if (!target) return;
    const cell = (record.cells[index] ?? '').trim();
    const [field, code] = target.split(':') as [ImportField, string | undefined];
    if (!columnOf.has(field)) columnOf.set(field, column);
    if (cell === '') return;
    if (code === undefined) {
      values.set(field, { column, value: cell });
      return;
    }
    const yes = parseBoolean(cell);
    if (!yes.ok) issue(field, column, yes.message);
    else if (yes.value) flagged[field as keyof typeof flagged].push(code);
  });
  const extra = record.cells.slice(header.length).filter((cell) => cell.trim() !== '');
  if (extra.length > 0) {
    issue(
      'row',
      null,
      `has ${record.cells.length} fields but the header has ${header.length}: a delimiter or quote is misplaced`,
    );
  }

  const draft: Record<string, unknown> = {};
  const text = (field: ImportField) => values.get(field)?.value;
  const take = <T>(field: ImportField, parsed: Parsed<T>, apply: (value: T) => void) => {
    if (parsed.ok) apply(parsed.value);
    else issue(field, values.get(field)?.column ?? null, parsed.message);
  };
  for (const field of [...PLAIN_TEXT, ...LONG_TEXT]) if (text(field)) draft[field] = text(field);
  if (text('otherNames')) draft.otherNames = splitList(text('otherNames')!, /[;|,]+/);
  if (text('sex')) take('sex', parseSex(text('sex')!), (v) => (draft.sex = v));
  if (text('birthDate')) take('birthDate', parseDate(text('birthDate')!), (v) => (draft.birthDate = v));
  if (text('birthYear')) {
    take('birthYear', parseWholeNumber(text('birthYear')!, 'a whole year such as 1998'), (v) => {
      draft.birthYear = v;
    });
  }
  if (text('ageEstimated')) {
    take('ageEstimated', parseBoolean(text('ageEstimated')!), (v) => (draft.ageEstimated = v));
  }
  // An age is what a registration desk often has instead of a birth date: it gives an estimated year.
  if (text('age') && draft.birthDate === undefined && draft.birthYear === undefined) {
    take('age', parseWholeNumber(text('age')!, 'a number of years'), (age) => {
      if (age > MAX_AGE) return issue('age', values.get('age')!.column, `must be at most ${MAX_AGE}`);
      draft.birthYear = now.getUTCFullYear() - age;
      draft.ageEstimated ??= true;
    });
  }
  if (text('nationality'))
    take('nationality', parseCountry(text('nationality')!), (v) => (draft.nationality = v));
  if (text('languages')) draft.languages = parseLanguages(text('languages')!);
  const needs = [
    ...(text('specificNeeds') ? parseNeedCodes(text('specificNeeds')!) : []),
    ...flagged.specificNeeds,
  ];
  if (needs.length > 0) draft.specificNeeds = [...new Set(needs)];

  const consent: Record<string, unknown> = {};
  if (text('consentBasis'))
    take('consentBasis', parseConsentBasis(text('consentBasis')!), (v) => (consent.basis = v));
  else issue('consent.basis', columnOf.get('consentBasis') ?? null, 'Required');
  const purposes = [
    ...(text('consentPurposes') ? parsePurposes(text('consentPurposes')!) : []),
    ...flagged.consentPurposes,
  ];
  // With no purposes column at all, consent covers the services the person registers for; the
  // import report says so. A purposes column left empty on a row is that row's problem.
  consent.purposes = columnOf.has('consentPurposes') ? [...new Set(purposes)] : ['services'];
  draft.consent = consent;

  const household = text('household') ?? null;
  let relationship: Relationship | null = null;
  if (household) draft.householdId = PENDING_HOUSEHOLD;
  if (text('relationship')) {
    take('relationship', parseRelationship(text('relationship')!), (v) => {
      relationship = v as Relationship;
      draft.relationship = v;
    });
  }

  const reported = new Set(issues.map((i) => topField(i.field)));
  const parsed = RegisterPersonBody.safeParse(draft);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      const field = zodIssue.path.map(String).join('.') || 'row';
      if (reported.has(topField(field))) continue;
      const absent = zodIssue.path.length === 1 && draft[String(zodIssue.path[0])] === undefined;
      issue(field, columnFor(field, columnOf), absent ? 'Required' : readableZodMessage(zodIssue));
    }
  }
  return {
    line: record.line,
    row: record.row,
    input: issues.length === 0 && parsed.success ? parsed.data : null,
    site: text('site') ?? null,
    household,
    relationship,
    issues,
  };
}

/** Parse problems and schema problems of one field are reported once: `consent.basis` and `consentBasis` are one field. */
function topField(field: string): string {
  if (field === 'consentBasis') return 'consent.basis';
  if (field === 'consentPurposes') return 'consent.purposes';
  if (field === 'age') return 'birthYear';
  const [top = field, second] = field.split('.');
  return top === 'consent' && second ? `consent.${second}` : top;
}

function columnFor(field: string, columnOf: ReadonlyMap<string, string>): string | null {
  const top = topField(field);
  if (top === 'consent.basis' || top === 'consent') return columnOf.get('consentBasis') ?? null;
  if (top === 'consent.purposes') return columnOf.get('consentPurposes') ?? null;
  if (top === 'birthYear')
    return columnOf.get('birthYear') ?? columnOf.get('age') ?? columnOf.get('birthDate') ?? null;
  if (top === 'householdId') return columnOf.get('household') ?? null;
  return columnOf.get(top) ?? null;
}
