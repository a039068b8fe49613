import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { insertMerge, markMergeUndone, reopenPairs } from './duplicates.repository.js';
import type { PersonMergesTable } from './matching.tables.js';
import {
  clearHouseholdIf,
  findMovableCases,
  findMovableMemberships,
  findMovableNeeds,
  findPeopleMergedInto,
  type MembershipKey,
  markPersonMerged,
  moveCases,
  moveMemberships,
  moveNeeds,
  repointMergedPeople,
  restorePerson,
  touchPerson,
} from './merge.repository.js';

/**
 * What a merge re-pointed from the merged person to the survivor (README.md, "Merging"):
 * - kept on the merged record, which stays readable with its own registration and history:
 *   identity, history, consents (given to one organisation at one registration, not
 *   transferable), needs the survivor already has, other organisations' cases, shares, alerts;
 * - re-pointed: other active needs, current household memberships (and the household, when the
 *   survivor had none), the survivor's organisation's cases, and people merged earlier into the
 *   merged person (so every merged record points at a live one).
 */
export interface MergeMoves {
  needs: string[];
  memberships: MembershipKey[];
  householdId: string | null;
  cases: string[];
  mergedPeople: string[];
  /** Other open pairs of the two clusters, closed as `same` by this merge. */
  pairs: string[];
}

export async function mergePeople(
  trx: Executor,
  ctx: ServiceContext,
  survivor: PeopleTable,
  merged: PeopleTable,
  pairId: string,
  closedPairs: string[],
): Promise<PersonMergesTable> {
  const nowIso = ctx.now().toISOString();
  const moves: MergeMoves = {
    needs: await findMovableNeeds(trx, merged.id, survivor.id),
    memberships: await findMovableMemberships(trx, merged.id, survivor.id),
    householdId: survivor.household_id === null ? merged.household_id : null,
    cases: await findMovableCases(trx, merged.id, survivor.org_id),
    mergedPeople: await findPeopleMergedInto(trx, merged.id),
    pairs: closedPairs,
  };
  await moveNeeds(trx, moves.needs, merged.id, survivor.id);
  await moveMemberships(trx, moves.memberships, merged.id, survivor.id);
  await moveCases(trx, moves.cases, merged.id, survivor.id);
  await repointMergedPeople(trx, moves.mergedPeople, merged.id, survivor.id);
  await markPersonMerged(trx, merged.id, survivor.id, nowIso);
  await touchPerson(trx, survivor.id, nowIso, moves.householdId ?? undefined);
  const row: PersonMergesTable = {
    id: timeOrderedId(ctx.now().getTime()),
    pair_id: pairId,
    survivor_id: survivor.id,
    merged_id: merged.id,
    moved: JSON.stringify(moves),
    merged_by: ctx.actor.userId,
    merged_at: nowIso,
    undone_by: null,
    undone_at: null,
  };
  await insertMerge(trx, row);
  return row;
}

/**
 * Undoes one merge: the merged person is active again and every re-pointed link goes back.
 * Only the latest state can be undone: when the survivor was itself merged since, that later
 * merge must be undone first (409), or links would be returned to the wrong record.
 */
export async function unmergePeople(
  trx: Executor,
  ctx: ServiceContext,
  merge: PersonMergesTable,
  survivor: PeopleTable,
  merged: PeopleTable,
): Promise<MergeMoves> {
  if (survivor.status !== 'active' || merged.status !== 'merged' || merged.merged_into !== survivor.id) {
    throw new AppError(
      'invalid_state',
      'The records changed since this merge (a later merge involves them): undo that merge first.',
    );
  }
  const moves = JSON.parse(merge.moved) as MergeMoves;
  const nowIso = ctx.now().toISOString();
  await restorePerson(trx, merged.id, nowIso);
  await moveNeeds(trx, moves.needs, survivor.id, merged.id);
  await moveMemberships(trx, moves.memberships, survivor.id, merged.id);
  await moveCases(trx, moves.cases, survivor.id, merged.id);
  await repointMergedPeople(trx, moves.mergedPeople, survivor.id, merged.id);
  if (moves.householdId) await clearHouseholdIf(trx, survivor.id, moves.householdId);
  await touchPerson(trx, survivor.id, nowIso);
  await reopenPairs(trx, moves.pairs);
  await markMergeUndone(trx, merge.id, ctx.actor.userId, nowIso);
  return moves;
}
