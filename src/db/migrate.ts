import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResult,
  Migrator,
  sql,
} from 'kysely';
import { isPostgres } from './engine.js';
import type { Database } from './schema.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/**
 * Reads every migration file in src/db/migrations (or dist/…/migrations once built).
 * Each module owns its own numbered file, so modules never edit a shared index.
 */
class DirectoryMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR))
      .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('.test.'))
      .sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const name = file.replace(/\.(ts|js)$/, '');
      migrations[name] = (await import(pathToFileURL(`${MIGRATIONS_DIR}${file}`).href)) as Migration;
    }
    return migrations;
  }
}

export async function migrateToLatest(
  db: Kysely<Database>,
  onStep?: (name: string) => void,
): Promise<string[]> {
  // On PostgreSQL the migration tables live in the connection's own schema: Kysely's existence
  // check looks across schemas, and several databases (tests, tenants) may share one server.
  const schema = isPostgres(db)
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: new DirectoryMigrationProvider(),
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  let { error, results } = await migrator.migrateToLatest();
  // Kysely checks that its migration table exists by introspecting every schema on the server; a
  // schema another process drops at that moment (tests, tenants) fails the check with "does not
  // exist" before any migration ran. Nothing was written then, so it is safe to look again.
  for (let attempt = 1; attempt <= 5 && error && isIntrospectionRace(error, results); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    ({ error, results } = await migrator.migrateToLatest());
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  for (const name of applied) onStep?.(name);
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(
      `migration ${failed ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return applied;
}

function isIntrospectionRace(error: unknown, results: MigrationResult[] | undefined): boolean {
  const nothingRan = !results?.some((r) => r.status !== 'NotExecuted');
  return nothingRan && error instanceof Error && /does not exist/.test(error.message);
}
