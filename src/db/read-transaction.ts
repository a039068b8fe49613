import { sql, type Transaction } from 'kysely';
import { type DB, isPostgres } from './engine.js';
import type { Database } from './schema.js';

/**
 * A transaction that reads personal data and writes nothing but the audit entry of that read.
 *
 * Its commit does not wait for the disk: SQLite commits it with `synchronous = NORMAL` (the
 * connection is held, so nothing else commits under that setting, and FULL is back before it is
 * released) and PostgreSQL with `synchronous_commit = off` for this transaction only. The audit
 * entry is still written in the same transaction as the read, atomically, in chain order, and
 * survives the server process being killed; what a power cut can take is the last moments of
 * read entries, never a half-written one and never a record change (every other transaction
 * waits for the disk). Waiting for the disk on every read made the fsync the largest single
 * cost of a search or a profile view under load (1.3 to 3.4 ms of each, during which a SQLite
 * server does nothing else).
 */
export async function readTransaction<T>(
  db: DB,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (isPostgres(db)) {
    return db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      return work(trx);
    });
  }
  return db.connection().execute(async (connection) => {
    await sql`pragma synchronous = normal`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`pragma synchronous = full`.execute(connection);
    }
  });
}
