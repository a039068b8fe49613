import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import { weekStart } from '../activity.repository.js';
import { type AggregateFilter, dayAfter, ownFlag } from '../report-filter.js';

/* Grouped counts behind the aggregate exports, each by site (coarsened to regions in Node). */

const inList = (column: string, ids: string[]) =>
  sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids.length ? ids : [''])})`;

function activePeople(filter: AggregateFilter, column = 'people'): RawBuilder<SqlBool> {
  const conditions = [sql<SqlBool>`${sql.ref(`${column}.status`)} = 'active'`];
  if (filter.siteIds) conditions.push(inList(`${column}.site_id`, filter.siteIds));
  if (filter.onlyOrgId) conditions.push(sql<SqlBool>`${sql.ref(`${column}.org_id`)} = ${filter.onlyOrgId}`);
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

/** People with a current need, by site and category, and with any need, by site. */
export async function countNeedsBySite(db: Executor, filter: AggregateFilter) {
  const own = filter.viewerOrgId
    ? sql<number>`count(distinct case when people.org_id = ${filter.viewerOrgId} then people.id end)`
    : sql<number>`0`;
  const base = () =>
    db
      .selectFrom('people')
      .innerJoin('specific_needs as sn', 'sn.person_id', 'people.id')
      .where(activePeople(filter))
      .where('sn.removed_at', 'is', null);
  const [byCategory, any] = await Promise.all([
    base()
      .select([
        'people.site_id',
        'sn.category',
        sql<number>`count(distinct people.id)`.as('n'),
        own.as('own'),
      ])
      .groupBy(['people.site_id', 'sn.category'])
      .execute(),
    base()
      .select(['people.site_id', sql<number>`count(distinct people.id)`.as('n'), own.as('own')])
      .groupBy('people.site_id')
      .execute(),
  ]);
  const n = (r: { n: unknown; own: unknown }) => ({ n: Number(r.n), own: Number(r.own) });
  return {
    byCategory: byCategory.map((r) => ({ siteId: r.site_id, category: r.category, ...n(r) })),
    any: any.map((r) => ({ siteId: r.site_id, ...n(r) })),
  };
}

/** Open and closed cases by the person's current site, type and status. */
export async function countCasesBySite(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('cases.org_id', filter.viewerOrgId);
  let query = db
    .selectFrom('cases')
    .leftJoin('people', 'people.id', 'cases.person_id')
    .select([
      'people.site_id',
      'cases.type',
      'cases.status',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ]);
  if (filter.onlyOrgId) query = query.where('cases.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) query = query.where(inList('people.site_id', filter.siteIds));
  const rows = await query.groupBy(['people.site_id', 'cases.type', 'cases.status']).execute();
  return rows.map((r) => ({
    siteId: r.site_id,
    type: r.type,
    status: r.status,
    n: Number(r.n),
    own: Number(r.own),
  }));
}

/** People departed, arrived and returned per week and destination centre. */
export async function countRelocationsBySite(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('r.org_id', filter.viewerOrgId);
  const week = weekStart(db, 'e.occurred_at');
  let query = db
    .selectFrom('relocation_events as e')
    .innerJoin('relocations as r', 'r.id', 'e.relocation_id')
    .select([
      week.as('week'),
      'r.to_site_id',
      'e.to_status',
      sql<number>`sum(r.people_count)`.as('n'),
      sql<number>`sum(r.people_count * ${own})`.as('own'),
    ])
    .where('e.to_status', 'in', ['departed', 'arrived', 'returned'])
    .where('e.occurred_at', '>=', filter.from)
    .where('e.occurred_at', '<', dayAfter(filter.to));
  if (filter.onlyOrgId) query = query.where('r.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) {
    const ids = filter.siteIds;
    query = query.where((eb) =>
      eb.or([inList('r.from_site_id', ids), inList('r.to_site_id', ids), inList('e.site_id', ids)]),
    );
  }
  const rows = await query.groupBy([week, 'r.to_site_id', 'e.to_status']).execute();
  return rows.map((r) => ({
    week: r.week,
    siteId: r.to_site_id,
    status: r.to_status,
    n: Number(r.n),
    own: Number(r.own),
  }));
}

/** Reunification cases by legal basis and stage. */
export async function countReunificationByBasis(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('rc.org_id', filter.viewerOrgId);
  let query = db
    .selectFrom('reunification_cases as rc')
    .select([
      'rc.legal_basis',
      'rc.stage',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ]);
  if (filter.onlyOrgId) query = query.where('rc.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) {
    const ids = filter.siteIds;
    query = query.where(
      sql<SqlBool>`exists (select 1 from people where people.id = rc.person_id and ${inList('people.site_id', ids)})`,
    );
  }
  const rows = await query.groupBy(['rc.legal_basis', 'rc.stage']).execute();
  return rows.map((r) => ({ basis: r.legal_basis, stage: r.stage, n: Number(r.n), own: Number(r.own) }));
}
