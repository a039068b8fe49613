import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Engine } from './engine.js';
import type { Database } from './schema.js';

export interface ConnectionTarget {
  engine: Engine;
  /** SQLite file path, or the PostgreSQL connection string. */
  location: string;
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string;
}

export const DEFAULT_DATABASE_URL = 'sqlite:./data/passerelle.db';

export function parseDatabaseUrl(url: string = DEFAULT_DATABASE_URL): ConnectionTarget {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get('schema') ?? undefined;
    parsed.searchParams.delete('schema');
    return { engine: 'postgres', location: parsed.toString(), schema };
  }
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path.length === 0)
      throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/passerelle.db');
    return { engine: 'sqlite', location: path === ':memory:' ? path : resolve(path) };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0]}:…")`);
}

// pg returns int8 (count(*), bigint columns) as strings; our counts fit in a double.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function connect(target: ConnectionTarget): Kysely<Database> {
  if (target.engine === 'sqlite') {
    if (target.location !== ':memory:') mkdirSync(dirname(target.location), { recursive: true });
    const sqlite = new SQLite(target.location);
    sqlite.pragma('journal_mode = WAL');
    // FULL: an acknowledged registration survives power loss, not only a process crash.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 10000');
    // Deleted rows are zeroed on disk: an erased person's wrapped data key must not linger in free
    // pages of the file, where anyone holding the file and the master key could still find it.
    sqlite.pragma('secure_delete = ON');
    // Reads through a memory map and a 64 MB page cache instead of a read() per page: a name
    // search or duplicate check fetches dozens of people scattered over the file, and this halved
    // the cost of those fetches at 100,000 people (4.2 → 1.6 ms for 60 people and their keys).
    sqlite.pragma('mmap_size = 268435456');
    sqlite.pragma('cache_size = -65536');
    // Planner statistics, as SQLite recommends for long-lived connections: gathered at open when
    // missing, then refreshed hourly (src/db/maintenance.ts explains why they matter here).
    sqlite.pragma('optimize = 0x10002');
    const optimizeHourly = setInterval(() => {
      if (sqlite.open) sqlite.pragma('optimize');
    }, 3_600_000);
    optimizeHourly.unref();
    return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  }
  const pool = new pg.Pool({
    connectionString: target.location,
    max: Number(process.env.PG_POOL_MAX ?? 10),
    options: target.schema ? `-c search_path=${quoteIdent(target.schema)}` : undefined,
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Kysely prepares every statement on each execution; better-sqlite3 statements are reusable, and
 * preparing is a large share of a small query's cost. Cache the most recent ones by SQL text.
 */
function withStatementCache(sqlite: SQLite.Database, size = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        // Kysely begins with a deferred `begin`. With several server processes on one file, a
        // transaction that reads and then writes could then fail at once with SQLITE_BUSY when
        // another process committed in between (the busy timeout does not apply to that case);
        // taking the write lock at `begin` makes it wait its turn instead.
        statement = sqlite.prepare(sql === 'begin' ? 'begin immediate' : sql);
        if (cache.size >= size) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`invalid schema name ${name}`);
  return name;
}
