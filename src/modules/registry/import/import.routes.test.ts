import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../../../test/factories/sites.js';
import { describeEngines, type TestUser } from '../../../../test/helpers/harness.js';

const HEADER =
  'given_name;family_name;name_arabic;gender;age;nationality;needs;consent;consent_purposes;hh_id;relationship';

describeEngines('people import API', (h) => {
  let registrar: TestUser;
  let caseworker: TestUser;

  const count = async (table: 'people' | 'households' | 'audit_log') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const postCsv = (user: TestUser, csv: string | Buffer, query = '') =>
    h.app.inject({
      method: 'POST',
      url: `/api/people/import${query}`,
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'text/csv; charset=utf-8' },
      payload: csv,
    });

  beforeAll(async () => {
    const org = await h.createOrg();
    registrar = await h.createUser(['registration_officer'], org.id);
    caseworker = await h.createUser(['caseworker'], org.id);
  });

  it('dry run: detects KoBo columns, reports every row, writes nothing', async () => {
    const before = await Promise.all([count('people'), count('audit_log')]);
    const csv = [
      HEADER,
      'Mohammed;Abdullah;محمد عبدالله;m;31;SDN;;yes;services referral;;',
      'Tesfay;;;f;2999;Eritrea;;yes;services;;',
      '_x_;;;m;20;Atlantis;ZZ-ZZ;yes;services;;',
    ].join('\n');
    const response = await registrar.api.post('/api/people/import', { csv, dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      dryRun: true,
      delimiter: ';',
      rows: 3,
      valid: 1,
      invalid: 2,
      written: 0,
    });
    expect(response.body.columns.slice(0, 4)).toEqual([
      { name: 'given_name', target: 'givenName' },
      { name: 'family_name', target: 'familyName' },
      { name: 'name_arabic', target: 'originalScriptName' },
      { name: 'gender', target: 'sex' },
    ]);
    expect(response.body.errors.map((e: { line: number; field: string }) => `${e.line} ${e.field}`)).toEqual([
      '3 age',
      '4 nationality',
      '4 specificNeeds.0',
    ]);
    expect(await Promise.all([count('people'), count('audit_log')])).toEqual(before);
  });

  it('all or nothing: one bad row answers 400 naming its line and field, and nothing is written', async () => {
    const before = await Promise.all([count('people'), count('households'), count('audit_log')]);
    const csv = [
      HEADER,
      'Amina;Haddad;;f;34;SYR;;yes;services;H1;head',
      'Sara;Haddad;;f;9;SYR;;yes;services;H1;child',
      'Omar;;;m;22;SYR;;;services;;',
    ].join('\n');
    const response = await postCsv(registrar, csv);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.message).toMatch(/^line 4, consent\.basis: Required/);
    expect(body.error.details).toEqual([
      { field: 'lines.4.consent.basis', message: 'line 4 (column "consent"): Required' },
    ]);
    expect(await Promise.all([count('people'), count('households'), count('audit_log')])).toEqual(before);
  });

  it('imports a clean file through the same registration path: encrypted, searchable, households, alerts', async () => {
    const csv = [
      HEADER,
      'Mohammed;Abdullah;محمد عبدالله;m;31;SDN;;yes;services referral;;',
      'Amina;Haddad;;f;34;SYR;WR-WR;yes;services;H7;head',
      'Sara;Haddad;;f;9;SYR;;yes;services;H7;daughter',
      'Yonas;;;m;15;ERI;;yes;services tracing;;',
    ].join('\r\n');
    const response = await postCsv(registrar, `\uFEFF${csv}\r\n`);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ dryRun: false, rows: 4, valid: 4, invalid: 0, written: 4, households: 1 });
    expect(report.created.map((c: { line: number }) => c.line)).toEqual([2, 3, 4, 5]);

    const found = await registrar.api.get(`/api/people?q=${encodeURIComponent('Muhammad Abdallah')}`);
    const mohammed = found.body.items.find((p: { id: string }) => p.id === report.created[0].personId);
    expect(mohammed).toMatchObject({
      givenName: 'Mohammed',
      originalScriptName: 'محمد عبدالله',
      nationality: 'SDN',
    });
    expect(mohammed.consent.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'referral',
      'services',
    ]);

    const sara = (await registrar.api.get(`/api/people/${report.created[2].personId}`)).body;
    expect(sara.householdId).not.toBeNull();
    expect(sara.unaccompanied).toBe(false);
    const household = (await registrar.api.get(`/api/households/${sara.householdId}`)).body;
    expect(household.members.map((m: { relationship: string }) => m.relationship).sort()).toEqual([
      'child',
      'head',
    ]);

    // A child of 15 with no household is a child alone: SC-UC and an alert, as in the form.
    const yonas = (await registrar.api.get(`/api/people/${report.created[3].personId}`)).body;
    expect(yonas.unaccompanied).toBe(true);
    const alerts = await h.db.selectFrom('alerts').select('rule').where('entity_id', '=', yonas.id).execute();
    expect(alerts.map((a) => a.rule).sort()).toEqual(['cases.proposed', 'registry.unaccompanied_child']);

    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['person.create', 'person.import'])
      .where('actor_id', '=', registrar.id)
      .orderBy('seq')
      .execute();
    const imported = audit.filter((a) => a.details?.includes('importId'));
    expect(imported.map((a) => a.action)).toEqual([
      'person.create',
      'person.create',
      'person.create',
      'person.create',
      'person.import',
    ]);
    expect(imported.every((a) => !a.details?.includes('Mohammed'))).toBe(true);
  });

  it('valid only: writes the good rows, keeps a household with a bad member out, lists every problem', async () => {
    const before = await count('people');
    const csv = [
      HEADER,
      'Karim;Nouri;;m;40;IRQ;;yes;services;;',
      'Leila;Nouri;;f;38;IRQ;;yes;services;H9;head',
      'Dara;Nouri;;m;twelve;IRQ;;yes;services;H9;son',
      'Rahel;;;f;1850;ERI;;yes;services;;',
    ].join('\n');
    const response = await registrar.api.post('/api/people/import', { csv, validOnly: true });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ validOnly: true, rows: 4, valid: 1, invalid: 3, written: 1 });
    expect(response.body.created.map((c: { line: number }) => c.line)).toEqual([2]);
    expect(
      response.body.errors.map((e: { line: number; field: string; column: string | null }) => [
        e.line,
        e.field,
        e.column,
      ]),
    ).toEqual([
      [3, 'household', 'hh_id'],
      [4, 'age', 'age'],
      [5, 'age', 'age'],
    ]);
    expect(await count('people')).toBe(before + 1);
  });

  it('applies the user’s column mapping, resolves sites by name, and explains a missing required column', async () => {
    const monitor = await h.createUser(['site_monitor']);
    const siteName = h.unique('Jungle north zone');
    const site = (await monitor.api.post('/api/sites', buildSite({ name: siteName }))).body;
    const csv = `Q1,Q2,Q3,Q4\nHassan,male,${siteName.toUpperCase()},consent\nHassan,male,nowhere,consent\n`;
    const unmapped = await registrar.api.post('/api/people/import', { csv, dryRun: true });
    expect(unmapped.body.missingFields).toEqual(['givenName', 'sex', 'consentBasis']);
    const refused = await registrar.api.post('/api/people/import', { csv });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details[0].field).toBe('mapping');

    const mapping = { Q1: 'givenName', Q2: 'sex', Q3: 'site', Q4: 'consentBasis' };
    const checked = await registrar.api.post('/api/people/import', { csv, mapping, dryRun: true });
    expect(checked.body.notes).toEqual(['defaultPurposes']);
    expect(checked.body.errors).toEqual([
      { line: 3, row: 3, column: 'Q3', field: 'siteId', message: 'no site has the id or name "nowhere"' },
    ]);
    const imported = await registrar.api.post('/api/people/import', { csv, mapping, validOnly: true });
    expect(imported.body.written).toBe(1);
    const person = (await registrar.api.get(`/api/people/${imported.body.created[0].personId}`)).body;
    expect(person.siteId).toBe(site.id);
    expect(person.consent.map((c: { purpose: string }) => c.purpose)).toEqual(['services']);
    const badMapping = await registrar.api.post('/api/people/import', { csv, mapping: { Q9: 'givenName' } });
    expect(badMapping.body.error.details[0].field).toBe('mapping.Q9');
  });

  it('refuses what is not a readable CSV, with the field named', async () => {
    const latin1 = Buffer.from('given_name,sex,consent\nJos\xe9,m,yes\n', 'latin1');
    const notUtf8 = await postCsv(registrar, latin1);
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.message).toMatch(/^csv: is not UTF-8/);
    const unclosed = await postCsv(registrar, 'given_name,sex,consent\n"Ali,m,yes\n');
    expect(unclosed.json().error.message).toBe(
      'csv: line 2: a quoted field is never closed (a " is missing)',
    );
    const empty = await registrar.api.post('/api/people/import', { csv: '' });
    expect(empty.body.error.message).toMatch(/^csv: is empty/);
    const tooMany = await registrar.api.post('/api/people/import', {
      csv: `given_name,sex,consent\n${'Ali,m,yes\n'.repeat(10_001)}`,
      dryRun: true,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toMatch(/has 10001 rows; up to 10000/);
    const unknown = await registrar.api.post('/api/people/import', { csv: 'a\n1\n', overwrite: true });
    expect(unknown.body.error.details[0].field).toBe('overwrite');
    const huge = await postCsv(registrar, Buffer.alloc(11 * 1024 * 1024, 'a'));
    expect(huge.statusCode).toBe(413);
  });

  it('answers 401 without credentials and 403 to a role that may register but not import', async () => {
    expect((await h.client().post('/api/people/import', { csv: 'a\n' })).status).toBe(401);
    const denied = await caseworker.api.post('/api/people/import', { csv: HEADER, dryRun: true });
    expect(denied.status).toBe(403);
  });

  it('never answers 5xx to random CSV text (property)', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '"',
        '""',
        ';',
        '\n',
        'محمد',
        'm',
        'f',
        'yes',
        'SC-UC',
        '1999-02-30',
        '__proto__',
        'x'.repeat(300),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 11 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        async (rows, withHeader) => {
          const csv = [...(withHeader ? [HEADER] : []), ...rows.map((r) => r.join(';'))].join('\n');
          const response = await registrar.api.post('/api/people/import', { csv, dryRun: true });
          expect(response.status, response.raw.slice(0, 300)).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});
