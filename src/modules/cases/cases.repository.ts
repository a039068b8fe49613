import { type Insertable, sql, type Updateable } from 'kysely';
import { type Executor, isPostgres } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { CasesFilter } from './cases.schema.js';
import type { CaseEventsTable, CasesTable } from './cases.tables.js';

/** Record type of cases in `record_shares`. */
export const CASE_RECORD = 'case';

export async function insertCase(db: Executor, row: Insertable<CasesTable>) {
  await db.insertInto('cases').values(row).execute();
}

/** The case if the actor's organisation owns it or holds a share of it; otherwise undefined (404). */
export async function findCaseInScope(db: Executor, actor: Actor, id: string) {
  return scopeToActor(db.selectFrom('cases').selectAll(), actor, 'cases', CASE_RECORD)
    .where('cases.id', '=', id)
    .executeTakeFirst();
}

/** Unscoped: for the deadline job and for services that already checked scope. */
export async function findCaseById(db: Executor, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The case row, locked until the transaction ends on PostgreSQL, so the deadline job derives alerts
 * from the state a concurrent write commits rather than the one it replaces (SQLite serialises
 * writers already).
 */
export async function findCaseForUpdate(db: Executor, id: string) {
  const query = db.selectFrom('cases').selectAll().where('id', '=', id);
  return (isPostgres(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** Updates only if the version is still `expected` (optimistic concurrency); false otherwise. */
export async function updateCaseRow(
  db: Executor,
  id: string,
  expected: number,
  changes: Updateable<CasesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('cases')
    .set({ ...changes, version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface CaseListInput {
  filter: CasesFilter;
  actorUserId: string | null;
  after?: { openedAt: string; id: string };
  limit: number;
}

/** Cases in scope, newest first, keyset-paginated on (opened_at, id). */
export async function listCasesInScope(db: Executor, actor: Actor, input: CaseListInput) {
  const { filter } = input;
  let query = scopeToActor(db.selectFrom('cases').selectAll(), actor, 'cases', CASE_RECORD);
  if (filter.status === 'active') query = query.where('cases.status', '!=', 'closed');
  else if (filter.status) query = query.where('cases.status', '=', filter.status);
  if (filter.type) query = query.where('cases.type', '=', filter.type);
  if (filter.risk) query = query.where('cases.risk', '=', filter.risk);
  if (filter.personId) query = query.where('cases.person_id', '=', filter.personId);
  if (filter.assigned === 'me') query = query.where('cases.assigned_user_id', '=', input.actorUserId ?? '');
  else if (filter.assigned === 'unassigned') query = query.where('cases.assigned_user_id', 'is', null);
  else if (filter.assigned) query = query.where('cases.assigned_user_id', '=', filter.assigned);
  if (filter.overdue) {
    const overdue = sql<boolean>`exists (select 1 from alerts a where a.entity = 'case' and a.entity_id = cases.id
      and a.state = 'open' and a.deadline_state in ('overdue', 'escalated'))`;
    query = query.where(filter.overdue === 'true' ? overdue : sql<boolean>`not ${overdue}`);
  }
  if (input.after) {
    const { openedAt, id } = input.after;
    query = query.where((eb) =>
      eb.or([
        eb('cases.opened_at', '<', openedAt),
        eb.and([eb('cases.opened_at', '=', openedAt), eb('cases.id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('cases.opened_at', 'desc').orderBy('cases.id', 'desc').limit(input.limit).execute();
}

export async function findActiveCasesOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('person_id', '=', personId)
    .where('status', '!=', 'closed')
    .execute();
}

/** Ids of open cases after `afterId`, for the deadline job's batches. */
export async function findActiveCaseIds(db: Executor, afterId: string, limit: number) {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('status', '!=', 'closed')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertCaseKey(
  db: Executor,
  caseId: string,
  wrapped: string,
  version: number,
  at: string,
) {
  await db
    .insertInto('case_keys')
    .values({ case_id: caseId, wrapped_key: wrapped, key_version: version, created_at: at })
    .execute();
}

export async function findCaseKeys(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('case_keys')
    .select(['case_id', 'wrapped_key'])
    .where('case_id', 'in', caseIds)
    .execute();
  return new Map(rows.map((r) => [r.case_id, r.wrapped_key]));
}

export async function insertCaseEvent(db: Executor, row: Insertable<CaseEventsTable>) {
  await db.insertInto('case_events').values(row).execute();
}

export async function findCaseEvents(db: Executor, caseId: string) {
  return db
    .selectFrom('case_events')
    .leftJoin('users', 'users.id', 'case_events.created_by')
    .selectAll('case_events')
    .select('users.name as created_by_name')
    .where('case_events.case_id', '=', caseId)
    .orderBy('case_events.occurred_at', 'desc')
    .orderBy('case_events.id', 'desc')
    .execute();
}

/** The organisation's own open caseload, for the supervision view (plain columns only). */
export async function findCaseloadRows(db: Executor, orgId: string) {
  return db
    .selectFrom('cases')
    .leftJoin('users', 'users.id', 'cases.assigned_user_id')
    .select([
      'cases.id',
      'cases.type',
      'cases.risk',
      'cases.status',
      'cases.opened_at',
      'cases.assigned_user_id',
      'users.name as assigned_name',
    ])
    .where('cases.org_id', '=', orgId)
    .where('cases.status', '!=', 'closed')
    .execute();
}

/**
 * The people linked to some cases. Unscoped on purpose: a case in scope brings its person with
 * it (an accepted referral shares both); the presenter decides what of them is shown.
 */
export async function findPeopleOfCases(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', [...new Set(personIds)])
    .execute();
}

/**
 * People of an organisation's demo population for the demo cases: children registered alone
 * (SC) and adults without protection needs, each with a current referral consent, in a stable
 * order so every seed picks the same people.
 */
export async function findDemoCandidates(
  db: Executor,
  orgId: string,
  wanted: { child: number; adult: number },
) {
  const base = db
    .selectFrom('people')
    .select('people.id')
    .where('people.org_id', '=', orgId)
    .where('people.is_demo', '=', 1)
    .where('people.status', '=', 'active')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('consents')
          .select('consents.id')
          .whereRef('consents.person_id', '=', 'people.id')
          .where('consents.purpose', '=', 'referral')
          .where('consents.withdrawn_at', 'is', null),
      ),
    )
    .orderBy('people.id');
  const hasNeed = (category: string) =>
    sql<boolean>`exists (select 1 from specific_needs sn where sn.person_id = people.id
      and sn.removed_at is null and sn.category = ${category})`;
  const children = await base.where(hasNeed('SC')).limit(wanted.child).execute();
  const adults = await base
    .where(
      sql<boolean>`not exists (select 1 from specific_needs sn where sn.person_id = people.id and sn.removed_at is null)`,
    )
    .where('people.birth_year', '<=', new Date().getUTCFullYear() - 18)
    .limit(wanted.adult)
    .execute();
  return { children: children.map((r) => r.id), adults: adults.map((r) => r.id) };
}

/** Active users of an organisation (id, name, roles), to pick a caseworker from. */
export async function findActiveUsersOfOrg(db: Executor, orgId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'name', 'roles'])
    .where('org_id', '=', orgId)
    .where('disabled_at', 'is', null)
    .orderBy('name')
    .execute();
}
