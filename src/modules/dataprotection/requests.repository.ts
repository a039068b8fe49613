import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import { isPostgres } from '../../db/engine.js';
import type { AccessRequestsTable, ErasureRequestsTable } from './dataprotection.tables.js';

type RequestTable = 'erasure_requests' | 'access_requests';

/** A person owned by the organisation (the controller); requests about others' records are 404. */
export async function findOwnedPerson(db: Executor, orgId: string, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'org_id', 'code', 'status', 'languages'])
    .where('id', '=', personId)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function insertErasureRequest(db: Executor, row: Insertable<ErasureRequestsTable>) {
  await db.insertInto('erasure_requests').values(row).execute();
}

export async function insertAccessRequest(db: Executor, row: Insertable<AccessRequestsTable>) {
  await db.insertInto('access_requests').values(row).execute();
}

export async function findErasureRequest(db: Executor, orgId: string, id: string, forUpdate = false) {
  let query = db.selectFrom('erasure_requests').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  if (forUpdate && isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findAccessRequest(db: Executor, orgId: string, id: string, forUpdate = false) {
  let query = db.selectFrom('access_requests').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  if (forUpdate && isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function listRequests<T extends RequestTable>(
  db: Executor,
  table: T,
  orgId: string,
  filter: { status?: string; limit: number },
) {
  let query = db
    .selectFrom(table as 'erasure_requests')
    .selectAll()
    .where('org_id', '=', orgId);
  if (filter.status) query = query.where('status', '=', filter.status as ErasureRequestsTable['status']);
  return query.orderBy('requested_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Moves a request out of `pending`, only if it still is (two officers deciding at once). */
export async function decideRequest<T extends RequestTable>(
  db: Executor,
  table: T,
  id: string,
  changes: Updateable<ErasureRequestsTable> & Updateable<AccessRequestsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable(table as 'erasure_requests')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findPendingErasure(db: Executor, personId: string) {
  return db
    .selectFrom('erasure_requests')
    .select('id')
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

export async function findPeopleCodes(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { code: string; status: string }>();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'code', 'status'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { code: r.code, status: r.status }]));
}

/**
 * Organisations a person's records were shared with (GDPR article 19: they are told of an
 * erasure; article 15(1)(c): the person is told who received their data).
 */
export async function findRecipients(db: Executor, personId: string) {
  const cases = await db.selectFrom('cases').select('id').where('person_id', '=', personId).execute();
  const records = [
    { type: 'person', ids: [personId] },
    { type: 'case', ids: cases.map((c) => c.id) },
  ].filter((r) => r.ids.length > 0);
  return db
    .selectFrom('record_shares')
    .innerJoin('organisations', 'organisations.id', 'record_shares.org_id')
    .select([
      'record_shares.record_type as recordType',
      'record_shares.org_id as orgId',
      'organisations.name as organisation',
      'record_shares.granted_by as grantedBy',
      'record_shares.granted_at as grantedAt',
      'record_shares.revoked_at as revokedAt',
    ])
    .where((eb) =>
      eb.or(
        records.map((r) =>
          eb.and([eb('record_shares.record_type', '=', r.type), eb('record_shares.record_id', 'in', r.ids)]),
        ),
      ),
    )
    .orderBy('record_shares.granted_at')
    .execute();
}
