import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { buildEstimate, buildSite } from '../../../test/factories/sites.js';
import { describeEngines, type Harness, type TestUser } from '../../../test/helpers/harness.js';

/** Registered people present at a site, inserted as rows: the registry's floor counts them. */
async function placePeople(
  h: Harness,
  siteId: string,
  orgId: string,
  count: number,
  status: 'active' | 'merged' = 'active',
) {
  const now = new Date().toISOString();
  const rows = Array.from({ length: count }, () => {
    const id = randomBytes(8).toString('hex');
    return {
      id,
      code: `T${id}`,
      org_id: orgId,
      sex: 'male' as const,
      languages: '[]',
      age_estimated: 0,
      site_id: siteId,
      status,
      identity: 'sealed',
      version: 1,
      is_demo: 0,
      created_at: now,
      updated_at: now,
    };
  });
  await h.db.insertInto('people').values(rows).execute();
}

describeEngines('reconciled population', (h) => {
  let monitor: TestUser;
  let ngo: TestUser;
  const newSite = async (overrides: Record<string, unknown> = {}) =>
    (await monitor.api.post('/api/sites', buildSite({ name: h.unique('Site'), ...overrides }))).body as {
      id: string;
    };

  beforeAll(async () => {
    monitor = await h.createUser(['site_monitor']);
    ngo = await h.createUser(['reception_coordinator']);
  });

  it('reconciles the Calais figures: range, central value with its method, divergence 4.375, registry floor', async () => {
    const south = await newSite({ name: 'South zone', kind: 'camp_zone' });
    await monitor.api.post(
      `/api/sites/${south.id}/estimates`,
      buildEstimate({ date: '2016-02-20', point: 800 }),
    );
    await ngo.api.post(
      `/api/sites/${south.id}/estimates`,
      buildEstimate({
        date: '2016-02-20',
        sourceName: 'Help Refugees census',
        sourceKind: 'ngo',
        point: 3500,
        breakdown: { children: 423, unaccompaniedMinors: 305 },
      }),
    );
    await placePeople(h, south.id, monitor.orgId, 5);
    await placePeople(h, south.id, monitor.orgId, 2, 'merged');
    const past = await monitor.api.get(`/api/sites/${south.id}/population?date=2016-02-20`);
    expect(past.status).toBe(200);
    expect(past.body).toMatchObject({
      basis: 'sources',
      range: { low: 800, high: 3500 },
      central: { value: 2150, method: 'weighted_median', raisedToFloor: false },
      method: { name: 'weighted_median', halfLifeDays: 60, maxAgeDays: null },
      divergenceRatio: 4.375,
      newestFigureOn: '2016-02-20',
      registeredPresent: 5,
      floorApplied: false,
      breakdown: {
        children: { low: 423, high: 423, reportedBy: 1 },
        unaccompaniedMinors: { low: 305, high: 305, reportedBy: 1 },
      },
    });
    expect(past.body.sources).toHaveLength(2);
    expect(past.body.statement).toContain('Sources disagree by a factor of 4.4.');
    expect(past.body.method.reliability).toMatchObject({ authority: 0.7, ngo: 0.7 });
  });

  it('applies the registry floor today, and says so', async () => {
    const site = await newSite();
    const today = new Date().toISOString().slice(0, 10);
    await monitor.api.post(`/api/sites/${site.id}/estimates`, buildEstimate({ date: today, point: 3 }));
    await ngo.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ date: today, sourceKind: 'ngo', sourceName: 'NGO', point: 6 }),
    );
    await placePeople(h, site.id, monitor.orgId, 7);
    const now = await monitor.api.get(`/api/sites/${site.id}/population`);
    expect(now.body).toMatchObject({
      date: today,
      registeredPresent: 7,
      floorApplied: true,
      central: { value: 7, raisedToFloor: true },
    });
    expect(now.body.statement).toContain(
      'Sources disagree by a factor of 2.0; the registry confirms at least 7 people present.',
    );
  });

  it('sums the zones of a camp, registry included, and answers a date with no figures', async () => {
    const camp = await newSite({ name: 'Calais — informal camp' });
    const south = await newSite({ name: 'South zone', kind: 'camp_zone', parentId: camp.id });
    const north = await newSite({ name: 'North zone', kind: 'camp_zone', parentId: camp.id });
    await monitor.api.post(
      `/api/sites/${south.id}/estimates`,
      buildEstimate({ point: undefined, low: 800, high: 3500 }),
    );
    await monitor.api.post(
      `/api/sites/${north.id}/estimates`,
      buildEstimate({ point: undefined, low: 1000, high: 3000 }),
    );
    await placePeople(h, north.id, monitor.orgId, 3);
    const r = await monitor.api.get(`/api/sites/${camp.id}/population?date=2016-02-25`);
    expect(r.body).toMatchObject({
      basis: 'zones',
      range: { low: 1800, high: 6500 },
      central: { value: 4150, method: 'sum_of_zones' },
      registeredPresent: 3,
    });
    expect(r.body.zones.map((z: { name: string }) => z.name).sort()).toEqual(['North zone', 'South zone']);
    const before = await monitor.api.get(`/api/sites/${camp.id}/population?date=2015-06-01`);
    expect(before.body).toMatchObject({ basis: 'none', range: null, central: null, divergenceRatio: null });
  });

  it('leaves out figures from before a dismantling and draws the series of the band', async () => {
    const zone = await newSite({ name: 'South zone', kind: 'camp_zone', statusEffectiveOn: '2015-10-01' });
    await monitor.api.post(
      `/api/sites/${zone.id}/estimates`,
      buildEstimate({ date: '2016-01-15', point: 1200 }),
    );
    await ngo.api.post(
      `/api/sites/${zone.id}/estimates`,
      buildEstimate({ date: '2016-02-20', sourceKind: 'ngo', sourceName: 'NGO', point: 3500 }),
    );
    await monitor.api.patch(`/api/sites/${zone.id}`, {
      status: 'dismantled',
      statusEffectiveOn: '2016-03-16',
    });
    const after = await monitor.api.get(`/api/sites/${zone.id}/population?date=2016-03-20`);
    expect(after.body).toMatchObject({ basis: 'none', closure: { status: 'dismantled', on: '2016-03-16' } });
    expect(after.body.statement).toContain('was dismantled on 2016-03-16; no estimate since.');
    const series = await monitor.api.get(
      `/api/sites/${zone.id}/population/series?from=2016-01-01&to=2016-03-31`,
    );
    expect(series.status).toBe(200);
    expect(series.body.points.map((p: { date: string }) => p.date)).toEqual([
      '2016-01-15',
      '2016-02-20',
      '2016-03-16',
      '2016-03-31',
    ]);
    expect(series.body.points.map((p: { range: unknown }) => p.range)).toEqual([
      { low: 1200, high: 1200 },
      { low: 1200, high: 3500 },
      null,
      null,
    ]);
  });

  it('answers 400 naming the field for a bad population query', async () => {
    const site = await newSite();
    const future = await monitor.api.get(`/api/sites/${site.id}/population?date=2999-01-01`);
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/^date:/);
    expect(
      (await monitor.api.get(`/api/sites/${site.id}/population?date=yesterday`)).body.error.message,
    ).toMatch(/^date:/);
    expect(
      (await monitor.api.get(`/api/sites/${site.id}/population/series?from=2016-03-01&to=2016-01-01`)).body
        .error.message,
    ).toMatch(/^from:/);
    expect((await monitor.api.get(`/api/sites/${site.id}/estimates?cursor=zzz`)).body.error.message).toMatch(
      /^cursor:/,
    );
  });

  it('takes reconciliation weights from the settings, and ignores a setting that does not parse', async () => {
    const site = await newSite();
    await monitor.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ date: '2016-02-20', point: 800 }),
    );
    await ngo.api.post(
      `/api/sites/${site.id}/estimates`,
      buildEstimate({ date: '2016-02-20', sourceKind: 'ngo', sourceName: 'NGO', point: 3500 }),
    );
    const setting = (value: string) =>
      h.db
        .insertInto('settings')
        .values({ key: 'sites.reconciliation', value, updated_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute();
    try {
      await setting(JSON.stringify({ halfLifeDays: 30, maxAgeDays: 90, reliability: { ngo: 0.9 } }));
      const weighted = await monitor.api.get(`/api/sites/${site.id}/population?date=2016-02-20`);
      expect(weighted.body.method).toMatchObject({
        halfLifeDays: 30,
        maxAgeDays: 90,
        reliability: { ngo: 0.9, authority: 0.7 },
      });
      expect(weighted.body.central.value).toBe(3500);
      await setting('{"halfLifeDays": -4');
      const fallback = await monitor.api.get(`/api/sites/${site.id}/population?date=2016-02-20`);
      expect(fallback.body.method).toMatchObject({ halfLifeDays: 60, maxAgeDays: null });
    } finally {
      await h.db.deleteFrom('settings').where('key', '=', 'sites.reconciliation').execute();
    }
  });
});
