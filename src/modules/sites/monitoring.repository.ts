import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { IncidentsTable, SiteAssessmentsTable } from './sites.tables.js';

// Assessments

export async function insertAssessment(db: Executor, row: Insertable<SiteAssessmentsTable>) {
  await db.insertInto('site_assessments').values(row).execute();
}

export async function findAssessmentsPage(
  db: Executor,
  filter: { siteId: string; before?: [string, string]; limit: number },
) {
  let query = db.selectFrom('site_assessments').selectAll().where('site_id', '=', filter.siteId);
  if (filter.before) {
    const [date, id] = filter.before;
    query = query.where((eb) =>
      eb.or([eb('assessed_on', '<', date), eb.and([eb('assessed_on', '=', date), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('assessed_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function findAllAssessments(db: Executor, siteId: string) {
  return db
    .selectFrom('site_assessments')
    .selectAll()
    .where('site_id', '=', siteId)
    .orderBy('assessed_on')
    .orderBy('id')
    .execute();
}

// Incidents

export async function insertIncident(db: Executor, row: Insertable<IncidentsTable>) {
  await db.insertInto('incidents').values(row).execute();
}

export interface IncidentFilter {
  siteIds: readonly string[];
  from?: string;
  to?: string;
}

/** Counts only, across every organisation: aggregates carry no description and no org. */
export async function countIncidents(db: Executor, filter: IncidentFilter) {
  if (filter.siteIds.length === 0) return [];
  let query = db
    .selectFrom('incidents')
    .select([
      'kind',
      'severity',
      (eb) => eb.fn<string>('substr', ['occurred_on', eb.val(1), eb.val(7)]).as('month'),
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.sum<number>(eb.fn.coalesce('people_affected', eb.val(0))).as('affected'),
    ])
    .where('site_id', 'in', filter.siteIds);
  if (filter.from) query = query.where('occurred_on', '>=', filter.from);
  if (filter.to) query = query.where('occurred_on', '<=', filter.to);
  return query.groupBy(['kind', 'severity', 'month']).execute();
}

/** Incident rows in the actor's scope (own organisation or shared), newest first. */
export async function findIncidentsInScope(
  db: Executor,
  actor: Actor,
  filter: IncidentFilter & { before?: [string, string]; limit: number },
) {
  if (filter.siteIds.length === 0) return [];
  let query = scopeToActor(db.selectFrom('incidents').selectAll(), actor, 'incidents', 'incident').where(
    'site_id',
    'in',
    filter.siteIds,
  );
  if (filter.from) query = query.where('occurred_on', '>=', filter.from);
  if (filter.to) query = query.where('occurred_on', '<=', filter.to);
  if (filter.before) {
    const [date, id] = filter.before;
    query = query.where((eb) =>
      eb.or([eb('occurred_on', '<', date), eb.and([eb('occurred_on', '=', date), eb('id', '<', id)])]),
    );
  }
  return query.orderBy('occurred_on', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}
