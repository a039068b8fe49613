import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildPerson } from '../factories/people.js';
import { describeEngines } from '../helpers/harness.js';

const SECRETS = [
  'Mohammed',
  'Abdullah',
  'محمد',
  'عبدالله',
  '0612345678',
  '612345678',
  'N0987654',
  'sleeps behind',
];

function haystacks(bytes: Buffer): string[] {
  // Text may be stored as UTF-8 or (in SQLite) UTF-16; look for both, in any case.
  return [bytes.toString('utf8').toLowerCase(), bytes.toString('utf16le').toLowerCase()];
}

describeEngines('what a stolen database reveals', (h) => {
  it('holds no name, in Latin or Arabic script, no phone number and no document number in clear', async () => {
    const registrar = await h.createUser(['registration_officer']);
    const created = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohammed',
        familyName: 'Abdullah',
        originalScriptName: 'محمد عبدالله',
        phone: '0612345678',
        documents: [{ type: 'passport', number: 'N0987654' }],
        notes: 'sleeps behind the warehouse',
      }),
    );
    expect(created.status).toBe(201);
    await registrar.api.patch(`/api/people/${created.body.person.id}`, { otherNames: ['Abdullah Mohammed'] });
    await registrar.api.get(`/api/people?q=${encodeURIComponent('Muhammad Abdallah')}`);

    let dumps: string[];
    if (h.engine === 'sqlite') {
      const path = h.testDatabase.sqlitePath!;
      dumps = [path, `${path}-wal`].filter(existsSync).flatMap((file) => haystacks(readFileSync(file)));
      expect(dumps.join('').length).toBeGreaterThan(10_000);
    } else {
      const tables = await sql<{
        table_name: string;
      }>`select table_name from information_schema.tables where table_schema = ${h.testDatabase.schema!}`.execute(
        h.db,
      );
      dumps = [];
      for (const { table_name } of tables.rows) {
        const rows = await sql`select * from ${sql.id(table_name)}`.execute(h.db);
        dumps.push(JSON.stringify(rows.rows).toLowerCase());
      }
      expect(dumps.join('')).toContain(created.body.person.id.toLowerCase());
    }
    for (const secret of SECRETS) {
      for (const dump of dumps)
        expect(dump.includes(secret.toLowerCase()), `found "${secret}" in the raw database`).toBe(false);
    }
  });
});
