import type { Executor } from '../../../db/engine.js';
import type { Actor } from '../../access/actor.js';
import { scopeToActor } from '../../access/scope.js';

/**
 * When an erased person was erased, if the actor could have seen them (same scope rule as a live
 * record); undefined otherwise, so an erased record outside the scope reads as never existing.
 * The ledger's date comes first: after a restore the row's updated_at is the time of the replay.
 */
export async function findErasureInScope(
  db: Executor,
  actor: Actor,
  personId: string,
): Promise<string | undefined> {
  const row = await scopeToActor(
    db
      .selectFrom('people')
      .leftJoin('erasure_ledger', (join) =>
        join
          .onRef('erasure_ledger.subject_id', '=', 'people.id')
          .on('erasure_ledger.subject_type', '=', 'person'),
      )
      .select(['people.updated_at', 'erasure_ledger.erased_at']),
    actor,
    'people',
    'person',
  )
    .where('people.id', '=', personId)
    .where('people.status', '=', 'erased')
    .executeTakeFirst();
  return row ? (row.erased_at ?? row.updated_at) : undefined;
}
