import { beforeAll, expect, it } from 'vitest';
import { buildEstimate, buildSite } from '../../../test/factories/sites.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

describeEngines('population estimates', (h) => {
  let monitor: TestUser;
  let ngo: TestUser;
  const newSite = async (overrides: Record<string, unknown> = {}) =>
    (await monitor.api.post('/api/sites', buildSite({ name: h.unique('Site'), ...overrides }))).body as {
      id: string;
    };
  const countEstimates = async () =>
    Number(
      (
        await h.db
          .selectFrom('population_estimates')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    monitor = await h.createUser(['site_monitor']);
    ngo = await h.createUser(['reception_coordinator']);
  });

  it('records an estimate (201) with its provenance and lists it as current', async () => {
    const site = await newSite();
    const created = await monitor.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({
        method: 'Count of tents × 2.5',
        breakdown: { children: 120, nationalities: { AFG: 300 } },
      }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      siteId: site.id,
      date: '2016-02-20',
      sourceName: 'Prefecture of Pas-de-Calais',
      sourceKind: 'authority',
      point: 800,
      low: null,
      method: 'Count of tents × 2.5',
      breakdown: { children: 120, nationalities: { AFG: 300 } },
      isCurrent: true,
      orgId: monitor.orgId,
    });
    const list = await monitor.api.get(`/api/sites/${site.id}/estimates`);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([created.body.id]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['population_estimate.create']);
  });

  it('never overwrites: a correction supersedes, once, and only by the organisation that recorded it', async () => {
    const site = await newSite();
    const typo = (await monitor.api.post(`/api/sites/${site.id}/estimates`, buildEstimate({ point: 8000 })))
      .body;
    const byOther = await ngo.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ supersedesId: typo.id }),
    );
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.message).toMatch(/^supersedesId:/);
    const fixed = await monitor.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ supersedesId: typo.id }),
    );
    expect(fixed.status).toBe(201);
    const twice = await monitor.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ point: 810, supersedesId: typo.id }),
    );
    expect(twice.status).toBe(409);
    const all = await monitor.api.get(`/api/sites/${site.id}/estimates`);
    const original = all.body.items.find((e: { id: string }) => e.id === typo.id);
    expect(original).toMatchObject({ point: 8000, isCurrent: false, supersededById: fixed.body.id });
    const current = await monitor.api.get(`/api/sites/${site.id}/estimates?includeSuperseded=false`);
    expect(current.body.items.map((e: { id: string }) => e.id)).toEqual([fixed.body.id]);
    const population = await monitor.api.get(`/api/sites/${site.id}/population?date=2016-02-20`);
    expect(population.body.range).toEqual({ low: 800, high: 800 });
    const elsewhere = await newSite();
    const wrongSite = await monitor.api.post(
      `/api/sites/${elsewhere.id}/estimates`,
      buildEstimate({ supersedesId: fixed.body.id }),
    );
    expect(wrongSite.status).toBe(400);
    expect(wrongSite.body.error.message).toMatch(/^supersedesId:/);
  });

  it('answers 400 naming the field for bad figures, and writes nothing', async () => {
    const site = await newSite();
    const before = await countEstimates();
    const cases: Array<[Record<string, unknown>, string]> = [
      [buildEstimate({ point: undefined, low: 3500, high: 800 }), 'low'],
      [buildEstimate({ point: -1 }), 'point'],
      [buildEstimate({ point: undefined, low: -5, high: 10 }), 'low'],
      [buildEstimate({ point: 12.5 }), 'point'],
      [buildEstimate({ point: undefined }), 'point'],
      [buildEstimate({ low: 900, high: 1000, point: 800 }), 'point'],
      [buildEstimate({ date: '2999-12-31' }), 'date'],
      [buildEstimate({ date: '20/02/2016' }), 'date'],
      [buildEstimate({ sourceKind: 'rumour' }), 'sourceKind'],
      [buildEstimate({ sourceName: '  ' }), 'sourceName'],
      [buildEstimate({ breakdown: { children: 900 } }), 'breakdown.children'],
      [buildEstimate({ breakdown: { children: -3 } }), 'breakdown.children'],
      [
        buildEstimate({ breakdown: { children: 100, unaccompaniedMinors: 300 } }),
        'breakdown.unaccompaniedMinors',
      ],
      [buildEstimate({ breakdown: { nationalities: { Afghan: 10 } } }), 'breakdown.nationalities.Afghan'],
      [buildEstimate({ breakdown: { nationalities: { AFG: 500, SDN: 400 } } }), 'breakdown.nationalities'],
      [buildEstimate({ supersedesId: 'no-such-estimate' }), 'supersedesId'],
      [buildEstimate({ confidence: 'high' }), 'confidence'],
    ];
    for (const [body, field] of cases) {
      const response = await monitor.api.post(`/api/sites/${site.id}/estimates`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await countEstimates()).toBe(before);
  });

  it('answers 404 for an unknown site, 401 without credentials and 403 to roles that do not write estimates', async () => {
    const missing = '01hzzzzzzzzzzzzzzzzzzzzzzz';
    expect((await monitor.api.post(`/api/sites/${missing}/estimates`, buildEstimate())).status).toBe(404);
    expect((await monitor.api.get(`/api/sites/${missing}/estimates`)).status).toBe(404);
    expect((await monitor.api.get(`/api/sites/${missing}/population`)).status).toBe(404);
    const site = await newSite();
    expect((await h.client().post(`/api/sites/${site.id}/estimates`, buildEstimate())).status).toBe(401);
    expect((await h.client().get(`/api/sites/${site.id}/population`)).status).toBe(401);
    const analyst = await h.createUser(['analyst']);
    expect((await analyst.api.post(`/api/sites/${site.id}/estimates`, buildEstimate())).status).toBe(403);
    expect((await analyst.api.get(`/api/sites/${site.id}/population`)).status).toBe(200);
  });

  it('pages estimates newest first', async () => {
    const site = await newSite();
    for (const date of ['2016-01-01', '2016-02-01', '2016-03-01']) {
      await monitor.api.post(`/api/sites/${site.id}/estimates`, buildEstimate({ date }));
    }
    const first = await monitor.api.get(`/api/sites/${site.id}/estimates?limit=2`);
    expect(first.body.items.map((e: { date: string }) => e.date)).toEqual(['2016-03-01', '2016-02-01']);
    const second = await monitor.api.get(
      `/api/sites/${site.id}/estimates?limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((e: { date: string }) => e.date)).toEqual(['2016-01-01']);
    expect(second.body.nextCursor).toBeNull();
  });
});
