import { sql } from 'kysely';
import type { DB } from '../../../src/db/engine.js';
import type { JsonSchema } from './arbitrary.js';

/** The JSON types a schema admits, looking through unions, enums and constants. */
function admittedTypes(schema: JsonSchema): Set<string> | undefined {
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union?.length) {
    const all = new Set<string>();
    for (const branch of union) {
      const types = admittedTypes(branch);
      if (!types) return undefined;
      for (const t of types) all.add(t);
    }
    return all;
  }
  if (schema.allOf?.length) return admittedTypes(Object.assign({}, ...schema.allOf));
  const values = schema.enum ?? (schema.const !== undefined ? [schema.const] : undefined);
  if (values) return new Set((values as unknown[]).map(jsonType));
  const declared = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (!declared.length) return schema.properties ? new Set(['object']) : undefined;
  const types = new Set<string>(declared);
  if (types.has('integer')) types.add('number');
  return types;
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' ? 'number' : typeof value;
}

const WRONG_TYPE: Array<[string, unknown]> = [
  ['object', { zz: 1 }],
  ['array', ['zz']],
  ['number', 12345],
  ['boolean', true],
  ['string', 'zz-wrong-type'],
];

/** A JSON value of a type the schema does not admit, or undefined when it admits anything. */
export function wrongTypeFor(schema: JsonSchema): unknown {
  const types = admittedTypes(schema);
  if (!types) return undefined;
  return WRONG_TYPE.find(([type]) => !types.has(type))?.[1];
}

/**
 * A query-string value the parameter refuses (query values are text, so "wrong type" means text
 * that is no number, no member of the enum, no date, or too long), or undefined when any text fits.
 */
export function invalidQueryValue(schema: JsonSchema): string | undefined {
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union?.length) {
    const values = union.map(invalidQueryValue);
    return values.every((v) => v !== undefined) ? 'zz not valid' : undefined;
  }
  if (schema.enum || schema.const !== undefined) return 'zz-not-a-member';
  const types = admittedTypes(schema);
  if (!types || types.has('string')) {
    if (schema.format || schema.pattern) return 'zz not valid';
    if (schema.maxLength !== undefined) return 'z'.repeat(schema.maxLength + 1);
    return undefined;
  }
  if (types.has('number') || types.has('boolean')) return 'zz-not-a-number';
  return undefined;
}

/** Whether a 4xx body names the field (the error's details, or the `field: message` text). */
export function namesField(body: unknown, field: string): boolean {
  const error = (body as { error?: { message?: string; details?: Array<{ field?: string }> } })?.error;
  if (!error) return false;
  const fields = (error.details ?? []).map((d) => d.field ?? '');
  const message = error.message ?? '';
  return (
    fields.some((f) => f === field || f.startsWith(`${field}.`)) ||
    message.startsWith(`${field}:`) ||
    message.startsWith(`${field}.`)
  );
}

/** Tables whose row counts a refused request may change: the login rate limiter counts attempts. */
const MAY_GROW = new Set(['rate_limits', 'kysely_migration', 'kysely_migration_lock']);

const tableNames = new WeakMap<DB, string[]>();

/**
 * Row counts of every table in one round trip. A refused request must leave them all unchanged:
 * no audit entry, no half-written record.
 */
export async function rowCounts(db: DB): Promise<Map<string, number>> {
  let tables = tableNames.get(db);
  if (!tables) {
    tables = (await db.introspection.getTables()).map((t) => t.name).filter((t) => !MAY_GROW.has(t));
    tableNames.set(db, tables);
  }
  const parts = tables.map((name) => sql`select ${name} as name, count(*) as n from ${sql.table(name)}`);
  const result = await sql<{
    name: string;
    n: number | string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(result.rows.map((r) => [r.name, Number(r.n)]));
}

/** The tables whose counts differ, as `table +n`. */
export function changedTables(before: Map<string, number>, after: Map<string, number>): string[] {
  const changed: string[] = [];
  for (const [name, n] of after) {
    const was = before.get(name) ?? 0;
    if (n !== was) changed.push(`${name} ${n > was ? '+' : ''}${n - was}`);
  }
  return changed;
}
