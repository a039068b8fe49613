import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import { type AggregateFilter, ageBandSql, dayAfter, ownFlag } from './report-filter.js';

/*
 * Counts of people, computed by the database (GROUP BY over plain columns; the 0900 migration's
 * covering index lets both engines answer from the index alone). Nothing here reads a name.
 */

/** Active records (not merged, not erased) in the filter's sites and organisation. */
function peopleInFilter(filter: AggregateFilter): RawBuilder<SqlBool> {
  const conditions = [sql<SqlBool>`people.status = 'active'`];
  if (filter.siteIds)
    conditions.push(
      sql<SqlBool>`people.site_id in (${sql.join(filter.siteIds.length ? filter.siteIds : [''])})`,
    );
  if (filter.onlyOrgId) conditions.push(sql<SqlBool>`people.org_id = ${filter.onlyOrgId}`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
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
  const band = ageBandSql('people.birth_year', filter.referenceYear);
  const own = ownFlag('people.org_id', filter.viewerOrgId);
  const isNew = sql<number>`case when people.created_at >= ${filter.from} and people.created_at < ${dayAfter(filter.to)} then 1 else 0 end`;
  const rows = await db
    .selectFrom('people')
    .select([
      'people.site_id',
      'people.sex',
      band.as('band'),
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
      sql<number>`sum(${isNew})`.as('new_n'),
      sql<number>`sum(${isNew} * ${own})`.as('new_own'),
    ])
    .where(peopleInFilter(filter))
    .groupBy(['people.site_id', 'people.sex', band])
    .execute();
  return rows.map((r) => ({
    siteId: r.site_id,
    sex: r.sex,
    band: r.band,
    n: Number(r.n),
    own: Number(r.own),
    newN: Number(r.new_n),
    newOwn: Number(r.new_own),
  }));
}

export async function countPeopleByNationality(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('people.org_id', filter.viewerOrgId);
  const rows = await db
    .selectFrom('people')
    .select([
      'people.nationality',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ])
    .where(peopleInFilter(filter))
    .groupBy('people.nationality')
    .execute();
  return rows.map((r) => ({ key: r.nationality ?? 'unknown', n: Number(r.n), own: Number(r.own) }));
}

/** Distinct people with at least one current need of each category, and with any need at all. */
export async function countNeeds(db: Executor, filter: AggregateFilter) {
  const base = () =>
    db
      .selectFrom('people')
      .innerJoin('specific_needs as sn', 'sn.person_id', 'people.id')
      .where(peopleInFilter(filter))
      .where('sn.removed_at', 'is', null);
  const ownPerson = filter.viewerOrgId
    ? sql<number>`count(distinct case when people.org_id = ${filter.viewerOrgId} then people.id end)`
    : sql<number>`0`;
  const [byCategory, any] = await Promise.all([
    base()
      .select(['sn.category', sql<number>`count(distinct people.id)`.as('n'), ownPerson.as('own')])
      .groupBy('sn.category')
      .execute(),
    base()
      .select([sql<number>`count(distinct people.id)`.as('n'), ownPerson.as('own')])
      .executeTakeFirst(),
  ]);
  return {
    byCategory: byCategory.map((r) => ({ key: r.category, n: Number(r.n), own: Number(r.own) })),
    any: { n: Number(any?.n ?? 0), own: Number(any?.own ?? 0) },
  };
}

export const CHILD_KINDS = ['unaccompanied', 'separated', 'other_sc'] as const;

/**
 * Children (under 18 by birth year) with a current SC need, each counted once under the strongest
 * code they have: unaccompanied (SC-UC) before separated (SC-SC) before the other SC codes
 * (child-headed household, institutional or foster care).
 */
export async function countChildrenAlone(db: Executor, filter: AggregateFilter) {
  const strongest = sql<number>`max(case when sn.code = 'SC-UC' then 2 when sn.code = 'SC-SC' then 1 else 0 end)`;
  const perChild = db
    .selectFrom('people')
    .innerJoin('specific_needs as sn', 'sn.person_id', 'people.id')
    .select(['people.id', 'people.sex', 'people.org_id', strongest.as('k')])
    .where(peopleInFilter(filter))
    .where('sn.removed_at', 'is', null)
    .where('sn.category', '=', 'SC')
    .where('people.birth_year', '>', filter.referenceYear - 18)
    .groupBy(['people.id', 'people.sex', 'people.org_id'])
    .as('child');
  const own = ownFlag('child.org_id', filter.viewerOrgId);
  const rows = await db
    .selectFrom(perChild)
    .select([
      'child.sex',
      'child.k',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ])
    .groupBy(['child.sex', 'child.k'])
    .execute();
  return rows.map((r) => ({
    sex: r.sex,
    kind: CHILD_KINDS[2 - Number(r.k)] ?? 'other_sc',
    n: Number(r.n),
    own: Number(r.own),
  }));
}
