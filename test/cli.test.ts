import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from './helpers/cli.js';
import { createTestDatabase, type TestDatabase, testEngines } from './helpers/engines.js';

for (const engine of testEngines()) {
  describe(`passerelle CLI [${engine}]`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      env = { DATABASE_URL: database.url, PASSERELLE_MASTER_KEY: randomBytes(32).toString('base64') };
    }, 60_000);
    afterAll(() => database.destroy());

    it('creates an organisation, a user and a token; the token works', async () => {
      const slug = `cli-${randomBytes(3).toString('hex')}`;
      const org = await runCliProcess(
        ['org', 'create', '--slug', slug, '--name', 'CLI Org', '--kind', 'ngo'],
        env,
      );
      expect(org.stderr).not.toMatch(/Error/);
      expect(org.code).toBe(0);
      const email = `${slug}@example.org`;
      const user = await runCliProcess(
        [
          'user',
          'create',
          '--email',
          email,
          '--name',
          'CLI User',
          '--org',
          slug,
          '--role',
          'caseworker',
          '--role',
          'case_supervisor',
          '--password',
          'winter-coats-for-the-camp',
        ],
        env,
      );
      expect(user.code).toBe(0);
      const token = await runCliProcess(['token', 'create', '--email', email], env);
      expect(token.code).toBe(0);
      expect(token.stdout).toMatch(/^pst_[A-Za-z0-9_-]{40,}\n$/);
      const stored = await database.db.selectFrom('api_tokens').select('token_hash').execute();
      expect(stored.map((r) => r.token_hash)).not.toContain(token.stdout.trim());
    }, 60_000);

    it('refuses a user for a missing organisation and a weak password, with a clear message', async () => {
      const noOrg = await runCliProcess(
        [
          'user',
          'create',
          '--email',
          'x@example.org',
          '--name',
          'X',
          '--org',
          'nope',
          '--role',
          'analyst',
          '--password',
          'winter-coats-for-the-camp',
        ],
        env,
      );
      expect(noOrg.code).not.toBe(0);
      expect(noOrg.stderr).toMatch(/organisation nope does not exist/);
      const weak = await runCliProcess(
        [
          'user',
          'create',
          '--email',
          'x@example.org',
          '--name',
          'X',
          '--org',
          'nope',
          '--role',
          'wizard',
          '--password',
          'short',
        ],
        env,
      );
      expect(weak.code).not.toBe(0);
      expect(weak.stderr).toMatch(/unknown role wizard/);
    }, 60_000);

    it('verifies the audit chain, and names the entry a tamperer changed', async () => {
      const intact = await runCliProcess(['audit', 'verify'], env);
      expect(intact.code).toBe(0);
      expect(intact.stdout).toMatch(/audit chain intact: \d+ entries verified/);
      await database.db.updateTable('audit_log').set({ action: 'user.read' }).where('seq', '=', 2).execute();
      const broken = await runCliProcess(['audit', 'verify'], env);
      expect(broken.code).not.toBe(0);
      expect(broken.stdout).toMatch(/BROKEN at entry 2/);
    }, 60_000);

    it('prints help for each command', async () => {
      const help = await runCliProcess(['user', 'create', '--help'], env);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/--org <slug>/);
    }, 60_000);
  });
}
