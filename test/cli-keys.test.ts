import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrappedKeyVersion } from '../src/crypto/index.js';
import { runCliProcess } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase, testEngines } from './helpers/engines.js';

const key = () => randomBytes(32).toString('base64');

for (const engine of testEngines()) {
  describe(`passerelle keys rotate [${engine}]`, () => {
    let database: TestDatabase;
    const oldKey = key();
    const newKey = key();
    beforeAll(async () => {
      database = await createTestDatabase(engine);
    }, 60_000);
    afterAll(() => database.destroy());

    it('re-wraps a seeded database under the new key; the new key alone then verifies the audit chain', async () => {
      const seeded = await runCliProcess(['seed', '--demo', '--people', '30'], {
        DATABASE_URL: database.url,
        PASSERELLE_MASTER_KEY: oldKey,
      });
      expect(seeded.code, seeded.stderr).toBe(0);
      const env = {
        DATABASE_URL: database.url,
        PASSERELLE_MASTER_KEY: newKey,
        PASSERELLE_PREVIOUS_MASTER_KEY: oldKey,
      };
      const rotated = await runCliProcess(['keys', 'rotate', '--batch', '7'], env);
      expect(rotated.code, rotated.stderr).toBe(0);
      expect(rotated.stderr).toMatch(/re-wrapped people: \d+/);
      expect(rotated.stdout).toMatch(/people: [1-9]\d* re-wrapped/);
      expect(rotated.stdout).toContain('every data key is under master key version 2; retired versions: 1');
      const wrapped = await database.db.selectFrom('person_keys').select('wrapped_key').execute();
      expect(wrapped.length).toBeGreaterThan(0);
      expect(wrapped.every((r) => wrappedKeyVersion(r.wrapped_key) === 2)).toBe(true);

      const verified = await runCliProcess(['audit', 'verify'], {
        DATABASE_URL: database.url,
        PASSERELLE_MASTER_KEY: newKey,
      });
      expect(verified.code, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/audit chain intact/);
    }, 180_000);

    it('refuses a master key the database does not know, with a clear message', async () => {
      const refused = await runCliProcess(['keys', 'rotate'], {
        DATABASE_URL: database.url,
        PASSERELLE_MASTER_KEY: key(),
      });
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toContain('not a master key this database knows');
    }, 60_000);

    it('prints help', async () => {
      const help = await runCliProcess(['keys', 'rotate', '--help'], {});
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--batch <n>/);
      expect(help.stdout).toContain('PASSERELLE_PREVIOUS_MASTER_KEY');
    }, 60_000);
  });
}
