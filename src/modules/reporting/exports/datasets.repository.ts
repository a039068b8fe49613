import { type SqlBool, sql } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import { weekStart } from '../activity.repository.js';
import { countNeedsBySite as countNeedsBySiteFromRollups } from '../population.repository.js';
import { type AggregateFilter, dayAfter, ownFlag } from '../report-filter.js';

/* Grouped counts behind the aggregate exports, each by site (coarsened to regions in Node). */

const inList = (column: string, ids: string[]) =>
  sql<SqlBool>`${sql.ref(column)} in (${sql.join(ids.length ? ids : [''])})`;

/** People with a current need, by site and category, and with any need, by site (from the rollups). */
export async function countNeedsBySite(db: Executor, filter: AggregateFilter) {
  const rows = await countNeedsBySiteFromRollups(db, filter);
  return {
    byCategory: rows.flatMap((r) =>
      r.category === null ? [] : [{ siteId: r.siteId, category: r.category, n: r.n, own: r.own }],
    ),
    any: rows.flatMap((r) => (r.category === null ? [{ siteId: r.siteId, n: r.n, own: r.own }] : [])),
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
