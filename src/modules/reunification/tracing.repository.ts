import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { IndexEntry } from '../registry/person-index.js';
import type { TracingStatus } from './reunification.enums.js';
import type { FamilyLinksTable, TracingMatchesTable, TracingRequestsTable } from './reunification.tables.js';

export async function insertTracingRequest(db: Executor, row: Insertable<TracingRequestsTable>) {
  await db.insertInto('tracing_requests').values(row).execute();
}

export async function insertRequestKey(
  db: Executor,
  requestId: string,
  wrapped: string,
  version: number,
  at: string,
) {
  await db
    .insertInto('tracing_request_keys')
    .values({ request_id: requestId, wrapped_key: wrapped, key_version: version, created_at: at })
    .execute();
}

export async function insertRequestIndex(db: Executor, requestId: string, entries: readonly IndexEntry[]) {
  if (entries.length === 0) return;
  await db
    .insertInto('tracing_request_index')
    .values(entries.map((e) => ({ request_id: requestId, kind: e.kind, hmac: e.hmac })))
    .execute();
}

export async function findTracingRequestInScope(db: Executor, actor: Actor, id: string) {
  return scopeToActor(
    db.selectFrom('tracing_requests').selectAll(),
    actor,
    'tracing_requests',
    'tracing_request',
  )
    .where('tracing_requests.id', '=', id)
    .executeTakeFirst();
}

export async function findTracingRequestsByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('tracing_requests').selectAll().where('id', 'in', ids).execute();
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listTracingRequests(
  db: Executor,
  actor: Actor,
  filter: { status?: TracingStatus },
  after: { createdAt: string; id: string } | undefined,
  limit: number,
) {
  let query = scopeToActor(
    db.selectFrom('tracing_requests').selectAll(),
    actor,
    'tracing_requests',
    'tracing_request',
  );
  if (filter.status) query = query.where('status', '=', filter.status);
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

export async function updateTracingRequestRow(
  db: Executor,
  id: string,
  expectedVersion: number,
  changes: Updateable<TracingRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('tracing_requests')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Open requests of one organisation whose sought names share an index value with `entries`. */
export async function findOpenRequestIdsByIndex(db: Executor, orgId: string, entries: readonly IndexEntry[]) {
  if (entries.length === 0) return [];
  const rows = await db
    .selectFrom('tracing_request_index as ti')
    .innerJoin('tracing_requests as tr', 'tr.id', 'ti.request_id')
    .select('tr.id')
    .distinct()
    .where('tr.org_id', '=', orgId)
    .where('tr.status', '=', 'open')
    .where((eb) =>
      eb.or(entries.map((e) => eb.and([eb('ti.kind', '=', e.kind), eb('ti.hmac', '=', e.hmac)]))),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function findMatchesOfRequest(db: Executor, requestId: string) {
  return db
    .selectFrom('tracing_matches')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('score', 'desc')
    .orderBy('id')
    .execute();
}

export async function findMatchById(db: Executor, requestId: string, id: string) {
  return db
    .selectFrom('tracing_matches')
    .selectAll()
    .where('request_id', '=', requestId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Records a candidate once per request and person; a candidate still undecided gets its new
 * score, a decided one keeps its decision. Two processes adding the same one converge on one row.
 */
export async function upsertProposedMatch(db: Executor, row: TracingMatchesTable) {
  await db
    .insertInto('tracing_matches')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['request_id', 'person_id'])
        .doUpdateSet({
          score: row.score,
          band: row.band,
          explanation: row.explanation,
          updated_at: row.updated_at,
        })
        .where('tracing_matches.status', '=', 'proposed'),
    )
    .execute();
}

export async function updateMatchRow(db: Executor, id: string, changes: Updateable<TracingMatchesTable>) {
  await db.updateTable('tracing_matches').set(changes).where('id', '=', id).execute();
}

export async function countMatchesByStatus(db: Executor, requestIds: readonly string[]) {
  const counts = new Map<string, { proposed: number; confirmed: number; rejected: number }>();
  if (requestIds.length === 0) return counts;
  const rows = await db
    .selectFrom('tracing_matches')
    .select(['request_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('request_id', 'in', requestIds)
    .groupBy(['request_id', 'status'])
    .execute();
  for (const row of rows) {
    const entry = counts.get(row.request_id) ?? { proposed: 0, confirmed: 0, rejected: 0 };
    entry[row.status] = Number(row.n);
    counts.set(row.request_id, entry);
  }
  return counts;
}

export async function insertFamilyLink(db: Executor, row: Insertable<FamilyLinksTable>) {
  await db.insertInto('family_links').values(row).execute();
}

export async function findFamilyLinksOfPerson(db: Executor, personId: string) {
  return db
    .selectFrom('family_links')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findFamilyLinksByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('family_links').selectAll().where('id', 'in', ids).execute();
}

export async function findFamilyLinkOfMatch(db: Executor, requestId: string, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('family_links')
    .select(['id', 'person_id', 'relative_person_id'])
    .where('tracing_request_id', '=', requestId)
    .where((eb) => eb.or([eb('person_id', 'in', personIds), eb('relative_person_id', 'in', personIds)]))
    .execute();
}
