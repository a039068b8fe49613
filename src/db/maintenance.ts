import { sql } from 'kysely';
import { type Executor, engineOf } from './engine.js';

/** The tables a bulk registration or import fills (names resolve in the connection's schema). */
const BULK_TABLES = ['people', 'person_index', 'person_keys', 'households', 'specific_needs', 'consents'];

/**
 * Refreshes the query planner's statistics after bulk writes. Without them SQLite guesses that any
 * equality (`status = 'active'`, `org_id = ?`) is selective and may scan every person instead of
 * fetching a few by id; PostgreSQL, until autovacuum catches up, took a site of 200,000 people for
 * a site of 6 and ran a report's needs query for 34 s instead of 150 ms. SQLite only re-analyses
 * tables that grew a lot since last time; PostgreSQL samples the named tables.
 */
export async function refreshPlannerStatistics(db: Executor): Promise<void> {
  if (engineOf(db) === 'sqlite') {
    await sql`pragma optimize`.execute(db);
    return;
  }
  await sql`analyze ${sql.join(BULK_TABLES.map((table) => sql.id(table)))}`.execute(db);
}
