import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { DuplicatePairsTable } from './matching.tables.js';

/** Active people in id order, a batch at a time, for the whole-registry run (it acts as the system). */
export async function findActivePeopleAfter(db: Executor, afterId: string, limit: number) {
  return db
    .selectFrom('people')
    .selectAll()
    .where('status', '=', 'active')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countActivePeople(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('people')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** "a|b" of every pair a reviewer decided: a run never proposes them again. */
export async function findDecidedPairKeys(db: Executor): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duplicate_pairs')
    .select(['person_a', 'person_b'])
    .where('status', '!=', 'open')
    .execute();
  return new Set(rows.map((r) => `${r.person_a}|${r.person_b}`));
}

/**
 * Proposes pairs: new ones are inserted, open ones get this run's score (and keep their id, so a
 * reviewer's open page stays valid); a decided pair is never touched.
 */
export async function upsertOpenPairs(db: Executor, rows: Insertable<DuplicatePairsTable>[]) {
  if (rows.length === 0) return;
  await db
    .insertInto('duplicate_pairs')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['person_a', 'person_b'])
        .doUpdateSet((eb) => ({
          probability: eb.ref('excluded.probability'),
          weight: eb.ref('excluded.weight'),
          explanation: eb.ref('excluded.explanation'),
          run_id: eb.ref('excluded.run_id'),
        }))
        .where('duplicate_pairs.status', '=', 'open'),
    )
    .execute();
}

/** Open pairs the latest run no longer proposes (records edited, model retrained). */
export async function deleteOpenPairsNotFoundBy(db: Executor, runId: string): Promise<number> {
  const result = await db
    .deleteFrom('duplicate_pairs')
    .where('status', '=', 'open')
    .where((eb) => eb.or([eb('run_id', 'is', null), eb('run_id', '!=', runId)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('person_merges')
            .select('id')
            .whereRef('person_merges.pair_id', '=', 'duplicate_pairs.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findJob(db: Executor, id: string, kind: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).where('kind', '=', kind).executeTakeFirst();
}

/** A run still queued or running, so that a second request joins it instead of starting another. */
export async function findUnfinishedJob(db: Executor, kind: string) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .where('status', 'in', ['queued', 'running'])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

export async function findLatestJob(db: Executor, kind: string) {
  return db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', kind)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
