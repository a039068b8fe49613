import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

describeEngines('searching people in any spelling or script', (h) => {
  let registrar: TestUser;
  let mohammedId: string;
  let mohammedCode: string;
  let tesfayId: string;

  beforeAll(async () => {
    const orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    const mohammed = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohammed',
        familyName: 'Abdullah',
        originalScriptName: 'محمد عبدالله',
        nationality: 'SDN',
        phone: '+33 6 98 76 54 32',
      }),
    );
    mohammedId = mohammed.body.person.id;
    mohammedCode = mohammed.body.person.code;
    tesfayId = (
      await registrar.api.post(
        '/api/people',
        buildPerson({ givenName: 'Tesfay', fathersName: 'Haile', nationality: 'ERI' }),
      )
    ).body.person.id;
    for (const [givenName, familyName] of [
      ['Mahmoud', 'Abbas'],
      ['Ahmed', 'Hassan'],
      ['Fatima', 'Zahra'],
      ['Mohammed', 'Ali'],
    ]) {
      await registrar.api.post('/api/people', buildPerson({ givenName, familyName, nationality: 'SDN' }));
    }
  });

  for (const q of [
    'Muhammad Abdallah',
    'mohamed abdulla',
    'عبدالله محمد',
    'MOHAMMAD ABDULLA',
    'Abdullah Mohammed',
  ]) {
    it(`finds Mohammed Abdullah by "${q}", first, and says why`, async () => {
      const response = await registrar.api.get(`/api/people?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(response.body.items[0]?.id).toBe(mohammedId);
      expect(response.body.items[0].match.score).toBeGreaterThan(0.8);
      expect(response.body.items[0].match.explanation[0]).toMatchObject({ field: 'name' });
    });
  }

  it('finds Tesfay by Tesfai', async () => {
    const response = await registrar.api.get('/api/people?q=Tesfai');
    expect(response.body.items.map((p: { id: string }) => p.id)).toContain(tesfayId);
  });

  it('does not return Mahmoud Abbas for Mohammed Abdullah', async () => {
    const response = await registrar.api.get(`/api/people?q=${encodeURIComponent('Mohammed Abdullah')}`);
    const names = response.body.items.map(
      (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`,
    );
    expect(names).not.toContain('Mahmoud Abbas');
  });

  it('finds a person by card code, with or without hyphens, and by phone', async () => {
    for (const q of [mohammedCode, mohammedCode.replace(/-/g, '').toLowerCase()]) {
      const response = await registrar.api.get(`/api/people?q=${encodeURIComponent(q)}`);
      expect(response.body.items.map((p: { id: string }) => p.id)).toEqual([mohammedId]);
    }
    const byPhone = await registrar.api.get(`/api/people?q=${encodeURIComponent('06 98 76 54 32')}`);
    expect(byPhone.body.items.map((p: { id: string }) => p.id)).toContain(mohammedId);
  });

  it('filters by nationality and age band and pages with a cursor', async () => {
    const eritreans = await registrar.api.get('/api/people?nationality=ERI&limit=100');
    expect(eritreans.body.items.every((p: { nationality: string }) => p.nationality === 'ERI')).toBe(true);
    const page1 = await registrar.api.get('/api/people?limit=2');
    expect(page1.body.items).toHaveLength(2);
    const page2 = await registrar.api.get(`/api/people?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    expect((await registrar.api.get('/api/people?ageBand=13-14')).status).toBe(400);
  });

  it('records one audit entry per search, listing the records shown', async () => {
    await registrar.api.get('/api/people?q=Tesfai');
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.search')
      .where('actor_id', '=', registrar.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.details ?? '{}').results).toContain(tesfayId);
    expect(entry.details).not.toMatch(/Tesf/i);
  });

  it('proposes the namesake of a compatible age even when many younger namesakes came since', async () => {
    const orgId = (await h.createOrg()).id;
    const registrar = await h.createUser(['registration_officer'], orgId);
    const person = { givenName: 'Samir', familyName: 'Haddad', nationality: 'SYR', birthYear: 1975 };
    const first = await registrar.api.post('/api/people', buildPerson(person));
    // More namesakes than the duplicate check's pool (60), all registered later, all 25 years younger.
    for (let i = 0; i < 62; i += 1) {
      await registrar.api.post('/api/people', buildPerson({ ...person, birthYear: 2000 }));
    }
    const again = await registrar.api.post('/api/people', buildPerson(person));
    expect(again.status).toBe(201);
    expect(again.body.possibleDuplicates.map((d: { personId: string }) => d.personId)).toContain(
      first.body.person.id,
    );
  });
});
