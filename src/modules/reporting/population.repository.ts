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
  const own = ownFlag('people.org_id', filter.viewerOrgId);
  const rows = await db
    .selectFrom('people')
    .select([
      'people.site_id',
      'people.nationality',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ])
    .where(peopleInFilter(filter))
    .groupBy(['people.site_id', 'people.nationality'])
    .execute();
  return rows.map((r) => ({
    siteId: r.site_id,
    key: r.nationality ?? 'unknown',
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
      .select([
        'people.site_id',
        'sn.category',
        sql<number>`count(distinct people.id)`.as('n'),
        ownPerson.as('own'),
      ])
      .groupBy(['people.site_id', 'sn.category'])
      .execute(),
    base()
      .select(['people.site_id', sql<number>`count(distinct people.id)`.as('n'), ownPerson.as('own')])
      .groupBy('people.site_id')
      .execute(),
  ]);
  return [
    ...byCategory.map((r) => ({
      siteId: r.site_id,
      category: r.category as string | null,
      n: Number(r.n),
      own: Number(r.own),
    })),
    ...any.map((r) => ({ siteId: r.site_id, category: null, n: Number(r.n), own: Number(r.own) })),
  ];
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
  const strongest = sql<number>`max(case when sn.code = 'SC-UC' then 2 when sn.code = 'SC-SC' then 1 else 0 end)`;
  const perChild = db
    .selectFrom('people')
    .innerJoin('specific_needs as sn', 'sn.person_id', 'people.id')
    .select(['people.id', 'people.sex', 'people.org_id', 'people.site_id', strongest.as('k')])
    .where(peopleInFilter(filter))
    .where('sn.removed_at', 'is', null)
    .where('sn.category', '=', 'SC')
    .where('people.birth_year', '>', filter.referenceYear - 18)
    .groupBy(['people.id', 'people.sex', 'people.org_id', 'people.site_id'])
    .as('child');
  const own = ownFlag('child.org_id', filter.viewerOrgId);
  const rows = await db
    .selectFrom(perChild)
    .select([
      'child.site_id',
      'child.sex',
      'child.k',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ])
    .groupBy(['child.site_id', 'child.sex', 'child.k'])
    .execute();
  return rows.map((r) => ({
    siteId: r.site_id,
    sex: r.sex,
    kind: CHILD_KINDS[2 - Number(r.k)] ?? ('other_sc' as const),
    n: Number(r.n),
    own: Number(r.own),
  }));
}
