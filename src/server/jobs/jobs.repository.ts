import { sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import { isPostgres } from '../../db/engine.js';
import type { JobsTable } from '../../db/system.tables.js';

export async function insertJob(db: Executor, row: JobsTable): Promise<boolean> {
  const result = await db
    .insertInto('jobs')
    .values(row)
    .onConflict((oc) => oc.column('unique_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Claims one due job for this process. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets several server
 * processes claim side by side without waiting on each other; SQLite serialises writers anyway.
 * A job whose claim expired (its process died) is claimable again.
 */
export async function claimNextJob(
  db: Executor,
  kinds: string[],
  instanceId: string,
  nowIso: string,
  leaseUntilIso: string,
): Promise<JobsTable | undefined> {
  return db.transaction().execute(async (trx) => {
    let candidate = trx
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', kinds)
      .where('run_at', '<=', nowIso)
      .where((eb) =>
        eb.or([
          eb('status', '=', 'queued'),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<', nowIso)]),
        ]),
      )
      .orderBy('run_at')
      .limit(1);
    if (isPostgres(trx)) candidate = candidate.forUpdate().skipLocked();
    const next = await candidate.executeTakeFirst();
    if (!next) return undefined;
    const claimed = await trx
      .updateTable('jobs')
      .set({
        status: 'running',
        locked_by: instanceId,
        locked_until: leaseUntilIso,
        attempts: sql`attempts + 1`,
      })
      .where('id', '=', next.id)
      .returningAll()
      .executeTakeFirst();
    return claimed;
  });
}

export async function finishJob(
  db: Executor,
  id: string,
  instanceId: string,
  outcome: {
    status: 'done' | 'failed' | 'queued';
    result?: string;
    error?: string;
    runAt?: string;
    nowIso: string;
  },
) {
  await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      result: outcome.result ?? null,
      last_error: outcome.error ?? null,
      locked_by: null,
      locked_until: null,
      finished_at: outcome.status === 'queued' ? null : outcome.nowIso,
      ...(outcome.runAt ? { run_at: outcome.runAt } : {}),
    })
    .where('id', '=', id)
    .where('locked_by', '=', instanceId)
    .execute();
}

export async function updateJobProgress(db: Executor, id: string, progress: string) {
  await db.updateTable('jobs').set({ progress }).where('id', '=', id).execute();
}

export async function findJobById(db: Executor, id: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}
