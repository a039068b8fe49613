import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { connect } from '../../src/db/connect.js';
import type { DB, Engine } from '../../src/db/engine.js';
import { migrateToLatest } from '../../src/db/migrate.js';

export interface BenchDatabase {
  db: DB;
  engine: Engine;
  /** DATABASE_URL for a server process on the same database. */
  url: string;
  destroy(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /**
   * Keep the database between runs: a SQLite file named by benchmark only (not by process) or the
   * PostgreSQL schema, neither dropped at start nor at the end; new migrations are applied to it.
   * A benchmark whose setup takes many minutes (1,000,000 people) can then skip it next time.
   */
  keep?: boolean;
}

/** A database for one benchmark run: a temporary SQLite file or a PostgreSQL schema, fresh unless kept. */
export async function openBenchDatabase(
  engine: Engine,
  name: string,
  options: BenchDatabaseOptions = {},
): Promise<BenchDatabase> {
  const keep = options.keep === true;
  if (engine === 'sqlite') {
    const path = join(tmpdir(), `passerelle-bench-${name}${keep ? '' : `-${process.pid}`}.db`);
    if (!keep) for (const ext of ['', '-wal', '-shm']) rmSync(`${path}${ext}`, { force: true });
    const db = connect({ engine, location: path });
    await migrateToLatest(db);
    return {
      db,
      engine,
      url: `sqlite:${path}`,
      async destroy() {
        await db.destroy();
        if (!keep) for (const ext of ['', '-wal', '-shm']) rmSync(`${path}${ext}`, { force: true });
      },
    };
  }
  const url =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const schema = `bench_${name}`;
  const admin = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  if (!keep) await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(admin);
  await sql`create schema if not exists ${sql.id(schema)}`.execute(admin);
  await admin.destroy();
  const db = connect({ engine, location: url, schema });
  await migrateToLatest(db);
  const schemaUrl = new URL(url);
  schemaUrl.searchParams.set('schema', schema);
  return {
    db,
    engine,
    url: schemaUrl.toString(),
    async destroy() {
      await db.destroy();
      if (!keep && process.env.BENCH_KEEP !== '1') {
        const cleanup = new Kysely<unknown>({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
        });
        await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(cleanup);
        await cleanup.destroy();
      }
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[index]! * 100) / 100;
}

export function summarise(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: Math.round((sorted.at(-1) ?? 0) * 100) / 100,
  };
}

export function arg(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1]! : fallback;
}
