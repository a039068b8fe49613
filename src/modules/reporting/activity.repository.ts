import { type RawBuilder, sql } from 'kysely';
import { type Executor, isPostgres } from '../../db/engine.js';
import { type AggregateFilter, dayAfter, ownFlag } from './report-filter.js';

/*
 * Counts of protection, reception and counselling work, computed by the database. A site filter
 * follows the person (cases, counselling) or the journey (relocations from or to the site).
 */

const inSites = (column: string, siteIds: string[]) =>
  sql<boolean>`${sql.ref(column)} in (${sql.join(siteIds.length ? siteIds : [''])})`;

/** Open cases (any state but closed) by type and risk. */
export async function countOpenCases(db: Executor, filter: AggregateFilter) {
  const rows = await countOpenCasesBySite(db, filter);
  const merged: Array<{ type: string; risk: string; n: number; own: number }> = [];
  for (const r of rows) {
    const entry = merged.find((m) => m.type === r.type && m.risk === r.risk);
    if (entry) {
      entry.n += r.n;
      entry.own += r.own;
    } else merged.push({ type: r.type, risk: r.risk, n: r.n, own: r.own });
  }
  return merged;
}

/** The same by the person's current site (null: no current site). */
export async function countOpenCasesBySite(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('cases.org_id', filter.viewerOrgId);
  let query = db
    .selectFrom('cases')
    .innerJoin('people', 'people.id', 'cases.person_id')
    .select([
      'people.site_id',
      'cases.type',
      'cases.risk',
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(${own})`.as('own'),
    ])
    .where('cases.status', '!=', 'closed');
  if (filter.onlyOrgId) query = query.where('cases.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) query = query.where(inSites('people.site_id', filter.siteIds));
  const rows = await query.groupBy(['people.site_id', 'cases.type', 'cases.risk']).execute();
  return rows.map((r) => ({
    siteId: r.site_id,
    type: r.type,
    risk: r.risk,
    n: Number(r.n),
    own: Number(r.own),
  }));
}

/** Overdue work on open cases: items past due (and escalated), and cases with at least one. */
export async function countOverdueWork(db: Executor, filter: AggregateFilter) {
  const orgId = filter.viewerOrgId;
  const ownCase = orgId
    ? sql<number>`count(distinct case when cases.org_id = ${orgId} then cases.id end)`
    : sql<number>`0`;
  const own = ownFlag('cases.org_id', orgId);
  let query = db
    .selectFrom('alerts')
    .innerJoin('cases', 'cases.id', 'alerts.entity_id')
    .select([
      sql<number>`count(distinct cases.id)`.as('cases'),
      ownCase.as('own_cases'),
      sql<number>`sum(case when alerts.deadline_state = 'overdue' then 1 else 0 end)`.as('overdue'),
      sql<number>`sum(case when alerts.deadline_state = 'overdue' then ${own} else 0 end)`.as('own_overdue'),
      sql<number>`sum(case when alerts.deadline_state = 'escalated' then 1 else 0 end)`.as('escalated'),
      sql<number>`sum(case when alerts.deadline_state = 'escalated' then ${own} else 0 end)`.as(
        'own_escalated',
      ),
    ])
    .where('alerts.entity', '=', 'case')
    .where('alerts.state', '=', 'open')
    .where('alerts.deadline_state', 'in', ['overdue', 'escalated'])
    .where('cases.status', '!=', 'closed');
  if (filter.onlyOrgId) query = query.where('cases.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) {
    const ids = filter.siteIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('people')
          .select('people.id')
          .whereRef('people.id', '=', 'cases.person_id')
          .where(inSites('people.site_id', ids)),
      ),
    );
  }
  const r = await query.executeTakeFirst();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    cases: { value: n(r?.cases), own: n(r?.own_cases) },
    overdue: { value: n(r?.overdue), own: n(r?.own_overdue) },
    escalated: { value: n(r?.escalated), own: n(r?.own_escalated) },
  };
}

/** The Monday of an event's week, as YYYY-MM-DD. */
export function weekStart(db: Executor, column: string): RawBuilder<string> {
  const day = sql`substr(${sql.ref(column)}, 1, 10)`;
  return isPostgres(db)
    ? sql<string>`to_char(date_trunc('week', cast(${day} as date)), 'YYYY-MM-DD')`
    : sql<string>`date(${day}, '-6 days', 'weekday 1')`;
}

function relocationEvents(db: Executor, filter: AggregateFilter) {
  let query = db
    .selectFrom('relocation_events as e')
    .innerJoin('relocations as r', 'r.id', 'e.relocation_id')
    .where('e.occurred_at', '>=', filter.from)
    .where('e.occurred_at', '<', dayAfter(filter.to));
  if (filter.onlyOrgId) query = query.where('r.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) {
    const ids = filter.siteIds;
    query = query.where((eb) =>
      eb.or([inSites('r.from_site_id', ids), inSites('r.to_site_id', ids), inSites('e.site_id', ids)]),
    );
  }
  return query;
}

/** People who departed, arrived at a centre and came back, per week of the event. */
export async function countRelocationWeeks(db: Executor, filter: AggregateFilter) {
  const week = weekStart(db, 'e.occurred_at');
  const own = ownFlag('r.org_id', filter.viewerOrgId);
  const rows = await relocationEvents(db, filter)
    .select([
      week.as('week'),
      'e.to_status',
      sql<number>`sum(r.people_count)`.as('n'),
      sql<number>`sum(r.people_count * ${own})`.as('own'),
    ])
    .where('e.to_status', 'in', ['departed', 'arrived', 'returned'])
    .groupBy([week, 'e.to_status'])
    .execute();
  return rows.map((r) => ({ week: r.week, status: r.to_status, n: Number(r.n), own: Number(r.own) }));
}

/** The period's departures and how many of those people are now recorded as returned (cohort rate). */
export async function countReturnCohort(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('r.org_id', filter.viewerOrgId);
  const r = await relocationEvents(db, filter)
    .select([
      sql<number>`sum(r.people_count)`.as('departed'),
      sql<number>`sum(r.people_count * ${own})`.as('own_departed'),
      sql<number>`sum(case when r.status = 'returned' then r.people_count else 0 end)`.as('returned'),
      sql<number>`sum(case when r.status = 'returned' then r.people_count * ${own} else 0 end)`.as(
        'own_returned',
      ),
    ])
    .where('e.to_status', '=', 'departed')
    .executeTakeFirst();
  const n = (v: unknown) => Number(v ?? 0);
  return {
    departed: { value: n(r?.departed), own: n(r?.own_departed) },
    returned: { value: n(r?.returned), own: n(r?.own_returned) },
  };
}

function counsellingSessions(db: Executor, filter: AggregateFilter) {
  let query = db
    .selectFrom('counselling_sessions as cs')
    .where('cs.held_on', '>=', filter.from)
    .where('cs.held_on', '<=', filter.to);
  if (filter.onlyOrgId) query = query.where('cs.org_id', '=', filter.onlyOrgId);
  if (filter.siteIds) {
    const ids = filter.siteIds;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('people')
          .select('people.id')
          .whereRef('people.id', '=', 'cs.person_id')
          .where(inSites('people.site_id', ids)),
      ),
    );
  }
  return query;
}

/** Sessions held in the period, by language, and by topic (a session covers several topics). */
export async function countCounselling(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('cs.org_id', filter.viewerOrgId);
  const [total, byLanguage, byTopic] = await Promise.all([
    counsellingSessions(db, filter)
      .select([sql<number>`count(*)`.as('n'), sql<number>`sum(${own})`.as('own')])
      .executeTakeFirst(),
    counsellingSessions(db, filter)
      .select(['cs.language', sql<number>`count(*)`.as('n'), sql<number>`sum(${own})`.as('own')])
      .groupBy('cs.language')
      .execute(),
    countTopics(db, filter),
  ]);
  return {
    sessions: { value: Number(total?.n ?? 0), own: Number(total?.own ?? 0) },
    byLanguage: byLanguage.map((r) => ({ key: r.language, n: Number(r.n), own: Number(r.own) })),
    byTopic,
  };
}

/** Topics are a JSON array per session: each engine expands it in SQL (json_each, jsonb_array_elements_text). */
async function countTopics(db: Executor, filter: AggregateFilter) {
  const own = ownFlag('cs.org_id', filter.viewerOrgId);
  const expand = isPostgres(db)
    ? sql`cross join lateral jsonb_array_elements_text(cast(cs.topics as jsonb)) as t(value)`
    : sql`cross join json_each(cs.topics) as t`;
  const conditions = [sql`cs.held_on >= ${filter.from}`, sql`cs.held_on <= ${filter.to}`];
  if (filter.onlyOrgId) conditions.push(sql`cs.org_id = ${filter.onlyOrgId}`);
  if (filter.siteIds)
    conditions.push(
      sql`exists (select 1 from people where people.id = cs.person_id and ${inSites('people.site_id', filter.siteIds)})`,
    );
  const result = await sql<{ topic: string; n: number; own: number }>`
    select t.value as topic, count(*) as n, sum(${own}) as own
    from counselling_sessions cs ${expand}
    where ${sql.join(conditions, sql` and `)}
    group by t.value`.execute(db);
  return result.rows.map((r) => ({ key: String(r.topic), n: Number(r.n), own: Number(r.own) }));
}
