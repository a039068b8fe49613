import { sql } from 'kysely';
import { type Executor, isPostgres } from '../../db/engine.js';

/*
 * Upkeep of the reporting rollups (migration 0950): their keys, the same counts taken afresh from
 * the base tables (written independently of the triggers, to check them), and the PostgreSQL fold
 * of appended signed rows into one row per key.
 */

export const ROLLUP_KEYS = {
  report_people_totals: ['site_id', 'org_id', 'sex', 'birth_year'],
  report_people_new: ['created_day', 'site_id', 'org_id', 'sex', 'birth_year'],
  report_people_nationality: ['site_id', 'org_id', 'nationality'],
  report_needs: ['site_id', 'org_id', 'category'],
  report_children: ['site_id', 'org_id', 'sex', 'birth_year', 'strength'],
} as const;
export type RollupTable = keyof typeof ROLLUP_KEYS;
export const ROLLUP_TABLES = Object.keys(ROLLUP_KEYS) as RollupTable[];

const SITE = `coalesce(p.site_id, '')`;
const YEAR = 'coalesce(p.birth_year, -1)';
const ACTIVE_NEED = 's.person_id = p.id and s.removed_at is null';

/** Each rollup's rows counted from `people` and `specific_needs` as they are now. */
const FRESH: Record<RollupTable, string> = {
  report_people_totals: `select ${SITE} as site_id, p.org_id, p.sex, ${YEAR} as birth_year, count(*) as n
    from people p where p.status = 'active' group by ${SITE}, p.org_id, p.sex, ${YEAR}`,
  report_people_new: `select substr(p.created_at, 1, 10) as created_day, ${SITE} as site_id, p.org_id, p.sex,
      ${YEAR} as birth_year, count(*) as n
    from people p where p.status = 'active'
    group by substr(p.created_at, 1, 10), ${SITE}, p.org_id, p.sex, ${YEAR}`,
  report_people_nationality: `select ${SITE} as site_id, p.org_id, coalesce(p.nationality, '') as nationality,
      count(*) as n
    from people p where p.status = 'active' group by ${SITE}, p.org_id, coalesce(p.nationality, '')`,
  report_needs: `select ${SITE} as site_id, p.org_id, s.category, count(distinct p.id) as n
      from people p join specific_needs s on ${ACTIVE_NEED}
      where p.status = 'active' group by ${SITE}, p.org_id, s.category
    union all
    select ${SITE} as site_id, p.org_id, '' as category, count(distinct p.id) as n
      from people p join specific_needs s on ${ACTIVE_NEED}
      where p.status = 'active' group by ${SITE}, p.org_id`,
  report_children: `select c.site_id, c.org_id, c.sex, c.birth_year, c.strength, count(*) as n from (
      select p.id, ${SITE} as site_id, p.org_id, p.sex, ${YEAR} as birth_year,
        max(case when s.code = 'SC-UC' then 2 when s.code = 'SC-SC' then 1 else 0 end) as strength
      from people p join specific_needs s on ${ACTIVE_NEED} and s.category = 'SC'
      where p.status = 'active' group by p.id, p.site_id, p.org_id, p.sex, p.birth_year) c
    group by c.site_id, c.org_id, c.sex, c.birth_year, c.strength`,
};

export type RollupRow = Record<string, string | number>;

const normalise = (rows: Array<Record<string, unknown>>): RollupRow[] =>
  rows.map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && k !== 'n' ? v : Number(v)]),
    ),
  );

/** A rollup as a report reads it: one row per key, its signed rows summed, zeros left out. */
export async function readRollup(db: Executor, table: RollupTable): Promise<RollupRow[]> {
  const keys = ROLLUP_KEYS[table].join(', ');
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(
    `select ${keys}, sum(n) as n from ${table} group by ${keys} having sum(n) <> 0`,
  )}`.execute(db);
  return normalise(rows);
}

/** The same rows counted afresh from the base tables. */
export async function countRollupAfresh(db: Executor, table: RollupTable): Promise<RollupRow[]> {
  const { rows } = await sql<Record<string, unknown>>`${sql.raw(FRESH[table])}`.execute(db);
  return normalise(rows);
}

/** Empties a rollup and fills it from the base tables. */
export async function refillRollup(db: Executor, table: RollupTable): Promise<void> {
  const keys = ROLLUP_KEYS[table].join(', ');
  await sql`${sql.raw(`delete from ${table}`)}`.execute(db);
  await sql`${sql.raw(`insert into ${table} (${keys}, n) select ${keys}, n from (${FRESH[table]}) fresh`)}`.execute(
    db,
  );
}

/**
 * Holds off every writer of people and needs until the transaction ends (PostgreSQL; SQLite has
 * one writer at a time already), so that a refill and the triggers' rows cannot overlap.
 */
export async function lockRollupSources(db: Executor): Promise<void> {
  if (isPostgres(db)) await sql`lock table people, specific_needs in share mode`.execute(db);
}

/** Trigger runs since the last fold (PostgreSQL; SQLite rows are kept folded). */
export async function countPendingRollupChanges(db: Executor): Promise<number> {
  if (!isPostgres(db)) return 0;
  const { rows } = await sql<{
    last_value: string;
    is_called: boolean;
  }>`select last_value, is_called from report_rollup_changes`.execute(db);
  const row = rows[0];
  return row?.is_called ? Number(row.last_value) : 0;
}

/** Whether this transaction may fold: one folder at a time per schema, the others go on reading. */
export async function tryLockFold(db: Executor): Promise<boolean> {
  const { rows } = await sql<{
    locked: boolean;
  }>`select pg_try_advisory_xact_lock(hashtext(current_schema() || '.report_rollups_fold')) as locked`.execute(
    db,
  );
  return rows[0]?.locked === true;
}

/**
 * One row per key in place of its appended signed rows (PostgreSQL). The rows removed are exactly
 * the rows summed (one statement, one snapshot); rows of transactions still running are not seen,
 * stay, and add to the folded row once committed.
 */
export async function foldRollup(db: Executor, table: RollupTable): Promise<void> {
  const keys = ROLLUP_KEYS[table].join(', ');
  await sql`${sql.raw(`with gone as (delete from ${table} returning ${keys}, n)
    insert into ${table} (${keys}, n)
    select ${keys}, sum(n) from gone group by ${keys} having sum(n) <> 0`)}`.execute(db);
}

export async function resetPendingRollupChanges(db: Executor): Promise<void> {
  await sql`select setval('report_rollup_changes', 1, false)`.execute(db);
}
