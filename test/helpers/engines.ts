import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { connect } from '../../src/db/connect.js';
import type { DB, Engine } from '../../src/db/engine.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * Engines the tests run on: SQLite always; PostgreSQL when TEST_DATABASE_URL is set. Under CI
 * a missing PostgreSQL is an error, never a silent skip.
 */
export function testEngines(): Engine[] {
  if (process.env.TEST_DATABASE_URL) return ['sqlite', 'postgres'];
  if (process.env.CI === 'true')
    throw new Error('CI=true but TEST_DATABASE_URL is not set: PostgreSQL tests would be skipped');
  return ['sqlite'];
}

export interface TestDatabase {
  db: DB;
  engine: Engine;
  /** For tests that open a second connection or start a server process on the same database. */
  url: string;
  /** Raw location (SQLite file) for tests that inspect what is stored on disk. */
  sqlitePath?: string;
  schema?: string;
  destroy(): Promise<void>;
}

/** A fresh, migrated database: a temporary SQLite file, or a new PostgreSQL schema. */
export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString('hex');
  if (engine === 'sqlite') {
    const path = join(tmpdir(), `passerelle-test-${process.pid}-${suffix}.db`);
    const db = connect({ engine: 'sqlite', location: path });
    await migrateToLatest(db);
    return {
      db,
      engine,
      url: `sqlite:${path}`,
      sqlitePath: path,
      async destroy() {
        await db.destroy();
        for (const ext of ['', '-wal', '-shm']) rmSync(`${path}${ext}`, { force: true });
      },
    };
  }
  const baseUrl = process.env.TEST_DATABASE_URL ?? '';
  const schema = `t_${suffix}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: baseUrl, max: 1 }) }),
  });
  await sql`create schema ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const db = connect({ engine: 'postgres', location: baseUrl, schema });
  await migrateToLatest(db);
  const url = new URL(baseUrl);
  url.searchParams.set('schema', schema);
  return {
    db,
    engine,
    url: url.toString(),
    schema,
    async destroy() {
      await db.destroy();
      const cleanup = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: baseUrl, max: 1 }) }),
      });
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup);
      await cleanup.destroy();
    },
  };
}
