import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import type {
  LegalHoldsTable,
  RetentionPoliciesTable,
  RetentionRunsTable,
} from '../dataprotection.tables.js';

export async function findPolicies(db: Executor, orgId: string) {
  return db
    .selectFrom('retention_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('record_type')
    .orderBy('record_status')
    .execute();
}

export async function findPolicy(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('retention_policies')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findPolicyFor(db: Executor, orgId: string, recordType: string, recordStatus: string) {
  return db
    .selectFrom('retention_policies')
    .select('id')
    .where('org_id', '=', orgId)
    .where('record_type', '=', recordType)
    .where('record_status', '=', recordStatus)
    .executeTakeFirst();
}

export async function insertPolicy(db: Executor, row: Insertable<RetentionPoliciesTable>) {
  await db.insertInto('retention_policies').values(row).execute();
}

/** Applies the change only if the policy is still at `version` (two officers editing at once). */
export async function updatePolicy(
  db: Executor,
  id: string,
  version: number,
  changes: Updateable<RetentionPoliciesTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('retention_policies')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Organisations with a policy that is not paused: the daily job's work list. */
export async function findOrgsWithPolicies(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('retention_policies')
    .select('org_id')
    .where('mode', '!=', 'paused')
    .groupBy('org_id')
    .execute();
  return rows.map((r) => r.org_id);
}

/** Active holds of an organisation: open-ended or ending today or later. */
export async function findActiveHolds(db: Executor, orgId: string, todayIso: string) {
  return db
    .selectFrom('legal_holds')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('released_at', 'is', null)
    .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '>=', todayIso)]))
    .orderBy('placed_at', 'desc')
    .execute();
}

export async function findHold(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('legal_holds')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertHold(db: Executor, row: Insertable<LegalHoldsTable>) {
  await db.insertInto('legal_holds').values(row).execute();
}

export async function releaseHold(db: Executor, id: string, by: string | null, at: string) {
  const result = await db
    .updateTable('legal_holds')
    .set({ released_by: by, released_at: at })
    .where('id', '=', id)
    .where('released_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Active holds on any of these records (a person's own, and their cases'). */
export async function findHoldsOnRecords(
  db: Executor,
  records: Array<{ type: string; ids: readonly string[] }>,
  todayIso: string,
) {
  const wanted = records.filter((r) => r.ids.length > 0);
  if (wanted.length === 0) return [];
  return db
    .selectFrom('legal_holds')
    .selectAll()
    .where('released_at', 'is', null)
    .where((eb) => eb.or([eb('held_until', 'is', null), eb('held_until', '>=', todayIso)]))
    .where((eb) =>
      eb.or(wanted.map((r) => eb.and([eb('record_type', '=', r.type), eb('record_id', 'in', r.ids)]))),
    )
    .execute();
}

export async function insertRun(db: Executor, row: Insertable<RetentionRunsTable>) {
  await db.insertInto('retention_runs').values(row).execute();
}

export async function finishRun(db: Executor, id: string, finishedAt: string, report: string) {
  await db
    .updateTable('retention_runs')
    .set({ finished_at: finishedAt, report })
    .where('id', '=', id)
    .execute();
}

export async function findRuns(db: Executor, orgId: string, limit: number, dryRunOnly = false) {
  let query = db.selectFrom('retention_runs').selectAll().where('org_id', '=', orgId);
  if (dryRunOnly) query = query.where('dry_run', '=', 1);
  return query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}
