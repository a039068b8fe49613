import { beforeAll, expect, it } from 'vitest';
import { buildAssessment, buildIncident, buildSite } from '../../../test/factories/sites.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

describeEngines('site assessments and incidents', (h) => {
  let monitor: TestUser;
  let caseworker: TestUser;
  const missing = '01hzzzzzzzzzzzzzzzzzzzzzzz';
  const newSite = async (overrides: Record<string, unknown> = {}) =>
    (await monitor.api.post('/api/sites', buildSite({ name: h.unique('Site'), ...overrides }))).body as {
      id: string;
    };
  const count = async (table: 'site_assessments' | 'incidents') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    monitor = await h.createUser(['site_monitor']);
    caseworker = await h.createUser(['caseworker'], monitor.orgId);
  });

  it('records a DTM-style assessment (201) and gives a time series per indicator', async () => {
    const site = await newSite();
    const first = await monitor.api.post(
      `/api/sites/${site.id}/assessments`,
      buildAssessment({ date: '2015-12-10', shelter: 3, latrines: 40 }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      id: expect.any(String),
      siteId: site.id,
      date: '2015-12-10',
      shelter: 3,
      latrines: 40,
      showers: null,
      keyInformants: [
        { kind: 'community_leader', count: 4 },
        { kind: 'volunteer', count: 2 },
      ],
    });
    await monitor.api.post(
      `/api/sites/${site.id}/assessments`,
      buildAssessment({ date: '2016-02-15', shelter: 5, latrines: undefined }),
    );
    const latest = await caseworker.api.get(`/api/sites/${site.id}/assessments?limit=1`);
    expect(latest.body.items.map((a: { date: string }) => a.date)).toEqual(['2016-02-15']);
    expect(latest.body.nextCursor).toEqual(expect.any(String));
    const series = await caseworker.api.get(`/api/sites/${site.id}/assessments/series`);
    const of = (name: string) =>
      series.body.indicators.find((i: { indicator: string }) => i.indicator === name).points;
    expect(of('shelter')).toEqual([
      { date: '2015-12-10', value: 3 },
      { date: '2016-02-15', value: 5 },
    ]);
    expect(of('latrines')).toEqual([{ date: '2015-12-10', value: 40 }]);
    expect(of('showers')).toEqual([]);
  });

  it('answers 400 naming the field for a bad assessment, and writes nothing', async () => {
    const site = await newSite();
    const before = await count('site_assessments');
    const cases: Array<[Record<string, unknown>, string]> = [
      [buildAssessment({ shelter: 6 }), 'shelter'],
      [buildAssessment({ protection: 0 }), 'protection'],
      [buildAssessment({ healthAccess: undefined }), 'healthAccess'],
      [buildAssessment({ latrines: -2 }), 'latrines'],
      [buildAssessment({ keyInformants: [] }), 'keyInformants'],
      [buildAssessment({ keyInformants: [{ kind: 'journalist', count: 1 }] }), 'keyInformants.0.kind'],
      [buildAssessment({ keyInformants: [{ kind: 'volunteer', count: 0 }] }), 'keyInformants.0.count'],
      [buildAssessment({ protectionRisks: ['fire', 'fire'] }), 'protectionRisks'],
      [buildAssessment({ servicesPresent: ['casino'] }), 'servicesPresent.0'],
      [buildAssessment({ date: '2999-01-01' }), 'date'],
      [buildAssessment({ informantNames: ['Ahmed'] }), 'informantNames'],
    ];
    for (const [body, field] of cases) {
      const response = await monitor.api.post(`/api/sites/${site.id}/assessments`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await count('site_assessments')).toBe(before);
  });

  it('answers 401, 403 and 404 on assessments', async () => {
    const site = await newSite();
    expect((await h.client().post(`/api/sites/${site.id}/assessments`, buildAssessment())).status).toBe(401);
    const coordinator = await h.createUser(['reception_coordinator']);
    expect((await coordinator.api.post(`/api/sites/${site.id}/assessments`, buildAssessment())).status).toBe(
      403,
    );
    expect((await monitor.api.post(`/api/sites/${missing}/assessments`, buildAssessment())).status).toBe(404);
    expect((await monitor.api.get(`/api/sites/${missing}/assessments/series`)).status).toBe(404);
  });

  it('encrypts an incident description and shows the site monitor only aggregates', async () => {
    const camp = await newSite();
    const zone = await newSite({ name: 'South zone', kind: 'camp_zone', parentId: camp.id });
    const created = await monitor.api.post(`/api/sites/${zone.id}/incidents`, buildIncident());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kind: 'police_action',
      severity: 'high',
      peopleAffected: 40,
      hasDescription: true,
    });
    expect(created.body).not.toHaveProperty('description');
    await monitor.api.post(
      `/api/sites/${zone.id}/incidents`,
      buildIncident({
        date: '2016-03-02',
        kind: 'fire',
        severity: 'critical',
        peopleAffected: undefined,
        description: undefined,
      }),
    );
    await monitor.api.post(
      `/api/sites/${camp.id}/incidents`,
      buildIncident({ date: '2016-04-11', kind: 'fire', severity: 'medium', peopleAffected: 6 }),
    );

    const stored = await h.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.description).not.toContain('Tear gas');
    expect(stored.wrapped_key).toEqual(expect.any(String));

    expect((await monitor.api.get(`/api/sites/${camp.id}/incidents`)).status).toBe(403);
    const summary = await monitor.api.get(`/api/sites/${camp.id}/incidents/summary`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({
      sitesCovered: 2,
      total: 3,
      peopleAffected: 46,
      byKind: { police_action: 1, fire: 2 },
      bySeverity: { high: 1, critical: 1, medium: 1 },
      byMonth: [
        { month: '2016-03', count: 2, peopleAffected: 40 },
        { month: '2016-04', count: 1, peopleAffected: 6 },
      ],
    });
    expect(JSON.stringify(summary.body)).not.toContain('Tear gas');
    const march = await monitor.api.get(
      `/api/sites/${camp.id}/incidents/summary?from=2016-03-01&to=2016-03-31`,
    );
    expect(march.body.total).toBe(2);
  });

  it('lets protection staff of the recording organisation read descriptions, audited; others see none', async () => {
    const site = await newSite();
    const created = (await monitor.api.post(`/api/sites/${site.id}/incidents`, buildIncident())).body;
    const details = await caseworker.api.get(`/api/sites/${site.id}/incidents`);
    expect(details.status).toBe(200);
    expect(details.body.items).toEqual([
      expect.objectContaining({ id: created.id, description: expect.stringContaining('Tear gas used') }),
    ]);
    const audit = await h.db
      .selectFrom('audit_log')
      .select(['details', 'actor_id'])
      .where('action', '=', 'incident.read')
      .where('actor_id', '=', caseworker.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toContain(created.id);
    expect(audit[0]?.details).not.toContain('Tear gas');
    const outsider = await h.createUser(['case_supervisor']);
    expect((await outsider.api.get(`/api/sites/${site.id}/incidents`)).body.items).toEqual([]);
  });

  it('answers 400 naming the field for a bad incident, 401, 403 and 404, and writes nothing', async () => {
    const site = await newSite();
    const before = await count('incidents');
    const cases: Array<[Record<string, unknown>, string]> = [
      [buildIncident({ kind: 'riot' }), 'kind'],
      [buildIncident({ severity: 'extreme' }), 'severity'],
      [buildIncident({ peopleAffected: -1 }), 'peopleAffected'],
      [buildIncident({ date: '2999-01-01' }), 'date'],
      [buildIncident({ description: 'x'.repeat(5001) }), 'description'],
      [buildIncident({ victimName: 'A. B.' }), 'victimName'],
    ];
    for (const [body, field] of cases) {
      const response = await monitor.api.post(`/api/sites/${site.id}/incidents`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await count('incidents')).toBe(before);
    expect((await h.client().post(`/api/sites/${site.id}/incidents`, buildIncident())).status).toBe(401);
    expect((await caseworker.api.post(`/api/sites/${site.id}/incidents`, buildIncident())).status).toBe(403);
    const analyst = await h.createUser(['analyst']);
    expect((await analyst.api.get(`/api/sites/${site.id}/incidents/summary`)).status).toBe(200);
    expect((await analyst.api.get(`/api/sites/${site.id}/incidents`)).status).toBe(403);
    expect((await monitor.api.post(`/api/sites/${missing}/incidents`, buildIncident())).status).toBe(404);
    expect((await monitor.api.get(`/api/sites/${missing}/incidents/summary`)).status).toBe(404);
    expect((await caseworker.api.get(`/api/sites/${missing}/incidents`)).status).toBe(404);
    const reversed = await monitor.api.get(
      `/api/sites/${site.id}/incidents/summary?from=2016-04-01&to=2016-03-01`,
    );
    expect(reversed.body.error.message).toMatch(/^from:/);
  });
});
