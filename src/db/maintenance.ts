import { sql } from 'kysely';
import { type Executor, engineOf } from './engine.js';

/**
 * Refreshes SQLite's query-planner statistics. Without them SQLite guesses that any equality
 * (`status = 'active'`, `org_id = ?`) is selective and may scan every person instead of fetching
 * a few by id; with them it picks the right index. PostgreSQL's autovacuum keeps its own.
 * Cheap when nothing changed: SQLite only re-analyses tables that grew a lot since last time.
 */
export async function refreshPlannerStatistics(db: Executor): Promise<void> {
  if (engineOf(db) !== 'sqlite') return;
  await sql`pragma optimize`.execute(db);
}
