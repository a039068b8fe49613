import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../../../../test/helpers/cli.js';
import { createTestDatabase, type TestDatabase, testEngines } from '../../../../test/helpers/engines.js';
import { deriveKeyRing } from '../../../crypto/index.js';
import { findOrganisationBySlug } from '../../access/access.repository.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { permissionsOf } from '../../access/permissions.js';
import type { Role } from '../../access/roles.js';
import { createUser } from '../../access/users.service.js';
import { searchPeople } from '../people-query.service.js';

const HEADER = 'Name/given,Name/family,name_arabic,gender,dob,nationality,consent,consent_purposes';

for (const engine of testEngines()) {
  describe(`passerelle import people [${engine}]`, () => {
    let database: TestDatabase;
    let env: Record<string, string>;
    let dir: string;
    const slug = `import-${randomBytes(3).toString('hex')}`;
    const masterKey = randomBytes(32);
    const file = (name: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    };
    const people = async () =>
      Number(
        (
          await database.db
            .selectFrom('people')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    beforeAll(async () => {
      database = await createTestDatabase(engine);
      dir = mkdtempSync(join(tmpdir(), 'passerelle-import-'));
      env = { DATABASE_URL: database.url, PASSERELLE_MASTER_KEY: masterKey.toString('base64') };
      const org = await runCliProcess(['org', 'create', '--slug', slug, '--name', 'Import NGO'], env);
      expect(org.code, org.stderr).toBe(0);
    }, 60_000);
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await database.destroy();
    });

    it('dry run and all-or-nothing: lists each bad line and field, exits 2, writes nothing', async () => {
      const path = file('bad.csv', [
        HEADER,
        'Mohammed,Abdullah,محمد عبدالله,m,1985-04-02,SDN,yes,services referral',
        'Tesfay,,,?,1999-01-01,ERI,yes,services',
        'Amina,Haddad,,f,2015-02-30,SYR,yes,services',
      ]);
      for (const extra of [['--dry-run'], []]) {
        const result = await runCliProcess(['import', 'people', path, '--org', slug, ...extra], env);
        expect(result.code, result.stderr).toBe(2);
        expect(result.stdout).toContain(
          'line 3 (column "gender"): sex: must be male, female, other or unknown',
        );
        expect(result.stdout).toContain('line 4 (column "dob"): birthDate: must be a date as YYYY-MM-DD');
        expect(result.stdout).toMatch(/3 rows: 1 valid, 2 with problems/);
        expect(result.stdout).toMatch(
          extra.length ? /dry run: nothing was written/ : /nothing was written: correct/,
        );
        expect(await people()).toBe(0);
      }
    }, 60_000);

    it('--valid-only writes the valid rows, with progress on stderr; they are searchable in any script', async () => {
      const path = file('mixed.csv', [
        HEADER,
        'Mohammed,Abdullah,محمد عبدالله,m,1985-04-02,SDN,yes,services referral',
        'Tesfay,,,?,1999-01-01,ERI,yes,services',
      ]);
      const result = await runCliProcess(['import', 'people', path, '--org', slug, '--valid-only'], env);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/written: 1 people, 0 households/);
      expect(result.stderr).toMatch(/written people 1\/1 \(100%\)/);
      expect(await people()).toBe(1);

      const org = (await findOrganisationBySlug(database.db, slug))!;
      const ctx = {
        db: database.db,
        keys: deriveKeyRing(masterKey),
        now: () => new Date(),
        actor: {
          userId: null,
          orgId: org.id,
          roles: ['registration_officer' as const],
          permissions: permissionsOf(['registration_officer']),
          via: 'system' as const,
          secondFactorSatisfied: true,
        },
      };
      const found = await searchPeople(ctx, { q: 'عبدالله محمد', limit: 5 });
      expect(found.views.map((v) => v.identity?.givenName)).toEqual(['Mohammed']);
    }, 60_000);

    it('records the user given with --as, maps columns with --map, and refuses a user who may not import', async () => {
      const org = (await findOrganisationBySlug(database.db, slug))!;
      const system = {
        db: database.db,
        keys: deriveKeyRing(masterKey),
        now: () => new Date(),
        actor: SYSTEM_ACTOR,
      };
      const user = (role: Role) =>
        createUser(system, {
          email: `${slug}-${role}@example.org`,
          name: role,
          roles: [role],
          password: 'winter-coats-for-the-camp',
          orgId: org.id,
        });
      const registrar = await user('registration_officer');
      const analyst = await user('analyst');
      const path = file('odd-headers.csv', ['Q1;Q2;Q3', 'Zabihullah;male;vital interest']);
      const args = ['import', 'people', path, '--org', slug, '--as', registrar.email];
      const unmapped = await runCliProcess([...args, '--dry-run'], env);
      expect(unmapped.code).toBe(2);
      expect(unmapped.stdout).toMatch(/no column gives: givenName, sex, consentBasis/);
      const mapped = await runCliProcess(
        [...args, '--map', 'Q1=givenName', '--map', 'Q2=sex', '--map', 'Q3=consentBasis', '--json'],
        env,
      );
      expect(mapped.code, mapped.stderr).toBe(0);
      const report = JSON.parse(mapped.stdout);
      expect(report).toMatchObject({ written: 1, notes: ['defaultPurposes'] });
      const audit = await database.db
        .selectFrom('audit_log')
        .select('actor_id')
        .where('action', '=', 'person.create')
        .where('entity_id', '=', report.created[0].personId)
        .executeTakeFirstOrThrow();
      expect(audit.actor_id).toBe(registrar.id);

      const denied = await runCliProcess(
        ['import', 'people', path, '--org', slug, '--as', analyst.email],
        env,
      );
      expect(denied.code).not.toBe(0);
      expect(denied.stderr).toMatch(/has no role that may import people/);
    }, 90_000);

    it('says plainly when the file cannot be read', async () => {
      const missing = await runCliProcess(['import', 'people', join(dir, 'nope.csv'), '--org', slug], env);
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
    }, 60_000);
  });
}
