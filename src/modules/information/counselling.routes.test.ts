import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { insertTestPerson } from './testing/people.fixture.js';

describeEngines('counselling sessions API', (h) => {
  let counsellor: TestUser;
  let supervisor: TestUser;
  let otherOrgCounsellor: TestUser;
  let personId: string;
  let otherOrgPersonId: string;

  const session = (extra: Record<string, unknown> = {}) => ({
    heldOn: h.clock.now().toISOString().slice(0, 10),
    language: 'ti',
    interpreterUsed: true,
    personId,
    topics: ['asylum', 'family_reunification'],
    optionsDiscussed: ['asylum_france', 'family_reunification'],
    statedIntention: 'family_reunification',
    referrals: [{ service: 'legal_aid', organisation: 'Legal aid clinic' }],
    notes: 'Brother in Germany; wants to know about Dublin article 9.',
    ...extra,
  });

  const countSessions = async () =>
    Number(
      (
        await h.db
          .selectFrom('counselling_sessions')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    const org = await h.createOrg();
    counsellor = await h.createUser(['information_officer'], org.id);
    supervisor = await h.createUser(['case_supervisor'], org.id);
    otherOrgCounsellor = await h.createUser(['caseworker']);
    personId = (await insertTestPerson(h.db, h.keys, org.id)).id;
    otherOrgPersonId = (await insertTestPerson(h.db, h.keys, otherOrgCounsellor.orgId)).id;
  });

  it('answers 400 naming the field, and writes nothing', async () => {
    const before = await countSessions();
    const cases: Array<[Record<string, unknown>, string]> = [
      [session({ heldOn: '2026-13-01' }), 'heldOn'],
      [session({ heldOn: '2999-01-01' }), 'heldOn'],
      [session({ language: 'Tigrinya!' }), 'language'],
      [session({ interpreterUsed: 'yes' }), 'interpreterUsed'],
      [session({ statedIntention: 'go_to_the_moon' }), 'statedIntention'],
      [session({ topics: ['asylum', 'asylum'] }), 'topics'],
      [session({ referrals: [{ service: 'taxi' }] }), 'referrals.0.service'],
      [session({ followUpOn: '2000-01-01' }), 'followUpOn'],
      [session({ personId: undefined }), 'personId'],
      [session({ anonymous: true }), 'personId'],
      [session({ counsellorId: otherOrgCounsellor.id }), 'counsellorId'],
      [session({ name: 'Yonas' }), 'name'],
    ];
    for (const [body, field] of cases) {
      const response = await counsellor.api.post('/api/counselling-sessions', body);
      expect(response.status, `${field}: ${response.raw}`).toBe(400);
      expect(response.body.error.details[0].field).toBe(field);
    }
    expect(await countSessions()).toBe(before);
  });

  it('answers 401 without credentials and 403 to roles that do not counsel', async () => {
    expect((await h.client().post('/api/counselling-sessions', session())).status).toBe(401);
    for (const role of ['registration_officer', 'analyst', 'admin'] as const) {
      const user = await h.createUser([role]);
      expect((await user.api.post('/api/counselling-sessions', session())).status, role).toBe(403);
      expect((await user.api.get('/api/counselling-sessions')).status, role).toBe(403);
    }
  });

  it('answers 404 naming the person when they are outside the counsellor’s scope', async () => {
    const before = await countSessions();
    const response = await counsellor.api.post(
      '/api/counselling-sessions',
      session({ personId: otherOrgPersonId }),
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toContain(otherOrgPersonId);
    expect(await countSessions()).toBe(before);
  });

  it('records a session for a registered person, with the notes encrypted at rest, audited', async () => {
    const created = await counsellor.api.post(
      '/api/counselling-sessions',
      session({ followUpOn: '2099-01-01' }),
    );
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({
      personId,
      anonymous: false,
      counsellorId: counsellor.id,
      language: 'ti',
      interpreterUsed: true,
      statedIntention: 'family_reunification',
      notes: 'Brother in Germany; wants to know about Dublin article 9.',
      allowed: ['completeFollowUp'],
    });
    expect(created.body.personCode).toMatch(/^T/);
    const row = await h.db
      .selectFrom('counselling_sessions')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.notes).toMatch(/^v1\./);
    expect(row.notes).not.toContain('Germany');
    expect(row.wrapped_key).toMatch(/^k1\./);

    const read = await supervisor.api.get(`/api/counselling-sessions/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.notes).toContain('Germany');
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'details'])
      .where('entity', '=', 'counselling_session')
      .where('entity_id', '=', created.body.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ['counselling.create', counsellor.id],
      ['counselling.read', supervisor.id],
    ]);
    expect(audit.every((a) => !String(a.details).includes('Germany'))).toBe(true);
  });

  it('records an anonymous session without notes', async () => {
    const created = await counsellor.api.post(
      '/api/counselling-sessions',
      session({
        personId: undefined,
        anonymous: true,
        notes: undefined,
        language: 'fa-AF',
        statedIntention: 'undecided',
      }),
    );
    expect(created.status, created.raw).toBe(201);
    expect(created.body).toMatchObject({ personId: null, personCode: null, anonymous: true, notes: null });
  });

  it('GET /api/counselling-sessions/:id answers 404 to another organisation and for unknown ids', async () => {
    const created = await counsellor.api.post('/api/counselling-sessions', session());
    expect((await otherOrgCounsellor.api.get(`/api/counselling-sessions/${created.body.id}`)).status).toBe(
      404,
    );
    expect((await counsellor.api.get('/api/counselling-sessions/unknown')).status).toBe(404);
  });

  it('lists a person’s sessions without notes, newest first, paged; the list is audited', async () => {
    await counsellor.api.post('/api/counselling-sessions', session({ heldOn: '2025-12-31' }));
    const list = await counsellor.api.get(`/api/counselling-sessions?personId=${personId}&limit=2`);
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    expect(list.body.items[0]).not.toHaveProperty('notes');
    const rest = await counsellor.api.get(
      `/api/counselling-sessions?personId=${personId}&limit=2&cursor=${list.body.nextCursor}`,
    );
    expect(rest.status).toBe(200);
    const items = [...list.body.items, ...rest.body.items];
    expect(new Set(items.map((s: { id: string }) => s.id)).size).toBe(items.length);
    expect(items.at(-1).heldOn).toBe('2025-12-31');
    expect(items.map((s: { heldOn: string }) => s.heldOn)).toEqual(
      items
        .map((s: { heldOn: string }) => s.heldOn)
        .sort()
        .reverse(),
    );
    expect((await counsellor.api.get(`/api/counselling-sessions?personId=${otherOrgPersonId}`)).status).toBe(
      404,
    );
    expect((await otherOrgCounsellor.api.get('/api/counselling-sessions')).body.items).toEqual([]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'counselling.list')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('lists the counsellor’s follow-ups due, and completes one once', async () => {
    const due = h.clock.now().toISOString().slice(0, 10);
    const created = await counsellor.api.post('/api/counselling-sessions', session({ followUpOn: due }));
    const mine = await counsellor.api.get(`/api/counselling-sessions/follow-ups?dueBy=${due}`);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    expect(mine.body.items.find((s: { id: string }) => s.id === created.body.id).overdue).toBe(false);
    // Another counsellor's list does not show it.
    const others = await supervisor.api.get(`/api/counselling-sessions/follow-ups?dueBy=${due}`);
    expect(others.body.items).toEqual([]);
    const done = await counsellor.api.post(`/api/counselling-sessions/${created.body.id}/follow-up-done`, {});
    expect(done.status).toBe(200);
    expect(done.body.followUpDoneAt).not.toBeNull();
    expect(done.body.allowed).toEqual([]);
    expect(
      (await counsellor.api.post(`/api/counselling-sessions/${created.body.id}/follow-up-done`, {})).status,
    ).toBe(409);
    const after = await counsellor.api.get(`/api/counselling-sessions/follow-ups?dueBy=${due}`);
    expect(after.body.items.map((s: { id: string }) => s.id)).not.toContain(created.body.id);
  });

  it('aggregates by topic, language and intention without names, suppressing small counts', async () => {
    const analyst = await h.createUser(['analyst'], counsellor.orgId);
    for (let i = 0; i < 3; i += 1)
      await counsellor.api.post('/api/counselling-sessions', session({ notes: undefined }));
    const from = '2000-01-01';
    const to = '2100-01-01';
    const response = await analyst.api.get(`/api/counselling-sessions/aggregates?from=${from}&to=${to}`);
    expect(response.status, response.raw).toBe(200);
    const total = await countSessions();
    expect(response.body.total).toEqual({ key: 'total', count: total, suppressed: false });
    const byLanguage = Object.fromEntries(response.body.byLanguage.map((c: { key: string }) => [c.key, c]));
    expect(byLanguage.ti).toMatchObject({ suppressed: false });
    expect(byLanguage['fa-AF']).toEqual({ key: 'fa-AF', count: null, suppressed: true });
    expect(JSON.stringify(response.body)).not.toMatch(/Germany|personId|T[0-9A-Z]{8}/);
    expect((await analyst.api.get(`/api/counselling-sessions/aggregates?from=${to}&to=${from}`)).status).toBe(
      400,
    );
    expect((await analyst.api.get(`/api/counselling-sessions/${'x'}`)).status).toBe(403);
  });
});
