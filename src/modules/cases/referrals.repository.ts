import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { RecordSharesTable } from '../access/access.tables.js';
import type { ReferralStatus } from './cases.schema.js';
import type { CaseReferralsTable } from './cases.tables.js';

export async function insertReferral(db: Executor, row: Insertable<CaseReferralsTable>) {
  await db.insertInto('case_referrals').values(row).execute();
}

export async function findReferralsOfCase(db: Executor, caseId: string) {
  return db
    .selectFrom('case_referrals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findReferralsOfCases(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return [];
  return db.selectFrom('case_referrals').selectAll().where('case_id', 'in', caseIds).execute();
}

export async function findReferralById(db: Executor, id: string) {
  return db.selectFrom('case_referrals').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Referrals the organisation received (incoming) or sent (outgoing), newest first. */
export async function findReferralsOfOrg(
  db: Executor,
  orgId: string,
  direction: 'incoming' | 'outgoing',
  status?: ReferralStatus,
) {
  let query = db
    .selectFrom('case_referrals')
    .innerJoin('cases', 'cases.id', 'case_referrals.case_id')
    .selectAll('case_referrals')
    .select(['cases.type as case_type', 'cases.risk as case_risk'])
    .where(direction === 'incoming' ? 'case_referrals.to_org_id' : 'case_referrals.from_org_id', '=', orgId);
  if (status) query = query.where('case_referrals.status', '=', status);
  return query.orderBy('case_referrals.requested_at', 'desc').limit(200).execute();
}

/** Moves a referral on only from the state the caller read: a parallel decision answers 409. */
export async function updateReferralFrom(
  db: Executor,
  id: string,
  from: ReferralStatus,
  changes: Updateable<CaseReferralsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('case_referrals')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertShares(db: Executor, rows: Insertable<RecordSharesTable>[]) {
  if (rows.length > 0) await db.insertInto('record_shares').values(rows).execute();
}

/** Ends the shares a referral or transfer granted (its `source_id`). */
export async function revokeSharesFrom(db: Executor, sourceId: string, at: string) {
  await db
    .updateTable('record_shares')
    .set({ revoked_at: at })
    .where('source_id', '=', sourceId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findOrganisationNames(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
