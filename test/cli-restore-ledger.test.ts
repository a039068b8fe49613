import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deriveKeyRing } from '../src/crypto/index.js';
import { connect, parseDatabaseUrl } from '../src/db/connect.js';
import type { DB } from '../src/db/engine.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';
import { registerPerson } from '../src/modules/cases/testing/cases.fixture.js';
import { openIdentities } from '../src/modules/registry/people-read.js';
import { buildApp } from '../src/server/app.js';
import { ApiClient } from './helpers/api-client.js';
import { runCliProcess } from './helpers/cli.js';
import { eraseWithTwoOfficers } from './helpers/erasure.js';
import { describeEngines, type TestUser } from './helpers/harness.js';

/*
 * Issue #11: a backup taken BEFORE an erasure, restored with the erasure ledger file kept outside
 * the database, must not bring the person back; a tampered ledger stops the restore before it
 * writes anything. Real databases and the real CLI, on both engines.
 */

const TABLES = ['people', 'person_keys', 'person_index', 'erasure_ledger', 'erasure_requests', 'audit_log'];

describeEngines('restore of a pre-erasure backup with the erasure ledger', (h) => {
  const master = randomBytes(32);
  h.keys = deriveKeyRing(master);
  const backupFile = join(tmpdir(), `passerelle-ledger-backup-${randomBytes(4).toString('hex')}.bak`);
  const files: string[] = [backupFile];
  const cleanups: Array<() => Promise<void>> = [];
  let env: Record<string, string>;
  let registrar: TestUser;
  let analyst: TestUser;
  let kept: string;
  let erased: string;
  /** What the erasure destroyed, read before it: none of it may come back. */
  let secrets: string[];

  /** A new empty database of the same engine (and schema name, as a restore requires). */
  async function emptyTarget(): Promise<string> {
    if (h.engine === 'sqlite') {
      const path = join(tmpdir(), `passerelle-ledger-restore-${randomBytes(4).toString('hex')}.db`);
      files.push(path, `${path}-wal`, `${path}-shm`);
      return `sqlite:${path}`;
    }
    const admin = new Kysely<unknown>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: process.env.TEST_DATABASE_URL, max: 1 }),
      }),
    });
    const name = `ledger_restore_${randomBytes(4).toString('hex')}`;
    await sql`create database ${sql.id(name)}`.execute(admin);
    cleanups.push(async () => {
      await sql`drop database if exists ${sql.id(name)} with (force)`.execute(admin);
      await admin.destroy();
    });
    const url = new URL(h.testDatabase.url);
    url.pathname = `/${name}`;
    return url.toString();
  }

  async function tableCount(url: string): Promise<number> {
    const target = parseDatabaseUrl(url);
    if (target.engine === 'sqlite' && !existsSync(target.location)) return 0;
    const db = connect(target);
    try {
      const query =
        target.engine === 'sqlite'
          ? sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table'`
          : sql<{ n: number }>`select count(*) as n from information_schema.tables
              where table_schema not in ('pg_catalog', 'information_schema')`;
      return Number((await query.execute(db)).rows[0]?.n ?? 0);
    } finally {
      await db.destroy();
    }
  }

  async function rawText(db: DB, url: string): Promise<string> {
    const target = parseDatabaseUrl(url);
    if (target.engine === 'sqlite') return readFileSync(target.location).toString('latin1');
    const rows = [];
    for (const table of TABLES) rows.push((await sql.raw(`select * from ${table}`).execute(db)).rows);
    return JSON.stringify(rows);
  }

  beforeAll(async () => {
    const orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    analyst = await h.createUser(['analyst'], orgId);
    const dpo = await h.createUser(['data_protection_officer'], orgId);
    const dpo2 = await h.createUser(['data_protection_officer'], orgId);
    kept = await registerPerson(registrar, { givenName: 'Rahwa', fathersName: 'Kidane', sex: 'female' });
    erased = await registerPerson(registrar, {
      givenName: 'Selam',
      fathersName: 'Habtemariam',
      phone: '+33698765432',
      sex: 'female',
    });
    const person = await h.db
      .selectFrom('people')
      .select('identity')
      .where('id', '=', erased)
      .executeTakeFirstOrThrow();
    const key = await h.db
      .selectFrom('person_keys')
      .select('wrapped_key')
      .where('person_id', '=', erased)
      .executeTakeFirstOrThrow();
    secrets = [person.identity, key.wrapped_key];
    expect(secrets.every((s) => s.length > 20)).toBe(true);

    env = {
      DATABASE_URL: h.testDatabase.url,
      PASSERELLE_MASTER_KEY: master.toString('base64'),
      PASSERELLE_BACKUP_KEY: randomBytes(32).toString('base64'),
      PASSERELLE_ERASURE_LEDGER: h.erasureLedgerPath,
    };
    const backup = await runCliProcess(['backup', '--out', backupFile], env);
    expect(backup.code, backup.stderr).toBe(0);

    // The erasure happens after the backup, through the real two-officer flow.
    await eraseWithTwoOfficers(dpo, dpo2, erased);
    expect(readFileSync(h.erasureLedgerPath, 'utf8')).toContain(erased);
  }, 120_000);

  afterAll(async () => {
    for (const file of files) rmSync(file, { force: true });
    for (const cleanup of cleanups) await cleanup();
  });

  it('refuses a tampered or forged ledger line with a clear message, and restores nothing', async () => {
    const lines = readFileSync(h.erasureLedgerPath, 'utf8').trim().split('\n');
    const forged = join(tmpdir(), `passerelle-forged-${randomBytes(4).toString('hex')}.jsonl`);
    files.push(forged);
    // Someone edits the line to erase another person on the next restore.
    writeFileSync(forged, `${lines.map((l) => l.replace(erased, kept)).join('\n')}\n`);
    const target = await emptyTarget();
    const result = await runCliProcess(['restore', '--in', backupFile, '--ledger', forged], {
      ...env,
      DATABASE_URL: target,
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`${forged} line 1 fails its HMAC check: it was altered or forged`);
    expect(result.stderr).toContain('Nothing was restored');
    expect(await tableCount(target)).toBe(0);

    writeFileSync(forged, 'not a ledger line\n');
    const garbage = await runCliProcess(['restore', '--in', backupFile, '--ledger', forged], {
      ...env,
      DATABASE_URL: target,
    });
    expect(garbage.stderr).toContain('line 1 is not an erasure ledger entry');
    expect(await tableCount(target)).toBe(0);

    // The control: without the ledger file, the backup's own ledger brings the person back.
    const without = await runCliProcess(['restore', '--in', backupFile], {
      ...env,
      DATABASE_URL: target,
      PASSERELLE_ERASURE_LEDGER: join(tmpdir(), `passerelle-no-ledger-${randomBytes(4).toString('hex')}`),
    });
    expect(without.code, without.stderr).toBe(0);
    const db = connect(parseDatabaseUrl(target));
    try {
      expect(
        await db.selectFrom('person_keys').selectAll().where('person_id', '=', erased).execute(),
      ).toHaveLength(1);
    } finally {
      await db.destroy();
    }
  }, 120_000);

  it('re-applies the erasure from the ledger file: the person stays erased everywhere, the rest adds up', async () => {
    const target = await emptyTarget();
    const restored = await runCliProcess(['restore', '--in', backupFile], { ...env, DATABASE_URL: target });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("erasures re-applied from the backup's own ledger: 0 (of 0 entries)");
    expect(restored.stdout).toContain(
      `erasures re-applied from ledger file ${h.erasureLedgerPath}: 1 (of 1 entries)`,
    );
    expect(restored.stdout).toContain('audit chain intact');

    const db = connect(parseDatabaseUrl(target));
    const app = await buildApp({ ...h.deps, db });
    try {
      // Raw storage: no data key, no identity ciphertext, no name in the file or the rows.
      const raw = await rawText(db, target);
      for (const secret of [...secrets, 'Selam', 'Habtemariam', '+33698765432']) {
        expect(raw.includes(secret), secret.slice(0, 12)).toBe(false);
      }
      expect(
        await db.selectFrom('person_keys').selectAll().where('person_id', '=', erased).execute(),
      ).toEqual([]);
      expect(
        await db.selectFrom('person_index').selectAll().where('person_id', '=', erased).execute(),
      ).toEqual([]);
      const rows = await db.selectFrom('people').selectAll().where('id', 'in', [kept, erased]).execute();
      const identities = await openIdentities(db, h.keys, rows);
      expect(identities.get(erased)).toBeNull();
      expect(identities.get(kept)).toMatchObject({ givenName: 'Rahwa' });

      // The API on the restored database: the erased profile says so, the kept one reads.
      const api = new ApiClient(app, { authorization: `Bearer ${registrar.token}` });
      const profile = await api.get(`/api/people/${erased}`);
      expect(profile.status).toBe(410);
      expect(JSON.stringify(profile.body)).not.toContain('Selam');
      expect((await api.get(`/api/people/${kept}`)).body.givenName).toBe('Rahwa');
      expect(JSON.stringify((await api.get('/api/people?q=Selam')).body)).not.toContain(erased);

      // Reports add up as on the live server, where the erasure happened.
      const reports = new ApiClient(app, { authorization: `Bearer ${analyst.token}` });
      const restoredOverview = await reports.get('/api/reports/overview');
      expect(restoredOverview.status).toBe(200);
      const live = await analyst.api.get('/api/reports/overview');
      const { generatedAt: _r, ...restoredFigures } = restoredOverview.body;
      const { generatedAt: _l, ...liveFigures } = live.body;
      expect(restoredFigures).toEqual(liveFigures);
      expect(await verifyAuditChain(db, h.keys)).toMatchObject({ ok: true });
    } finally {
      await app.close();
      await db.destroy();
    }
  }, 180_000);

  it('re-applies erasures from a copied ledger file and from the live database, counted per source', async () => {
    const copy = join(tmpdir(), `passerelle-ledger-copy-${randomBytes(4).toString('hex')}.jsonl`);
    const own = join(tmpdir(), `passerelle-ledger-own-${randomBytes(4).toString('hex')}.jsonl`);
    files.push(copy, own);
    copyFileSync(h.erasureLedgerPath, copy);
    const target = await emptyTarget();
    const restored = await runCliProcess(
      ['restore', '--in', backupFile, '--ledger', copy, '--ledger-from-database', h.testDatabase.url],
      { ...env, DATABASE_URL: target, PASSERELLE_ERASURE_LEDGER: own },
    );
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`erasures re-applied from --ledger ${copy}: 1 (of 1 entries)`);
    // Already re-applied from the copy: the database's ledger names the same erasure.
    expect(restored.stdout).toContain('erasures re-applied from the live database: 0 (of 1 entries)');
    // The restored server's own ledger file now holds the erasure too.
    expect(readFileSync(own, 'utf8')).toContain(erased);

    const missing = await runCliProcess(['restore', '--in', backupFile, '--ledger', `${copy}.nope`], {
      ...env,
      DATABASE_URL: await emptyTarget(),
    });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('ledger: ');
    expect(missing.stderr).toContain('no such file');

    const help = await runCliProcess(['restore', '--help'], {});
    expect(help.stdout).toContain('--ledger <file>');
    expect(help.stdout).toContain('--ledger-from-database <url>');
  }, 180_000);
});
