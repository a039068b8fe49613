import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eraseWithTwoOfficers } from '../../../../test/helpers/erasure.js';
import { describeEngines, type TestUser } from '../../../../test/helpers/harness.js';
import { type ConnectionTarget, connect, parseDatabaseUrl } from '../../../db/connect.js';
import type { DB } from '../../../db/engine.js';
import { migrateToLatest } from '../../../db/migrate.js';
import { verifyAuditChain } from '../../audit/audit.service.js';
import { registerPerson } from '../../cases/testing/cases.fixture.js';
import { openIdentities } from '../../registry/people-read.js';
import { readLedger, replayLedger } from '../erasure/erasure-ledger.js';
import { backupDatabase, parseBackupKey, restoreDatabase } from './backup.service.js';

const TABLES = [
  ['people', 'id'],
  ['person_keys', 'person_id'],
  ['person_index', 'person_id, kind, hmac'],
  ['consents', 'person_id, purpose'],
  ['erasure_ledger', 'subject_id'],
  ['erasure_requests', 'id'],
  ['audit_log', 'seq'],
] as const;

/** The rows of the tables that matter, in a fixed order: equal dumps mean an equal database. */
async function canonicalDump(db: DB) {
  const dump: Record<string, unknown[]> = {};
  for (const [table, order] of TABLES) {
    dump[table] = (await sql.raw(`select * from ${table} order by ${order}`).execute(db)).rows;
  }
  return JSON.stringify(dump);
}

describeEngines('backup and restore', (h) => {
  const backupKey = randomBytes(32);
  const file = join(tmpdir(), `passerelle-backup-test-${randomBytes(4).toString('hex')}.bak`);
  let registrar: TestUser;
  let kept: string;
  let erased: string;
  let source: ConnectionTarget;
  let target: ConnectionTarget;
  const cleanups: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    const orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    const dpo = await h.createUser(['data_protection_officer'], orgId);
    const dpo2 = await h.createUser(['data_protection_officer'], orgId);
    kept = await registerPerson(registrar, { givenName: 'Rahwa', fathersName: 'Kidane' });
    erased = await registerPerson(registrar, { givenName: 'Selam', fathersName: 'Habte' });
    await eraseWithTwoOfficers(dpo, dpo2, erased);
    source = parseDatabaseUrl(h.testDatabase.url);
    if (h.engine === 'sqlite') {
      target = {
        engine: 'sqlite',
        location: join(tmpdir(), `passerelle-restore-${randomBytes(4).toString('hex')}.db`),
      };
      cleanups.push(async () => {
        for (const ext of ['', '-wal', '-shm']) rmSync(`${target.location}${ext}`, { force: true });
      });
    } else {
      const name = `restore_${randomBytes(4).toString('hex')}`;
      const admin = new Kysely<unknown>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: source.location, max: 1 }) }),
      });
      await sql`create database ${sql.id(name)}`.execute(admin);
      const url = new URL(source.location);
      url.pathname = `/${name}`;
      target = { engine: 'postgres', location: url.toString(), schema: source.schema };
      cleanups.push(async () => {
        await sql`drop database if exists ${sql.id(name)}`.execute(admin);
        await admin.destroy();
      });
    }
  });
  afterAll(async () => {
    rmSync(file, { force: true });
    for (const cleanup of cleanups) await cleanup();
  });

  it('refuses the master key as the backup key', () => {
    const master = randomBytes(32);
    expect(() => parseBackupKey(master.toString('base64'), master)).toThrow('must not be the master key');
    expect(() => parseBackupKey('short', master)).toThrow('32 bytes');
  });

  it('round-trips a populated database: same rows, audit chain intact, fields decrypt, the erased stay erased', async () => {
    const { bytes } = await backupDatabase(h.db, source, backupKey, file, new Date());
    expect(bytes).toBeGreaterThan(1000);
    // Encrypted: no SQL, no table names in the file.
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from('person_keys'))).toBe(false);

    const empty = connect(target);
    await restoreDatabase(empty, target, backupKey, file);
    if (target.engine === 'postgres') await empty.destroy();
    const restored = connect(target);
    try {
      await migrateToLatest(restored);
      await restored.transaction().execute(async (trx) => {
        await replayLedger(trx, await readLedger(trx), new Date().toISOString());
      });
      expect(await canonicalDump(restored)).toBe(await canonicalDump(h.db));
      expect(await verifyAuditChain(restored, h.keys)).toMatchObject({ ok: true });
      const rows = await restored
        .selectFrom('people')
        .selectAll()
        .where('id', 'in', [kept, erased])
        .execute();
      const identities = await openIdentities(restored, h.keys, rows);
      expect(identities.get(kept)).toMatchObject({ givenName: 'Rahwa', fathersName: 'Kidane' });
      expect(identities.get(erased)).toBeNull();
    } finally {
      await restored.destroy();
    }
  });

  it('refuses to restore into a non-empty database, or with the wrong key, and changes nothing', async () => {
    const before = await canonicalDump(h.db);
    await expect(restoreDatabase(h.db, source, backupKey, file)).rejects.toThrow('not empty');
    expect(await canonicalDump(h.db)).toBe(before);
    const fresh: ConnectionTarget =
      target.engine === 'sqlite'
        ? { engine: 'sqlite', location: `${target.location}.2` }
        : { ...target, schema: `${target.schema}_other` };
    const db = connect(fresh);
    try {
      await expect(restoreDatabase(db, fresh, randomBytes(32), file)).rejects.toThrow(
        target.engine === 'sqlite' ? 'cannot be decrypted' : 'same schema',
      );
    } finally {
      await db.destroy().catch(() => undefined);
      rmSync(`${target.location}.2`, { force: true });
    }
  });
});
