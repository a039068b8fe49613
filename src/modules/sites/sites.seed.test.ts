import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { createOrganisation } from '../access/users.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { type DemoSites, findDemoSites, sitesDemoSeeder } from './sites.seed.js';

describeEngines('sites demo (the Calais scenario)', (h) => {
  let sites: DemoSites;
  let monitor: TestUser;

  beforeAll(async () => {
    const ctx = h.systemContext();
    const orgIds: Record<string, string> = {};
    for (const slug of ['demo-ngo', 'demo-un']) {
      orgIds[slug] = (await createOrganisation(ctx, { slug, name: slug, kind: 'ngo', isDemo: true })).id;
    }
    monitor = await h.createUser(['site_monitor'], orgIds['demo-un']);
    const steps: string[] = [];
    await sitesDemoSeeder.seed({
      ctx,
      orgIds,
      userIds: { 'monitor@demo.passerelle.example': monitor.id },
      people: 0,
      progress: (step) => steps.push(step),
    });
    expect(steps).toContain('sites: clearance of the southern zone');
    const found = await findDemoSites(h.db);
    if (!found) throw new Error('demo sites not found');
    sites = found;
  });

  it('finds the camp, its zones, the reception centre and orientation centres by stable names', async () => {
    expect(sites.orientationCentres).toHaveLength(12);
    expect(new Set(sites.orientationCentres.map((c) => c.region)).size).toBeGreaterThanOrEqual(10);
    const camp = await monitor.api.get(`/api/sites/${sites.camp}`);
    expect(camp.body.children.map((c: { name: string }) => c.name)).toEqual(['North zone', 'South zone']);
    expect(camp.body.location.outline.type).toBe('Polygon');
    const all = await h.db.selectFrom('sites').select('is_demo').execute();
    expect(all.every((s) => s.is_demo === 1)).toBe(true);
  });

  it('holds the February 2016 figures of the south as 800 against 3,500, the typo corrected', async () => {
    const r = await monitor.api.get(`/api/sites/${sites.southZone}/population?date=2016-02-19`);
    expect(r.body.range).toEqual({ low: 800, high: 3500 });
    expect(r.body.divergenceRatio).toBe(4.375);
    expect(r.body.breakdown.unaccompaniedMinors).toEqual({ low: 305, high: 305, reportedBy: 1 });
    expect(r.body.statement).toContain('Sources disagree by a factor of 4.4');
    const entries = await monitor.api.get(`/api/sites/${sites.southZone}/estimates?limit=500`);
    const typo = entries.body.items.find((e: { point: number | null }) => e.point === 8000);
    expect(typo).toMatchObject({ isCurrent: false, supersededById: expect.any(String) });
  });

  it('records the dismantling of the southern zone in March 2016, and the camp sums its zones', async () => {
    const south = await monitor.api.get(`/api/sites/${sites.southZone}`);
    expect(south.body).toMatchObject({
      status: 'dismantled',
      statusSince: '2016-03-16',
      closedOn: '2016-03-16',
    });
    expect(south.body.statusHistory.map((s: { status: string }) => s.status)).toEqual([
      'open',
      'closing',
      'dismantled',
    ]);
    const camp = await monitor.api.get(`/api/sites/${sites.camp}/population?date=2016-02-20`);
    expect(camp.body).toMatchObject({ basis: 'zones', range: { low: 1800, high: 6500 } });
    const april = await monitor.api.get(`/api/sites/${sites.camp}/population?date=2016-04-25`);
    expect(april.body.zones.find((z: { name: string }) => z.name === 'South zone').range).toBeNull();
    expect(april.body.range).toEqual({ low: 2000, high: 4500 });
  });

  it('seeds assessments and encrypted incidents, with an intact audit chain', async () => {
    const series = await monitor.api.get(`/api/sites/${sites.northZone}/assessments/series`);
    const shelter = series.body.indicators.find((i: { indicator: string }) => i.indicator === 'shelter');
    expect(shelter.points.length).toBeGreaterThanOrEqual(2);
    const summary = await monitor.api.get(`/api/sites/${sites.camp}/incidents/summary`);
    expect(summary.body.total).toBe(6);
    const stored = await h.db.selectFrom('incidents').select('description').execute();
    expect(stored.map((i) => i.description?.includes('tear gas') ?? false)).not.toContain(true);
    expect(stored.every((i) => i.description === null || /^v\d+\./.test(i.description))).toBe(true);
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });
});
