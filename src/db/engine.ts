import { type Kysely, PostgresAdapter, type Transaction } from 'kysely';
import type { Database } from './schema.js';

/** A connection or an open transaction: repositories accept either, as in Kysely's example app. */
export type Executor = Kysely<Database> | Transaction<Database>;
export type DB = Kysely<Database>;

export type Engine = 'sqlite' | 'postgres';

export function engineOf(db: Executor): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

export function isPostgres(db: Executor): boolean {
  return engineOf(db) === 'postgres';
}
