import { sql } from 'kysely';
import type { Executor } from '../../db/engine.js';

/**
 * The rows a merge re-points from the merged person to the survivor, and back on unmerge. Each
 * undo only touches rows that still point where the merge left them, so later edits survive.
 * These are other modules' tables (registry, cases): re-pointing a person's links is the one
 * write matching makes to them, kept here in one place.
 */

export async function findPeopleMergedInto(db: Executor, personId: string): Promise<string[]> {
  const rows = await db.selectFrom('people').select('id').where('merged_into', '=', personId).execute();
  return rows.map((r) => r.id);
}

export async function repointMergedPeople(db: Executor, ids: readonly string[], from: string, to: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('people')
    .set({ merged_into: to })
    .where('id', 'in', ids)
    .where('merged_into', '=', from)
    .execute();
}

export async function markPersonMerged(db: Executor, id: string, survivorId: string, at: string) {
  await db
    .updateTable('people')
    .set({ status: 'merged', merged_into: survivorId, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

export async function restorePerson(db: Executor, id: string, at: string) {
  await db
    .updateTable('people')
    .set({ status: 'active', merged_into: null, updated_at: at, version: sql`version + 1` })
    .where('id', '=', id)
    .where('status', '=', 'merged')
    .execute();
}

/** Bumps the version, so an edit opened before the merge notices the record changed. */
export async function touchPerson(db: Executor, id: string, at: string, householdId?: string | null) {
  await db
    .updateTable('people')
    .set({
      updated_at: at,
      version: sql`version + 1`,
      ...(householdId !== undefined ? { household_id: householdId } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Active needs of `from` whose code `to` does not already have (those stay with `from`). */
export async function findMovableNeeds(db: Executor, from: string, to: string): Promise<string[]> {
  const rows = await db
    .selectFrom('specific_needs as n')
    .select('n.id')
    .where('n.person_id', '=', from)
    .where('n.removed_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('specific_needs as s')
            .select('s.id')
            .where('s.person_id', '=', to)
            .where('s.removed_at', 'is', null)
            .whereRef('s.code', '=', 'n.code'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function moveNeeds(db: Executor, ids: readonly string[], from: string, to: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('specific_needs')
    .set({ person_id: to })
    .where('id', 'in', ids)
    .where('person_id', '=', from)
    .execute();
}

export interface MembershipKey {
  householdId: string;
  joinedAt: string;
}

/** Current memberships of `from` in households where `to` is not a current member. */
export async function findMovableMemberships(
  db: Executor,
  from: string,
  to: string,
): Promise<MembershipKey[]> {
  const rows = await db
    .selectFrom('household_members as m')
    .select(['m.household_id', 'm.joined_at'])
    .where('m.person_id', '=', from)
    .where('m.left_at', 'is', null)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('household_members as o')
            .select('o.person_id')
            .where('o.person_id', '=', to)
            .where('o.left_at', 'is', null)
            .whereRef('o.household_id', '=', 'm.household_id'),
        ),
      ),
    )
    .execute();
  return rows.map((r) => ({ householdId: r.household_id, joinedAt: r.joined_at }));
}

export async function moveMemberships(
  db: Executor,
  keys: readonly MembershipKey[],
  from: string,
  to: string,
) {
  for (const key of keys) {
    await db
      .updateTable('household_members')
      .set({ person_id: to })
      .where('household_id', '=', key.householdId)
      .where('joined_at', '=', key.joinedAt)
      .where('person_id', '=', from)
      .execute();
  }
}

/** Cases of `from` owned by `orgId` (the survivor's organisation); other organisations' stay. */
export async function findMovableCases(db: Executor, from: string, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('cases')
    .select('id')
    .where('person_id', '=', from)
    .where('org_id', '=', orgId)
    .execute();
  return rows.map((r) => r.id);
}

export async function moveCases(db: Executor, ids: readonly string[], from: string, to: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('cases')
    .set({ person_id: to })
    .where('id', 'in', ids)
    .where('person_id', '=', from)
    .execute();
}

export async function clearHouseholdIf(db: Executor, personId: string, householdId: string) {
  await db
    .updateTable('people')
    .set({ household_id: null })
    .where('id', '=', personId)
    .where('household_id', '=', householdId)
    .execute();
}
