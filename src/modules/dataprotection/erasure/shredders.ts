import type { Executor } from '../../../db/engine.js';

/*
 * What "erased" means for each kind of record, as SQL inside the caller's transaction. Every
 * shredder deletes the data keys that protect the record's free text (crypto-shredding: the
 * ciphertext left behind, in this database and in every backup of it, cannot be opened) and keeps
 * the plain, non-identifying columns that reports count. All are idempotent: the restore of an
 * old backup replays them from the erasure ledger.
 */

export const SUBJECT_TYPES = [
  'person',
  'case',
  'counselling_session',
  'incident',
  'tracing_request',
] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export function isSubjectType(value: string): value is SubjectType {
  return (SUBJECT_TYPES as readonly string[]).includes(value);
}

/** Closes the alerts a shredded record raised: nobody can act on a record without its text. */
export async function resolveAlertsOf(
  trx: Executor,
  match: { personIds?: readonly string[]; entity?: string; entityIds?: readonly string[] },
  nowIso: string,
): Promise<number> {
  const { personIds = [], entity, entityIds = [] } = match;
  if (personIds.length === 0 && entityIds.length === 0) return 0;
  const result = await trx
    .updateTable('alerts')
    .set({ state: 'resolved', resolved_at: nowIso, resolved_by: null })
    .where('state', '=', 'open')
    .where((eb) =>
      eb.or([
        ...(personIds.length > 0 ? [eb('person_id', 'in', personIds)] : []),
        ...(entity && entityIds.length > 0
          ? [eb.and([eb('entity', '=', entity), eb('entity_id', 'in', entityIds)])]
          : []),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A case: its data key goes (risk reason, assessments, plans, notes, attachments); facts stay. */
export async function shredCases(trx: Executor, caseIds: readonly string[], nowIso: string): Promise<number> {
  if (caseIds.length === 0) return 0;
  const result = await trx.deleteFrom('case_keys').where('case_id', 'in', caseIds).executeTakeFirst();
  await resolveAlertsOf(trx, { entity: 'case', entityIds: caseIds }, nowIso);
  return Number(result.numDeletedRows);
}

/**
 * Counselling notes: the notes column is cleared. The session's wrapped key stays (the column is
 * required) but no longer protects anything; old backups are covered by the ledger replay.
 */
export async function shredCounsellingSessions(trx: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('counselling_sessions')
    .set({ notes: null })
    .where('id', 'in', ids)
    .where('notes', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Incidents: the description (which may name victims) and its key; kind, severity, date stay. */
export async function shredIncidents(trx: Executor, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('incidents')
    .set({ description: null, wrapped_key: null, key_version: null })
    .where('id', 'in', ids)
    .where('wrapped_key', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * A tracing request: its key (who is looking, who is sought) and its name indexes go, and it is
 * closed. Proposed matches are dropped; decided ones stay as the plain fact that a match was made.
 */
export async function shredTracingRequests(
  trx: Executor,
  ids: readonly string[],
  nowIso: string,
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .deleteFrom('tracing_request_keys')
    .where('request_id', 'in', ids)
    .executeTakeFirst();
  await trx.deleteFrom('tracing_request_index').where('request_id', 'in', ids).execute();
  await trx
    .deleteFrom('tracing_matches')
    .where('request_id', 'in', ids)
    .where('status', '=', 'proposed')
    .execute();
  await trx
    .updateTable('tracing_requests')
    .set({ status: 'closed', closed_at: nowIso, updated_at: nowIso })
    .where('id', 'in', ids)
    .where('status', '!=', 'closed')
    .execute();
  await resolveAlertsOf(trx, { entity: 'tracing_request', entityIds: ids }, nowIso);
  return Number(result.numDeletedRows);
}
