import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import { CHILD_KINDS, type SiteSexAgeRow } from '../population.repository.js';
import { type AggregateFilter, ageBandSql, dayAfter, ownFlag } from '../report-filter.js';

/*
 * The overview's counts of people straight from the base tables (a GROUP BY over every person),
 * as they were counted before the rollups: the reference the rollup tests hold the reports to.
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

/** People by current site, sex and age band; with how many of them were registered in the period. */
export async function scanCountPeopleBySiteSexAge(
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

/** People by current site and nationality (each person has one site, so sites add up). */
export async function scanCountPeopleByNationalityAndSite(db: Executor, filter: AggregateFilter) {
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

/**
 * The same per current site: a person has one site, so distinct people of each site add up to the
 * distinct people of several. `category` null: people with any need.
 */
export async function scanCountNeedsBySite(db: Executor, filter: AggregateFilter) {
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

/** Children alone per current site, under their strongest SC code. */
export async function scanCountChildrenAloneBySite(db: Executor, filter: AggregateFilter) {
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
