import { type DB, isPostgres } from '../../db/engine.js';
import {
  countPendingRollupChanges,
  countRollupAfresh,
  foldRollup,
  lockRollupSources,
  ROLLUP_KEYS,
  ROLLUP_TABLES,
  type RollupRow,
  type RollupTable,
  readRollup,
  refillRollup,
  resetPendingRollupChanges,
  tryLockFold,
} from './rollups.repository.js';

/**
 * Trigger runs after which a report folds the rollups before reading them: each run appends at
 * most a few hundred rows (a bulk batch of 1,000 people, grouped), so a report sums at most a
 * few tens of thousands of unfolded rows besides the folded ones.
 */
export const FOLD_AFTER_CHANGES = 200;

/** Folds PostgreSQL's appended rollup rows when enough have built up; nothing to do on SQLite. */
export async function foldReportRollupsIfDue(db: DB, after = FOLD_AFTER_CHANGES): Promise<boolean> {
  if (!isPostgres(db)) return false;
  if ((await countPendingRollupChanges(db)) < after) return false;
  return foldReportRollups(db);
}

/** One row per key in every rollup (PostgreSQL); false when another process is folding already. */
export async function foldReportRollups(db: DB): Promise<boolean> {
  if (!isPostgres(db)) return false;
  return db.transaction().execute(async (trx) => {
    if (!(await tryLockFold(trx))) return false;
    // Counted before folding: runs that end during the fold are counted again, never lost.
    await resetPendingRollupChanges(trx);
    for (const table of ROLLUP_TABLES) await foldRollup(trx, table);
    return true;
  });
}

/** Recounts every rollup from the base tables, writers held off meanwhile (repair after drift). */
export async function rebuildReportRollups(db: DB): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockRollupSources(trx);
    for (const table of ROLLUP_TABLES) await refillRollup(trx, table);
    if (isPostgres(trx)) await resetPendingRollupChanges(trx);
  });
}

export interface RollupDifference {
  table: RollupTable;
  key: RollupRow;
  rollup: number;
  afresh: number;
}

/** Every key on which a rollup and a fresh count of the base tables disagree (none: no drift). */
export async function checkReportRollups(db: DB): Promise<RollupDifference[]> {
  const run = db.transaction();
  // One snapshot for both readings, so that a registration in between is not taken for drift.
  return (isPostgres(db) ? run.setIsolationLevel('repeatable read') : run).execute(async (trx) => {
    const differences: RollupDifference[] = [];
    for (const table of ROLLUP_TABLES) {
      const keyOf = (row: RollupRow) => ROLLUP_KEYS[table].map((k) => String(row[k])).join('|');
      const [kept, afresh] = await Promise.all([readRollup(trx, table), countRollupAfresh(trx, table)]);
      const byKey = new Map<string, { key: RollupRow; rollup: number; afresh: number }>();
      for (const row of kept) byKey.set(keyOf(row), { key: row, rollup: Number(row.n), afresh: 0 });
      for (const row of afresh) {
        const entry = byKey.get(keyOf(row)) ?? { key: row, rollup: 0, afresh: 0 };
        entry.afresh = Number(row.n);
        byKey.set(keyOf(row), entry);
      }
      for (const { key, rollup, afresh: fresh } of byKey.values()) {
        if (rollup === fresh) continue;
        const { n: _n, ...dimensions } = key;
        differences.push({ table, key: dimensions, rollup, afresh: fresh });
      }
    }
    return differences;
  });
}
