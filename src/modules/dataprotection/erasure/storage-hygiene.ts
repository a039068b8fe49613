import { sql } from 'kysely';
import type { DB } from '../../../db/engine.js';
import { isPostgres } from '../../../db/engine.js';
import { foldReportRollups } from '../../reporting/rollups.service.js';

/**
 * On PostgreSQL the report rollups take each change as appended +1/-1 rows
 * (reporting/rollups.service.ts): until they are folded, the rows of an erased person's sex,
 * birth year, site and day of registration stand apart from everyone else's. Folding them at once
 * leaves only the sums (a fold already running elsewhere folds them, or the next one does).
 *
 * After shredding on SQLite: deleted rows were zeroed in the database pages (secure_delete, set in
 * connect.ts), but the write-ahead log still holds the pages as they were until a checkpoint
 * copies them back and truncates it. On PostgreSQL old row versions stay in the table files until
 * vacuum reuses their space; docs/data-protection.md says what that means and what covers it.
 */
export async function flushShreddedPages(db: DB): Promise<void> {
  if (isPostgres(db)) {
    await foldReportRollups(db);
    return;
  }
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
}
