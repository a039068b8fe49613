import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { randomId } from '../../crypto/index.js';

describeEngines('people API', (h) => {
  let orgId: string;
  let registrar: TestUser;
  let caseworker: TestUser;

  beforeAll(async () => {
    orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    caseworker = await h.createUser(['caseworker'], orgId);
  });

  it('registers a person (201) with a card code and names in both scripts', async () => {
    const response = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohammed',
        familyName: 'Abdullah',
        originalScriptName: 'محمد عبدالله',
        nationality: 'SDN',
        languages: ['ar'],
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.person).toMatchObject({
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      originalScriptName: 'محمد عبدالله',
      nationality: 'SDN',
      orgId,
      status: 'active',
    });
    expect(response.body.person.code).toMatch(/^[346789A-Y]{3}-[346789A-Y]{3}-[346789A-Y]$/);
    expect(response.body.possibleDuplicates).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.create')
      .where('entity_id', '=', response.body.person.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('accepts a person without a family name (Eritrean and Afghan naming)', async () => {
    const response = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Zabihullah',
        fathersName: undefined,
        familyName: undefined,
        nationality: 'AFG',
      }),
    );
    expect(response.status).toBe(201);
    expect(response.body.person.familyName).toBeNull();
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const before = await h.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...buildPerson(), consent: undefined }, 'consent'],
      [{ ...buildPerson(), consent: { basis: 'consent', purposes: [] } }, 'consent.purposes'],
      [{ ...buildPerson(), birthDate: '2023-02-30' }, 'birthDate'],
      [{ ...buildPerson(), birthDate: '2999-01-01' }, 'birthDate'],
      [{ ...buildPerson(), birthYear: 1850 }, 'birthYear'],
      [{ ...buildPerson(), nationality: 'ZZZ' }, 'nationality'],
      [{ ...buildPerson(), specificNeeds: ['SC-UC', 'XX-YY'] }, 'specificNeeds.1'],
      [{ ...buildPerson(), givenName: 'x'.repeat(10 * 1024 * 1024) }, 'givenName'],
      [{ ...buildPerson(), givenName: '' }, 'givenName'],
      [{ ...buildPerson(), sex: 'yes' }, 'sex'],
      [{ ...buildPerson(), siteId: 'nosuchsite' }, 'siteId'],
      [{ ...buildPerson(), householdId: 'nosuchhousehold' }, 'householdId'],
      [{ ...buildPerson(), isVip: true }, 'isVip'],
    ];
    for (const [body, field] of cases) {
      const response = await registrar.api.post('/api/people', body);
      expect(response.status, `${field}: ${response.raw.slice(0, 200)}`).toBe(400);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    const after = await h.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers 401 without credentials and 403 to roles that see no person records', async () => {
    expect((await h.client().post('/api/people', buildPerson())).status).toBe(401);
    for (const role of ['site_monitor', 'analyst', 'admin'] as const) {
      const user = await h.createUser([role], orgId);
      expect((await user.api.post('/api/people', buildPerson())).status).toBe(403);
      expect((await user.api.get('/api/people?q=Yonas')).status).toBe(403);
    }
  });

  it('reads a person with an audit entry, and answers 404 to another organisation', async () => {
    const created = await registrar.api.post('/api/people', buildPerson());
    const id = created.body.person.id;
    const read = await caseworker.api.get(`/api/people/${id}`);
    expect(read.status).toBe(200);
    expect(read.body.givenName).toBe('Yonas');
    const entries = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.read')
      .where('entity_id', '=', id)
      .where('actor_id', '=', caseworker.id)
      .execute();
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toContain('Yonas');

    const outsider = await h.createUser(['caseworker']);
    expect((await outsider.api.get(`/api/people/${id}`)).status).toBe(404);
    expect((await outsider.api.patch(`/api/people/${id}`, { phone: '+33600000000' })).status).toBe(404);
    const search = await outsider.api.get('/api/people?q=Yonas%20Tesfay');
    expect(search.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect((await caseworker.api.get('/api/people/doesnotexist')).status).toBe(404);
  });

  it('shows the reception coordinator names, site and need categories, not protection details', async () => {
    const created = await registrar.api.post(
      '/api/people',
      buildPerson({
        phone: '+33 6 12 34 56 78',
        notes: 'sleeps near the bridge',
        specificNeeds: ['SM-CI'],
        birthDate: '1998-03-04',
      }),
    );
    const reception = await h.createUser(['reception_coordinator'], orgId);
    const read = await reception.api.get(`/api/people/${created.body.person.id}`);
    expect(read.status).toBe(200);
    expect(read.body.givenName).toBe('Yonas');
    expect(read.body.needCategories).toEqual(['SM']);
    for (const hidden of ['phone', 'notes', 'specificNeeds', 'birthDate', 'documents', 'consent'])
      expect(read.body).not.toHaveProperty(hidden);
    const edit = await reception.api.patch(`/api/people/${created.body.person.id}`, {
      givenName: 'Someone Else',
    });
    expect(edit.status).toBe(403);
    expect(edit.body.error.code).toBe('field_forbidden');
    expect(edit.body.error.message).toMatch(/^givenName:/);
  });

  it('updates with history, re-indexes names and refuses a stale version (409)', async () => {
    const created = await registrar.api.post(
      '/api/people',
      buildPerson({ givenName: 'Tesfay', fathersName: 'Gebremedhin' }),
    );
    const id = created.body.person.id;
    const updated = await registrar.api.patch(`/api/people/${id}`, {
      givenName: 'Berhane',
      phone: '+33 7 00 11 22 33',
      version: 1,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ givenName: 'Berhane', phone: '+33 7 00 11 22 33', version: 2 });
    const stale = await registrar.api.patch(`/api/people/${id}`, { givenName: 'Other', version: 1 });
    expect(stale.status).toBe(409);
    const history = await registrar.api.get(`/api/people/${id}/history`);
    expect(history.body.items[0].fields.sort()).toEqual(['givenName', 'phone']);
    expect(history.body.items[0].change.givenName).toEqual(['Tesfay', 'Berhane']);
    const found = await registrar.api.get('/api/people?q=Berhane%20Gebremedhin');
    expect(found.body.items.map((p: { id: string }) => p.id)).toContain(id);
    const old = await registrar.api.get('/api/people?q=Tesfay');
    expect(old.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('flags a child registered alone (SC) and raises an alert naming the person', async () => {
    const created = await registrar.api.post(
      '/api/people',
      buildPerson({ givenName: 'Abel', birthYear: new Date().getUTCFullYear() - 15 }),
    );
    expect(created.status).toBe(201);
    expect(created.body.person.unaccompanied).toBe(true);
    expect(created.body.person.specificNeeds.map((n: { code: string }) => n.code)).toContain('SC-UC');
    const alerts = await caseworker.api.get('/api/alerts');
    expect(alerts.status).toBe(200);
    expect(alerts.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          rule: 'registry.unaccompanied_child',
          entityId: created.body.person.id,
          severity: 'urgent',
        }),
      ]),
    );
  });

  it('does not flag a child registered into a household with an adult', async () => {
    const household = await registrar.api.post('/api/households', {});
    expect(household.status).toBe(201);
    const parent = await registrar.api.post(
      '/api/people',
      buildPerson({ givenName: 'Saba', sex: 'female', householdId: household.body.id, relationship: 'head' }),
    );
    expect(parent.status).toBe(201);
    const child = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Selam',
        birthYear: new Date().getUTCFullYear() - 6,
        householdId: household.body.id,
        relationship: 'child',
      }),
    );
    expect(child.body.person.unaccompanied).toBe(false);
    expect(child.body.person.specificNeeds).toEqual([]);
    const members = await registrar.api.get(`/api/households/${household.body.id}`);
    expect(members.body.members.map((m: { relationship: string }) => m.relationship)).toEqual([
      'head',
      'child',
    ]);
  });

  it('keeps consent history when consent is withdrawn', async () => {
    const created = await registrar.api.post(
      '/api/people',
      buildPerson({ consent: { basis: 'consent', purposes: ['services', 'tracing'] } }),
    );
    const id = created.body.person.id;
    const withdrawn = await registrar.api.post(`/api/people/${id}/consent`, { withdraw: ['tracing'] });
    expect(withdrawn.status).toBe(200);
    const tracing = withdrawn.body.consent.filter((c: { purpose: string }) => c.purpose === 'tracing');
    expect(tracing).toHaveLength(1);
    expect(tracing[0].withdrawnAt).toEqual(expect.any(String));
    expect((await registrar.api.post(`/api/people/${id}/consent`, { give: ['referral'] })).status).toBe(400);
  });

  it('proposes the earlier registration as a possible duplicate', async () => {
    const first = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mahmoud',
        familyName: 'Haddad',
        birthYear: 1990,
        nationality: 'SYR',
        sex: 'male',
      }),
    );
    const second = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mahmud',
        familyName: 'Hadad',
        birthYear: 1990,
        nationality: 'SYR',
        sex: 'male',
      }),
    );
    expect(second.status).toBe(201);
    expect(second.body.possibleDuplicates[0]).toMatchObject({
      personId: first.body.person.id,
      code: first.body.person.code,
    });
    expect(['high', 'medium']).toContain(second.body.possibleDuplicates[0].band);
  });

  it('lists own and shared people newest first, page by page, and nobody else’s', async () => {
    const otherOrg = (await h.createOrg()).id;
    const otherRegistrar = await h.createUser(['registration_officer'], otherOrg);
    const viewerOrg = (await h.createOrg()).id;
    const viewer = await h.createUser(['registration_officer'], viewerOrg);
    const register = async (user: TestUser, givenName: string) =>
      (await user.api.post('/api/people', buildPerson({ givenName }))).body.person.id as string;
    const ownOld = await register(viewer, 'Listold');
    const sharedOne = await register(otherRegistrar, 'Listshared');
    const notShared = await register(otherRegistrar, 'Listhidden');
    const ownNew = await register(viewer, 'Listnew');
    await h.db
      .insertInto('record_shares')
      .values({
        id: randomId(),
        record_type: 'person',
        record_id: sharedOne,
        org_id: viewerOrg,
        granted_by: 'referral',
        source_id: null,
        granted_at: new Date().toISOString(),
        revoked_at: null,
      })
      .execute();
    const first = await viewer.api.get('/api/people?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((p: { id: string }) => p.id)).toEqual([ownNew, sharedOne]);
    const next = await viewer.api.get(
      `/api/people?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.body.items.map((p: { id: string }) => p.id)).toEqual([ownOld]);
    expect(JSON.stringify([first.body, next.body])).not.toContain(notShared);
  });
});
