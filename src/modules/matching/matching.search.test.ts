import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

interface Candidate {
  personId: string;
  code: string;
  score: number;
  band: string;
  explanation: Array<{ field: string; level: string; weight: number }>;
  person: { givenName?: string };
}

describeEngines('matching search and possible duplicates', (h) => {
  let registrar: TestUser;
  let mohammedId: string;

  beforeAll(async () => {
    const orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    const mohammed = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohammed',
        familyName: 'Abdullah',
        fathersName: undefined,
        originalScriptName: 'محمد عبدالله',
        nationality: 'SDN',
        birthYear: 1995,
        sex: 'male',
      }),
    );
    mohammedId = mohammed.body.person.id;
    for (const [givenName, familyName] of [
      ['Mahmoud', 'Abbas'],
      ['Fatima', 'Zahra'],
      ['Mohammed', 'Ali'],
      ['Ahmed', 'Hassan'],
    ]) {
      await registrar.api.post('/api/people', buildPerson({ givenName, familyName, nationality: 'SDN' }));
    }
  });

  const search = (body: Record<string, unknown>, user = registrar) =>
    user.api.post('/api/matching/search', body);

  for (const fullName of ['Muhammad Abdallah', 'محمد عبدالله', 'ABDULLAH Mohamed']) {
    it(`finds Mohammed Abdullah by "${fullName}", first, with the weight of each field`, async () => {
      const response = await search({ fullName });
      expect(response.status).toBe(200);
      const [first] = response.body.candidates as Candidate[];
      expect(first?.personId).toBe(mohammedId);
      expect(first?.person.givenName).toBe('Mohammed');
      expect(first?.explanation[0]).toMatchObject({ field: 'prior', level: 'prior' });
      const name = first?.explanation.find((e) => e.field === 'name');
      expect(['exact', 'transliteration']).toContain(name?.level);
      expect(name?.weight).toBeGreaterThan(5);
      expect(first?.explanation.find((e) => e.field === 'birthDate')).toMatchObject({
        level: 'missing',
        weight: 0,
      });
    });
  }

  it('is more certain with the birth year and sex, and the band says so', async () => {
    const nameOnly = (await search({ fullName: 'Muhammad Abdallah' })).body.candidates[0] as Candidate;
    const more = (
      await search({
        givenName: 'Mohamed',
        familyName: 'Abdulla',
        birthYear: 1995,
        sex: 'male',
        nationality: 'SDN',
      })
    ).body.candidates[0] as Candidate;
    expect(more.personId).toBe(mohammedId);
    expect(more.score).toBeGreaterThan(nameOnly.score);
    expect(more.band).toBe('high');
    const birth = more.explanation.find((e) => e.field === 'birthDate');
    expect(birth).toMatchObject({ level: 'sameYear' });
    expect(birth!.weight).toBeGreaterThan(0);
  });

  it('weighs a birth year 20 years apart against the match', async () => {
    const response = await search({ fullName: 'Mohammed Abdullah', birthYear: 1975, sex: 'male' });
    const hit = (response.body.candidates as Candidate[]).find((c) => c.personId === mohammedId);
    const birth = hit?.explanation.find((e) => e.field === 'birthDate');
    expect(birth?.level).toBe('far');
    expect(birth!.weight).toBeLessThan(-5);
    expect(hit!.score).toBeLessThan(0.5);
  });

  it('records one audit entry per search with the ids shown and no names', async () => {
    await search({ fullName: 'Muhammad Abdallah', birthYear: 1995 });
    const entry = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'matching.search')
      .where('actor_id', '=', registrar.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const details = JSON.parse(entry.details ?? '{}');
    expect(details.results).toContain(mohammedId);
    expect(details.fields).toEqual(['fullName', 'birthYear']);
    expect(entry.details).not.toMatch(/Abd|Muh|محمد/i);
  });

  it('answers 400 naming the field, 401 without credentials, 403 to a role without people', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'fullName'],
      [{ fullName: 'Ali', birthYear: 1850 }, 'birthYear'],
      [{ fullName: 'Ali', nationality: 'ZZZ' }, 'nationality'],
      [{ fullName: 'Ali', sex: 'yes' }, 'sex'],
      [{ fullName: 'Ali', limit: 500 }, 'limit'],
      [{ fullName: 'Ali', isVip: true }, 'isVip'],
      [{ fullName: 'x'.repeat(301) }, 'fullName'],
    ];
    for (const [body, field] of cases) {
      const response = await search(body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(response.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect((await h.client().post('/api/matching/search', { fullName: 'Ali' })).status).toBe(401);
    const monitor = await h.createUser(['site_monitor']);
    expect((await search({ fullName: 'Ali' }, monitor)).status).toBe(403);
  });

  it('never shows another organisation its records', async () => {
    const outsider = await h.createUser(['registration_officer']);
    const response = await search({ fullName: 'Mohammed Abdullah', birthYear: 1995 }, outsider);
    expect(response.status).toBe(200);
    expect(response.body.candidates).toEqual([]);
  });

  it('proposes the earlier registration on registration, scored by the model with weights', async () => {
    const second = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Muhammad',
        familyName: 'Abdalla',
        fathersName: undefined,
        birthYear: 1995,
        nationality: 'SDN',
        sex: 'male',
      }),
    );
    expect(second.status).toBe(201);
    const [duplicate] = second.body.possibleDuplicates;
    expect(duplicate).toMatchObject({ personId: mohammedId, band: 'high' });
    expect(duplicate.explanation).toContainEqual(
      expect.objectContaining({
        field: 'name',
        level: 'transliteration',
        detail: expect.stringMatching(/^weight \+\d/),
      }),
    );
    // The namesake born 20 years later is registered, and not proposed as the same person.
    const namesake = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohammed',
        familyName: 'Abdullah',
        fathersName: undefined,
        birthYear: 2015,
        ageEstimated: false,
        sex: 'male',
        nationality: 'SDN',
      }),
    );
    expect(namesake.body.possibleDuplicates.map((d: { personId: string }) => d.personId)).not.toContain(
      mohammedId,
    );
  });
});
