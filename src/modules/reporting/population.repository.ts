import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { AggregateFilter } from './report-filter.js';

/*
 * Counts of people, read from the rollups the database keeps (migration 0950): a few thousand
 * pre-counted rows, whatever the population, instead of a scan of every person. Each key's signed
 * rows are summed, and a key whose sum is 0 is left out, as a GROUP BY over people would leave out
 * a group with nobody in it. Nothing here reads a name. The same counts straight from the base
 * tables, for the tests that hold the two equal: testing/population-scan.repository.ts.
 */

type Rollup =
  | 'report_people_totals'
  | 'report_people_new'
  | 'report_people_nationality'
  | 'report_needs'
  | 'report_children';

/** The filter's sites and organisation, on a rollup (whose absent site is stored as ''). */
function rollupInFilter(filter: AggregateFilter, table: Rollup): RawBuilder<SqlBool> {
  const conditions = [sql<SqlBool>`1 = 1`];
  if (filter.siteIds)
    conditions.push(
      filter.siteIds.length
        ? sql<SqlBool>`${sql.ref(`${table}.site_id`)} in (${sql.join(filter.siteIds)})`
        : sql<SqlBool>`1 = 0`,
    );
  if (filter.onlyOrgId) conditions.push(sql<SqlBool>`${sql.ref(`${table}.org_id`)} = ${filter.onlyOrgId}`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** The viewer's organisation's part of a rollup's summed counts. */
function ownSum(table: Rollup, orgId: string | null): RawBuilder<number> {
  if (!orgId) return sql<number>`0`;
  return sql<number>`sum(case when ${sql.ref(`${table}.org_id`)} = ${orgId} then ${sql.ref(`${table}.n`)} else 0 end)`;
}

const total = (table: Rollup) => sql<number>`sum(${sql.ref(`${table}.n`)})`;
const siteOf = (stored: string) => (stored === '' ? null : stored);

/** The age band of a stored birth year (-1: unknown), as in ageBandSql; a literal year, see there. */
function rollupBand(table: Rollup, referenceYear: number): RawBuilder<string> {
  const year = sql.ref(`${table}.birth_year`);
  const age = sql`(${sql.lit(Math.trunc(referenceYear))} - ${year})`;
  return sql<string>`case when ${year} = -1 then 'unknown'
    when ${age} <= 4 then '0-4' when ${age} <= 11 then '5-11' when ${age} <= 17 then '12-17'
    when ${age} <= 59 then '18-59' else '60+' end`;
}

export interface SiteSexAgeRow {
  siteId: string | null;
  sex: string;
  band: string;
  n: number;
  own: number;
  newN: number;
  newOwn: number;
}

/** People by current site, sex and age band; with how many of them were registered in the period. */
export async function countPeopleBySiteSexAge(
  db: Executor,
  filter: AggregateFilter,
): Promise<SiteSexAgeRow[]> {
  const totalsBand = rollupBand('report_people_totals', filter.referenceYear);
  const newBand = rollupBand('report_people_new', filter.referenceYear);
  // Registration days are whole days, and the period's edges are days: `created_day` between
  // `from` and `to` is exactly `created_at` from `from` up to the day after `to`.
  const [totals, fresh] = await Promise.all([
    db
      .selectFrom('report_people_totals')
      .select([
        'site_id',
        'sex',
        totalsBand.as('band'),
        total('report_people_totals').as('n'),
        ownSum('report_people_totals', filter.viewerOrgId).as('own'),
      ])
      .where(rollupInFilter(filter, 'report_people_totals'))
      .groupBy(['site_id', 'sex', totalsBand])
      .having(total('report_people_totals'), '>', 0)
      .execute(),
    db
      .selectFrom('report_people_new')
      .select([
        'site_id',
        'sex',
        newBand.as('band'),
        total('report_people_new').as('n'),
        ownSum('report_people_new', filter.viewerOrgId).as('own'),
      ])
      .where('created_day', '>=', filter.from)
      .where('created_day', '<=', filter.to)
      .where(rollupInFilter(filter, 'report_people_new'))
      .groupBy(['site_id', 'sex', newBand])
      .having(total('report_people_new'), '>', 0)
      .execute(),
  ]);
  const key = (r: { site_id: string; sex: string; band: string }) => `${r.site_id}|${r.sex}|${r.band}`;
  const newByKey = new Map(fresh.map((r) => [key(r), r]));
  return totals.map((r) => {
    const added = newByKey.get(key(r));
    return {
      siteId: siteOf(r.site_id),
      sex: r.sex,
      band: r.band,
      n: Number(r.n),
      own: Number(r.own),
      newN: Number(added?.n ?? 0),
      newOwn: Number(added?.own ?? 0),
    };
  });
}

export async function countPeopleByNationality(db: Executor, filter: AggregateFilter) {
  const rows = await countPeopleByNationalityAndSite(db, filter);
  const byKey = new Map<string, { key: string; n: number; own: number }>();
  for (const r of rows) {
    const entry = byKey.get(r.key) ?? { key: r.key, n: 0, own: 0 };
    entry.n += r.n;
    entry.own += r.own;
    byKey.set(r.key, entry);
  }
  return [...byKey.values()];
}

/** People by current site and nationality (each person has one site, so sites add up). */
export async function countPeopleByNationalityAndSite(db: Executor, filter: AggregateFilter) {
  const rows = await db
    .selectFrom('report_people_nationality')
    .select([
      'site_id',
      'nationality',
      total('report_people_nationality').as('n'),
      ownSum('report_people_nationality', filter.viewerOrgId).as('own'),
    ])
    .where(rollupInFilter(filter, 'report_people_nationality'))
    .groupBy(['site_id', 'nationality'])
    .having(total('report_people_nationality'), '>', 0)
    .execute();
  return rows.map((r) => ({
    siteId: siteOf(r.site_id),
    key: r.nationality === '' ? 'unknown' : r.nationality,
    n: Number(r.n),
    own: Number(r.own),
  }));
}

/** Distinct people with at least one current need of each category, and with any need at all. */
export async function countNeeds(db: Executor, filter: AggregateFilter) {
  const rows = await countNeedsBySite(db, filter);
  const add = (list: Array<{ key: string; n: number; own: number }>, key: string, n: number, own: number) => {
    const entry = list.find((e) => e.key === key);
    if (entry) {
      entry.n += n;
      entry.own += own;
    } else list.push({ key, n, own });
  };
  const byCategory: Array<{ key: string; n: number; own: number }> = [];
  const any = { n: 0, own: 0 };
  for (const r of rows) {
    if (r.category === null) {
      any.n += r.n;
      any.own += r.own;
    } else add(byCategory, r.category, r.n, r.own);
  }
  return { byCategory, any };
}

/**
 * The same per current site: a person has one site, so distinct people of each site add up to the
 * distinct people of several. `category` null: people with any need.
 */
export async function countNeedsBySite(db: Executor, filter: AggregateFilter) {
  const rows = await db
    .selectFrom('report_needs')
    .select([
      'site_id',
      'category',
      total('report_needs').as('n'),
      ownSum('report_needs', filter.viewerOrgId).as('own'),
    ])
    .where(rollupInFilter(filter, 'report_needs'))
    .groupBy(['site_id', 'category'])
    .having(total('report_needs'), '>', 0)
    .execute();
  return rows.map((r) => ({
    siteId: siteOf(r.site_id),
    category: r.category === '' ? null : r.category,
    n: Number(r.n),
    own: Number(r.own),
  }));
}

export const CHILD_KINDS = ['unaccompanied', 'separated', 'other_sc'] as const;

/**
 * Children (under 18 by birth year) with a current SC need, each counted once under the strongest
 * code they have: unaccompanied (SC-UC) before separated (SC-SC) before the other SC codes
 * (child-headed household, institutional or foster care).
 */
export async function countChildrenAlone(db: Executor, filter: AggregateFilter) {
  const rows = await countChildrenAloneBySite(db, filter);
  const merged: Array<{ sex: string; kind: (typeof CHILD_KINDS)[number]; n: number; own: number }> = [];
  for (const r of rows) {
    const entry = merged.find((m) => m.sex === r.sex && m.kind === r.kind);
    if (entry) {
      entry.n += r.n;
      entry.own += r.own;
    } else merged.push({ sex: r.sex, kind: r.kind, n: r.n, own: r.own });
  }
  return merged;
}

/** The same per current site. */
export async function countChildrenAloneBySite(db: Executor, filter: AggregateFilter) {
  const rows = await db
    .selectFrom('report_children')
    .select([
      'site_id',
      'sex',
      'strength',
      total('report_children').as('n'),
      ownSum('report_children', filter.viewerOrgId).as('own'),
    ])
    .where('birth_year', '<>', -1)
    .where('birth_year', '>', filter.referenceYear - 18)
    .where(rollupInFilter(filter, 'report_children'))
    .groupBy(['site_id', 'sex', 'strength'])
    .having(total('report_children'), '>', 0)
    .execute();
  return rows.map((r) => ({
    siteId: siteOf(r.site_id),
    sex: r.sex,
    kind: CHILD_KINDS[2 - Number(r.strength)] ?? ('other_sc' as const),
    n: Number(r.n),
    own: Number(r.own),
  }));
}

/** Active people at each of these sites (the registered count beside a reconciled estimate). */
export async function countActivePeopleBySite(
  db: Executor,
  siteIds: readonly string[],
): Promise<Map<string, number>> {
  if (siteIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('report_people_nationality')
    .select(['site_id', total('report_people_nationality').as('n')])
    .where('site_id', 'in', siteIds)
    .groupBy('site_id')
    .having(total('report_people_nationality'), '>', 0)
    .execute();
  return new Map(rows.map((r) => [r.site_id, Number(r.n)]));
}
