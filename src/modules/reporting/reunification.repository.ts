import { sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { AggregateFilter } from './report-filter.js';
import { ownFlag } from './report-filter.js';

/*
 * Family tracing and reunification counts. Deadlines are computed by the reunification module's
 * rule engine and kept as open alerts with their due instant (deadline-alerts.service.ts), so the
 * nearest deadline per stage is a MIN over those alerts: no case row is loaded here.
 */

const siteOfPerson = (personColumn: string, siteIds: string[]) =>
  sql<boolean>`exists (select 1 from people where people.id = ${sql.ref(personColumn)}
    and people.site_id in (${sql.join(siteIds.length ? siteIds : [''])}))`;

export async function countTracingByStatus(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('tr.org_id', filter.viewerOrgId);
  let query = db
    .selectFrom('tracing_requests as tr')
    .select(['tr.status', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(${own})`.as('own')]);
  if (filter.onlyOrgId) query = query.where('tr.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) query = query.where(siteOfPerson('tr.enquirer_person_id', filter.siteIds));
  const rows = await query.groupBy('tr.status').execute();
  return rows.map((r) => ({ key: r.status, n: Number(r.n), own: Number(r.own) }));
}

export async function countReunificationByStage(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('rc.org_id', filter.viewerOrgId);
  let query = db
    .selectFrom('reunification_cases as rc')
    .select(['rc.stage', (eb) => eb.fn.countAll<number>().as('n'), sql<number>`sum(${own})`.as('own')]);
  if (filter.onlyOrgId) query = query.where('rc.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) query = query.where(siteOfPerson('rc.person_id', filter.siteIds));
  const rows = await query.groupBy('rc.stage').execute();
  return rows.map((r) => ({ key: r.stage, n: Number(r.n), own: Number(r.own) }));
}

/** Per stage: the earliest open legal deadline and how many cases have a deadline due that day. */
export async function findNearestDeadlines(db: Executor, filter: AggregateFilter) {
  let earliest = db
    .selectFrom('alerts as a')
    .innerJoin('reunification_cases as rc', 'rc.id', 'a.entity_id')
    .select(['rc.stage', sql<string>`min(a.due_at)`.as('due_at')])
    .where('a.entity', '=', 'reunification_case')
    .where('a.state', '=', 'open')
    .where('a.due_at', 'is not', null);
  if (filter.onlyOrgId) earliest = earliest.where('rc.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) earliest = earliest.where(siteOfPerson('rc.person_id', filter.siteIds));
  const rows = await earliest.groupBy('rc.stage').execute();
  if (rows.length === 0) return [];
  const own = ownFlag('rc.org_id', filter.viewerOrgId);
  const days = rows.map((r) => (r.due_at ?? '').slice(0, 10));
  let sameDay = db
    .selectFrom('alerts as a')
    .innerJoin('reunification_cases as rc', 'rc.id', 'a.entity_id')
    .select([
      'rc.stage',
      sql<string>`substr(a.due_at, 1, 10)`.as('day'),
      sql<number>`count(distinct rc.id)`.as('n'),
      sql<number>`count(distinct case when ${own} = 1 then rc.id end)`.as('own'),
    ])
    .where('a.entity', '=', 'reunification_case')
    .where('a.state', '=', 'open')
    .where(sql<boolean>`substr(a.due_at, 1, 10) in (${sql.join(days)})`);
  if (filter.onlyOrgId) sameDay = sameDay.where('rc.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) sameDay = sameDay.where(siteOfPerson('rc.person_id', filter.siteIds));
  const counts = await sameDay.groupBy(['rc.stage', sql`substr(a.due_at, 1, 10)`]).execute();
  return rows.map((r) => {
    const day = (r.due_at ?? '').slice(0, 10);
    const c = counts.find((x) => x.stage === r.stage && x.day === day);
    return { stage: r.stage, dueOn: day, n: Number(c?.n ?? 0), own: Number(c?.own ?? 0) };
  });
}
