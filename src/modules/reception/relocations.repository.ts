import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import { isPostgres } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeCondition } from '../access/scope.js';
import type {
  RelocationEventsTable,
  RelocationPeopleTable,
  RelocationStatus,
  RelocationsTable,
} from './reception.tables.js';

/**
 * A relocation is in scope when the actor's organisation created it or may see one of the
 * people in it (owner or shared record): the one scope rule, applied through the people.
 */
function relocationScope(actor: Actor) {
  if (actor.via === 'system') return sql<SqlBool>`1 = 1`;
  if (!actor.orgId) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(relocations.org_id = ${actor.orgId} or exists (
    select 1 from relocation_people rp join people on people.id = rp.person_id
    where rp.relocation_id = relocations.id and ${scopeCondition(actor, 'people', 'person')}))`;
}

export async function insertRelocation(db: Executor, row: Insertable<RelocationsTable>) {
  await db.insertInto('relocations').values(row).execute();
}

export async function insertRelocationPeople(db: Executor, rows: Insertable<RelocationPeopleTable>[]) {
  await db.insertInto('relocation_people').values(rows).execute();
}

export async function insertEvent(db: Executor, row: Insertable<RelocationEventsTable>) {
  await db.insertInto('relocation_events').values(row).execute();
}

export async function findRelocationInScope(db: Executor, actor: Actor, id: string, lock = false) {
  let query = db.selectFrom('relocations').selectAll().where('id', '=', id).where(relocationScope(actor));
  if (lock && isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export interface RelocationFilter {
  status?: RelocationStatus;
  toSiteId?: string;
  personId?: string;
  convoyId?: string;
  after?: [string, string];
  limit: number;
}

export async function findRelocations(db: Executor, actor: Actor, filter: RelocationFilter) {
  let query = db.selectFrom('relocations').selectAll().where(relocationScope(actor));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.toSiteId) query = query.where('to_site_id', '=', filter.toSiteId);
  if (filter.convoyId) query = query.where('convoy_id', '=', filter.convoyId);
  if (filter.personId) {
    const personId = filter.personId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('relocation_people as rp')
          .select('rp.person_id')
          .whereRef('rp.relocation_id', '=', 'relocations.id')
          .where('rp.person_id', '=', personId),
      ),
    );
  }
  if (filter.after) {
    const [createdAt, id] = filter.after;
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

export async function findRelocationPeople(db: Executor, relocationIds: readonly string[]) {
  if (relocationIds.length === 0) return [];
  return db
    .selectFrom('relocation_people')
    .innerJoin('people', 'people.id', 'relocation_people.person_id')
    .selectAll('people')
    .select('relocation_people.relocation_id')
    .where('relocation_people.relocation_id', 'in', relocationIds)
    .orderBy('people.birth_year')
    .orderBy('people.id')
    .execute();
}

export async function findEvents(db: Executor, relocationIds: readonly string[]) {
  if (relocationIds.length === 0) return [];
  return db
    .selectFrom('relocation_events')
    .selectAll()
    .where('relocation_id', 'in', relocationIds)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/** Relocations under way for any of these people (at most one each, by the unique index). */
export async function findOpenRelocationsOf(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('relocation_people')
    .innerJoin('relocations', 'relocations.id', 'relocation_people.relocation_id')
    .select(['relocation_people.person_id', 'relocations.id', 'relocations.status'])
    .where('relocation_people.person_id', 'in', personIds)
    .where('relocation_people.is_open', '=', 1)
    .execute();
}

/** The person's latest relocation that took them away (for recording a return). */
export async function findLatestDeparture(db: Executor, personId: string) {
  return db
    .selectFrom('relocation_people')
    .innerJoin('relocations', 'relocations.id', 'relocation_people.relocation_id')
    .selectAll('relocations')
    .where('relocation_people.person_id', '=', personId)
    .where('relocations.status', 'in', ['departed', 'arrived', 'left'])
    .orderBy('relocations.updated_at', 'desc')
    .executeTakeFirst();
}

export async function updateRelocation(db: Executor, id: string, changes: Updateable<RelocationsTable>) {
  await db.updateTable('relocations').set(changes).where('id', '=', id).execute();
}

export async function closeRelocationPeople(db: Executor, relocationId: string) {
  await db
    .updateTable('relocation_people')
    .set({ is_open: null })
    .where('relocation_id', '=', relocationId)
    .execute();
}

export async function lastEventAt(db: Executor, relocationId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('relocation_events')
    .select((eb) => eb.fn.max('occurred_at').as('at'))
    .where('relocation_id', '=', relocationId)
    .executeTakeFirst();
  return row?.at ? String(row.at) : undefined;
}
