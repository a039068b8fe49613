import type { Insertable, Updateable } from 'kysely';
import { type Executor, isPostgres } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type {
  PathwaysTable,
  ProcedureDocumentsTable,
  ProcedureEventsTable,
  ProcedureKind,
  ProceduresTable,
} from './pathways.tables.js';

export async function findPathwaysOfPerson(db: Executor, actor: Actor, personId: string) {
  return scopeToActor(db.selectFrom('pathways').selectAll(), actor, 'pathways', 'pathway')
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findCurrentPathway(db: Executor, orgId: string, personId: string) {
  return db
    .selectFrom('pathways')
    .selectAll()
    .where('person_id', '=', personId)
    .where('org_id', '=', orgId)
    .where('is_current', '=', 1)
    .executeTakeFirst();
}

export async function endPathway(db: Executor, id: string, endedOn: string) {
  await db.updateTable('pathways').set({ is_current: 0, ended_on: endedOn }).where('id', '=', id).execute();
}

export async function insertPathway(db: Executor, row: Insertable<PathwaysTable>) {
  await db.insertInto('pathways').values(row).execute();
}

export async function findProceduresOfPerson(db: Executor, actor: Actor, personId: string) {
  return scopeToActor(db.selectFrom('procedures').selectAll(), actor, 'procedures', 'procedure')
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** One procedure in the actor's scope; on PostgreSQL locked for the caller's transaction. */
export async function findProcedureInScope(db: Executor, actor: Actor, id: string, lock = false) {
  let query = scopeToActor(db.selectFrom('procedures').selectAll(), actor, 'procedures', 'procedure').where(
    'procedures.id',
    '=',
    id,
  );
  if (lock && isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findOpenProcedure(db: Executor, orgId: string, personId: string, kind: ProcedureKind) {
  return db
    .selectFrom('procedures')
    .select('id')
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function insertProcedure(db: Executor, row: Insertable<ProceduresTable>) {
  await db.insertInto('procedures').values(row).execute();
}

/** Optimistic: only if the version is still `expected` (two stages recorded at once: one wins). */
export async function updateProcedure(
  db: Executor,
  id: string,
  expected: number,
  changes: Updateable<ProceduresTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('procedures')
    .set({ ...changes, version: expected + 1 })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findEvents(db: Executor, procedureIds: readonly string[]) {
  if (procedureIds.length === 0) return [];
  return db
    .selectFrom('procedure_events')
    .selectAll()
    .where('procedure_id', 'in', procedureIds)
    .orderBy('occurred_on')
    .orderBy('created_at')
    .execute();
}

export async function insertEvent(db: Executor, row: Insertable<ProcedureEventsTable>) {
  await db.insertInto('procedure_events').values(row).execute();
}

export async function findDocuments(db: Executor, procedureIds: readonly string[]) {
  if (procedureIds.length === 0) return [];
  return db
    .selectFrom('procedure_documents')
    .selectAll()
    .where('procedure_id', 'in', procedureIds)
    .orderBy('issued_on')
    .execute();
}

export async function insertDocument(db: Executor, row: Insertable<ProcedureDocumentsTable>) {
  await db.insertInto('procedure_documents').values(row).execute();
}

/** A new document of a kind replaces the earlier ones still current: their expiry stops mattering. */
export async function markDocumentsReplaced(db: Executor, procedureId: string, kind: string, byId: string) {
  await db
    .updateTable('procedure_documents')
    .set({ replaced_by: byId })
    .where('procedure_id', '=', procedureId)
    .where('kind', '=', kind)
    .where('replaced_by', 'is', null)
    .where('id', '!=', byId)
    .execute();
}

export async function counsellingSessionOfOrg(db: Executor, orgId: string, id: string, personId: string) {
  return db
    .selectFrom('counselling_sessions')
    .select(['id', 'held_on'])
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

/** Marks an organisation's pathway records as demo data (the services write real records). */
export async function markDemoRows(db: Executor, orgId: string) {
  for (const table of ['pathways', 'procedures', 'appointments', 'interpreters'] as const)
    await db.updateTable(table).set({ is_demo: 1 }).where('org_id', '=', orgId).execute();
}

/** The demo's outreach site: its first informal settlement (the camp), if the sites demo made one. */
export async function findFirstSettlement(db: Executor) {
  return db
    .selectFrom('sites')
    .select('id')
    .where('kind', '=', 'informal_settlement')
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}
