import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { EvidenceItem } from './evidence.js';
import type { EvidenceStatus, Stage } from './reunification.enums.js';
import type { ReunificationCasesTable, ReunificationEventsTable } from './reunification.tables.js';
import { ACTIVE_STAGES } from './stages.js';

export async function insertCase(db: Executor, row: Insertable<ReunificationCasesTable>) {
  await db.insertInto('reunification_cases').values(row).execute();
}

export async function findCaseInScope(db: Executor, actor: Actor, id: string) {
  return scopeToActor(
    db.selectFrom('reunification_cases').selectAll(),
    actor,
    'reunification_cases',
    'reunification_case',
  )
    .where('reunification_cases.id', '=', id)
    .executeTakeFirst();
}

export async function findCaseById(db: Executor, id: string) {
  return db.selectFrom('reunification_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listCases(
  db: Executor,
  actor: Actor,
  filter: { stage?: Stage; active?: boolean },
  after: { createdAt: string; id: string } | undefined,
  limit: number,
) {
  let query = scopeToActor(
    db.selectFrom('reunification_cases').selectAll(),
    actor,
    'reunification_cases',
    'reunification_case',
  );
  if (filter.stage) query = query.where('stage', '=', filter.stage);
  if (filter.active === true) query = query.where('stage', 'in', [...ACTIVE_STAGES]);
  if (filter.active === false) query = query.where('stage', 'not in', [...ACTIVE_STAGES]);
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

/** Every active case of the actor's scope (the dashboard computes deadlines for each). */
export async function findActiveCasesInScope(db: Executor, actor: Actor) {
  return scopeToActor(
    db.selectFrom('reunification_cases').selectAll(),
    actor,
    'reunification_cases',
    'reunification_case',
  )
    .where('stage', 'in', [...ACTIVE_STAGES])
    .execute();
}

export async function countCasesByStage(db: Executor, actor: Actor) {
  const rows = await scopeToActor(
    db.selectFrom('reunification_cases').select(['stage', (eb) => eb.fn.countAll<number>().as('n')]),
    actor,
    'reunification_cases',
    'reunification_case',
  )
    .groupBy('stage')
    .execute();
  return new Map(rows.map((r) => [r.stage, Number(r.n)]));
}

/** Ids of active cases after `afterId`, for the deadline job's batches. */
export async function findActiveCaseIds(db: Executor, afterId: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('reunification_cases')
    .select('id')
    .where('stage', 'in', [...ACTIVE_STAGES])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Applies changes only if the case is still at `expectedVersion` (a concurrent change answers 409). */
export async function updateCaseRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: Updateable<ReunificationCasesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('reunification_cases')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertCaseRelatives(db: Executor, caseId: string, linkIds: readonly string[]) {
  if (linkIds.length === 0) return;
  await db
    .insertInto('reunification_case_relatives')
    .values(linkIds.map((id) => ({ case_id: caseId, family_link_id: id })))
    .execute();
}

export async function findCaseRelatives(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('reunification_case_relatives as r')
    .innerJoin('family_links as f', 'f.id', 'r.family_link_id')
    .selectAll('f')
    .select('r.case_id')
    .where('r.case_id', 'in', caseIds)
    .orderBy('f.created_at')
    .execute();
}

export async function insertEvent(db: Executor, row: Insertable<ReunificationEventsTable>) {
  await db.insertInto('reunification_events').values(row).execute();
}

export async function findEvents(db: Executor, caseId: string) {
  return db
    .selectFrom('reunification_events')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export async function insertEvidence(
  db: Executor,
  caseId: string,
  items: readonly EvidenceItem[],
  by: string | null,
  at: string,
) {
  if (items.length === 0) return;
  await db
    .insertInto('reunification_evidence')
    .values(
      items.map((item) => ({
        case_id: caseId,
        item,
        status: 'missing' as const,
        updated_by: by,
        updated_at: at,
      })),
    )
    .execute();
}

export async function findEvidence(db: Executor, caseId: string) {
  return db.selectFrom('reunification_evidence').selectAll().where('case_id', '=', caseId).execute();
}

export async function updateEvidence(
  db: Executor,
  caseId: string,
  item: EvidenceItem,
  status: EvidenceStatus,
  by: string | null,
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('reunification_evidence')
    .set({ status, updated_by: by, updated_at: at })
    .where('case_id', '=', caseId)
    .where('item', '=', item)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findActiveCaseOfPerson(db: Executor, personId: string, orgId: string) {
  return db
    .selectFrom('reunification_cases')
    .select(['id', 'legal_basis'])
    .where('person_id', '=', personId)
    .where('org_id', '=', orgId)
    .where('stage', 'in', [...ACTIVE_STAGES])
    .executeTakeFirst();
}
