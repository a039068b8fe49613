import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { loadStoredModel, MODEL_SETTING } from './model-store.js';
import { drainMatchingJobs, registerMany, strangers } from './testing/registry.fixture.js';

interface Pair {
  id: string;
  older: { personId: string };
  newer: { personId: string };
  score: number;
  explanation: Array<{ field: string; level: string; weight: number }>;
}

const STRANGERS = 30;

describeEngines('whole-registry deduplication run', (h) => {
  let registrar: TestUser;
  let original: string;
  let duplicate: string;
  let namesake: string;

  beforeAll(async () => {
    registrar = await h.createUser(['registration_officer']);
    await registerMany(h, registrar, strangers(STRANGERS));
    const register = async (body: Parameters<typeof buildPerson>[0]) =>
      (await registrar.api.post('/api/people', buildPerson(body))).body.person.id as string;
    original = await register({
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      fathersName: undefined,
      birthYear: 1995,
      nationality: 'SDN',
      sex: 'male',
    });
    duplicate = await register({
      givenName: 'Muhammad',
      familyName: 'Abdalla',
      fathersName: undefined,
      originalScriptName: 'محمد عبدالله',
      birthYear: 1996,
      ageEstimated: true,
      nationality: 'SDN',
      sex: 'male',
    });
    namesake = await register({
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      fathersName: undefined,
      birthYear: 1975,
      ageEstimated: false,
      nationality: 'SDN',
      sex: 'male',
    });
  });

  it('queues one run at a time and reports its progress and result', async () => {
    const started = await registrar.api.post('/api/matching/runs', {});
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'queued', result: null });
    const again = await registrar.api.post('/api/matching/runs', {});
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(started.body.id);

    await drainMatchingJobs(h);
    const run = await registrar.api.get(`/api/matching/runs/${started.body.id}`);
    expect(run.status).toBe(200);
    expect(run.body.status, JSON.stringify(run.body)).toBe('done');
    expect(run.body.result).toMatchObject({ people: STRANGERS + 3, skippedDecided: 0 });
    expect(run.body.result.proposed).toBeGreaterThanOrEqual(1);
    expect(run.body.progress.stage).toBe('proposing pairs for review');
    expect((await registrar.api.get('/api/matching/runs/latest')).body.run.id).toBe(started.body.id);
    expect((await registrar.api.get('/api/matching/runs/nosuchrun')).status).toBe(404);
  });

  it('answers 400 to a body it does not know, 401 without credentials, 403 to a role that does not review', async () => {
    const extra = await registrar.api.post('/api/matching/runs', { threshold: 0.1 });
    expect(extra.status).toBe(400);
    expect(extra.body.error.details.map((d: { field: string }) => d.field)).toContain('threshold');
    const anonymous = h.client();
    expect((await anonymous.post('/api/matching/runs', {})).status).toBe(401);
    expect((await anonymous.get('/api/matching/runs/latest')).status).toBe(401);
    const caseworker = await h.createUser(['caseworker'], registrar.orgId);
    expect((await caseworker.api.post('/api/matching/runs', {})).status).toBe(403);
    expect((await caseworker.api.get('/api/matching/runs/latest')).status).toBe(403);
    const latest = (await registrar.api.get('/api/matching/runs/latest')).body.run;
    expect((await caseworker.api.get(`/api/matching/runs/${latest.id}`)).status).toBe(403);
  });

  it('proposes the planted duplicate (Latin and Arabic spellings), not the namesake born 20 years apart', async () => {
    const queue = await registrar.api.get('/api/duplicates');
    expect(queue.status).toBe(200);
    const items = queue.body.items as Pair[];
    const planted = items.find((p) => p.older.personId === original && p.newer.personId === duplicate);
    expect(
      planted,
      JSON.stringify(items.map((p) => [p.older.personId, p.newer.personId, p.score])),
    ).toBeDefined();
    expect(planted!.score).toBeGreaterThanOrEqual(0.5);
    expect(planted!.explanation[0]!.field).toBe('prior');
    expect(planted!.explanation.find((e) => e.field === 'name')!.weight).toBeGreaterThan(0);
    const withNamesake = items.filter((p) => p.older.personId === namesake || p.newer.personId === namesake);
    expect(withNamesake).toEqual([]);
  });

  it('stores the trained model, and neither it nor the pairs hold a name', async () => {
    const stored = await loadStoredModel(h.db);
    expect(stored?.trainedOn?.records).toBe(STRANGERS + 3);
    const setting = await h.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', MODEL_SETTING)
      .executeTakeFirstOrThrow();
    const pairs = await h.db.selectFrom('duplicate_pairs').selectAll().execute();
    const written = JSON.stringify([setting.value, pairs]);
    expect(written).not.toMatch(/moh|muh|abd|mhmd|okbay|محمد/i);
  });

  it('audits every batch of identities it decrypted, as the system', async () => {
    const reads = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'matching.identities_read')
      .execute();
    const decrypted = reads.reduce((n, r) => n + JSON.parse(r.details ?? '{}').count, 0);
    expect(decrypted).toBe(STRANGERS + 3);
    expect(reads.every((r) => r.actor_id === null)).toBe(true);
    const completed = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'matching.run_completed')
      .execute();
    expect(completed).toHaveLength(1);
  });

  it('scores registrations with the stored model', async () => {
    const response = await registrar.api.post(
      '/api/people',
      buildPerson({
        givenName: 'Mohamed',
        familyName: 'Abdulah',
        fathersName: undefined,
        birthYear: 1995,
        nationality: 'SDN',
        sex: 'male',
      }),
    );
    const ids = response.body.possibleDuplicates.map((d: { personId: string }) => d.personId);
    expect(ids).toContain(original);
    expect(ids).not.toContain(namesake);
  });
});
