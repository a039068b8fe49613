import { sql } from 'kysely';
import type { Executor } from '../../../db/engine.js';
import { generatePersonCode } from '../../registry/person-code.js';
import { codeExists } from '../../registry/registry.repository.js';
import { resolveAlertsOf, shredCases, shredCounsellingSessions, shredTracingRequests } from './shredders.js';

/*
 * Erasing a person, record by record (docs/data-protection.md lists the same):
 * - person_keys row deleted: identity, photo, history, family links, reunification and pathway
 *   notes — everything sealed with the person's key — cannot be opened anywhere again;
 * - blind-index rows deleted, so no search reaches the record; status 'erased'; the identity
 *   ciphertext and photo are cleared too, and the card code replaced so the printed card no
 *   longer points at the remaining row;
 * - records merged into this one are the same person and are erased with it;
 * - their cases' keys, their counselling notes and the tracing requests they made are shredded;
 * - household memberships end (the other members' records are theirs and stay);
 * - another person's family link that pointed at this record keeps its text (sealed with that
 *   person's key) but no longer names this record; proposed tracing matches on it are dropped;
 * - open duplicate-review pairs and alerts about the person are closed;
 * - sex, birth year, nationality, languages, site, needs codes, consents, stays and case facts stay
 *   as they are, so reports keep adding up.
 */

export interface PersonShredSummary {
  people: number;
  personKeys: number;
  indexRows: number;
  caseKeys: number;
  counsellingNotes: number;
  tracingRequests: number;
  householdMemberships: number;
  alertsResolved: number;
}

/** The person and every record merged into them (merges can chain). */
async function withMergedRecords(trx: Executor, personId: string): Promise<string[]> {
  const ids = new Set([personId]);
  let frontier = [personId];
  while (frontier.length > 0) {
    const rows = await trx.selectFrom('people').select('id').where('merged_into', 'in', frontier).execute();
    frontier = rows.map((r) => r.id).filter((id) => !ids.has(id));
    for (const id of frontier) ids.add(id);
  }
  return [...ids];
}

async function freshCode(trx: Executor): Promise<string> {
  for (;;) {
    const code = generatePersonCode();
    if (!(await codeExists(trx, code))) return code;
  }
}

/** Erases one person inside the caller's transaction. Idempotent: a second run changes nothing. */
export async function shredPerson(
  trx: Executor,
  personId: string,
  nowIso: string,
): Promise<PersonShredSummary> {
  const ids = await withMergedRecords(trx, personId);
  const keys = await trx.deleteFrom('person_keys').where('person_id', 'in', ids).executeTakeFirst();
  const index = await trx.deleteFrom('person_index').where('person_id', 'in', ids).executeTakeFirst();

  let people = 0;
  const live = await trx
    .selectFrom('people')
    .select(['id', 'status'])
    .where('id', 'in', ids)
    .where('status', '!=', 'erased')
    .execute();
  for (const row of live) {
    await trx
      .updateTable('people')
      .set({
        status: 'erased',
        identity: '',
        photo: null,
        code: await freshCode(trx),
        updated_at: nowIso,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', row.id)
      .execute();
    people += 1;
  }

  const cases = await trx.selectFrom('cases').select('id').where('person_id', 'in', ids).execute();
  const caseKeys = await shredCases(
    trx,
    cases.map((c) => c.id),
    nowIso,
  );
  const sessions = await trx
    .selectFrom('counselling_sessions')
    .select('id')
    .where('person_id', 'in', ids)
    .execute();
  const counsellingNotes = await shredCounsellingSessions(
    trx,
    sessions.map((s) => s.id),
  );
  const requests = await trx
    .selectFrom('tracing_requests')
    .select('id')
    .where('enquirer_person_id', 'in', ids)
    .execute();
  const tracingRequests = await shredTracingRequests(
    trx,
    requests.map((r) => r.id),
    nowIso,
  );
  await trx
    .deleteFrom('tracing_matches')
    .where('person_id', 'in', ids)
    .where('status', '=', 'proposed')
    .execute();
  await trx
    .updateTable('family_links')
    .set({ relative_person_id: null })
    .where('relative_person_id', 'in', ids)
    .execute();

  const memberships = await trx
    .updateTable('household_members')
    .set({ left_at: nowIso })
    .where('person_id', 'in', ids)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  await trx
    .deleteFrom('duplicate_pairs')
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)]))
    .execute();
  const alertsResolved = await resolveAlertsOf(
    trx,
    { personIds: ids, entity: 'person', entityIds: ids },
    nowIso,
  );

  return {
    people,
    personKeys: Number(keys.numDeletedRows),
    indexRows: Number(index.numDeletedRows),
    caseKeys,
    counsellingNotes,
    tracingRequests,
    householdMemberships: Number(memberships.numUpdatedRows),
    alertsResolved,
  };
}
