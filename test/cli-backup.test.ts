import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase, testEngines } from './helpers/engines.js';

const key = () => randomBytes(32).toString('base64');

for (const engine of testEngines()) {
  describe(`passerelle backup and restore [${engine}]`, () => {
    let database: TestDatabase;
    let targetUrl = '';
    const cleanups: Array<() => Promise<void>> = [];
    const file = join(tmpdir(), `passerelle-cli-backup-${randomBytes(4).toString('hex')}.bak`);
    const master = key();
    const backupKey = key();

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      if (engine === 'sqlite') {
        const path = join(tmpdir(), `passerelle-cli-restore-${randomBytes(4).toString('hex')}.db`);
        targetUrl = `sqlite:${path}`;
        cleanups.push(async () => {
          for (const ext of ['', '-wal', '-shm']) rmSync(`${path}${ext}`, { force: true });
        });
      } else {
        const source = new URL(database.url);
        const admin = new Kysely<unknown>({
          dialect: new PostgresDialect({
            pool: new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 }),
          }),
        });
        const name = `cli_restore_${randomBytes(4).toString('hex')}`;
        await sql`create database ${sql.id(name)}`.execute(admin);
        source.pathname = `/${name}`;
        targetUrl = source.toString();
        cleanups.push(async () => {
          await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
          await admin.destroy();
        });
      }
    }, 60_000);
    afterAll(async () => {
      rmSync(file, { force: true });
      rmSync(`${file}.ledger.jsonl`, { force: true });
      for (const cleanup of cleanups) await cleanup();
      await database.destroy();
    });

    it('backs up a seeded database, refuses a non-empty target, restores into an empty one', async () => {
      const env = {
        DATABASE_URL: database.url,
        PASSERELLE_MASTER_KEY: master,
        PASSERELLE_BACKUP_KEY: backupKey,
        // Not the default beside the database (the shared temporary directory, or ./data).
        PASSERELLE_ERASURE_LEDGER: `${file}.ledger.jsonl`,
      };
      const seeded = await runCliProcess(['seed', '--demo', '--people', '20'], env);
      expect(seeded.code, seeded.stderr).toBe(0);

      const sameKey = await runCliProcess(['backup', '--out', file], {
        ...env,
        PASSERELLE_BACKUP_KEY: master,
      });
      expect(sameKey.code).not.toBe(0);
      expect(sameKey.stderr).toContain('must not be the master key');

      const backup = await runCliProcess(['backup', '--out', file], env);
      expect(backup.code, backup.stderr).toBe(0);
      expect(backup.stdout).toMatch(/backup written to .* bytes, encrypted/);

      const intoLive = await runCliProcess(['restore', '--in', file], env);
      expect(intoLive.code).not.toBe(0);
      expect(intoLive.stderr).toContain('not empty');

      const restored = await runCliProcess(['restore', '--in', file], { ...env, DATABASE_URL: targetUrl });
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toContain('audit chain intact');
      const verify = await runCliProcess(['audit', 'verify'], { ...env, DATABASE_URL: targetUrl });
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);

      const help = await runCliProcess(['restore', '--help'], {});
      expect(help.stdout).toMatch(/--in <file>/);
    }, 240_000);
  });
}
