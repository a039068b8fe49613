import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { createOrganisation } from '../access/users.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { registryDemoSeeder } from '../registry/registry.seed.js';
import { type DemoSites, findDemoSites, sitesDemoSeeder } from '../sites/sites.seed.js';
import { receptionDemoSeeder } from './reception.seed.js';

describeEngines('reception demo', (h) => {
  let sites: DemoSites;
  let coordinator: TestUser;

  beforeAll(async () => {
    const ctx = h.systemContext();
    const orgIds: Record<string, string> = {};
    for (const slug of ['demo-ngo', 'demo-un'])
      orgIds[slug] = (await createOrganisation(ctx, { slug, name: slug, kind: 'ngo', isDemo: true })).id;
    const registrar = await h.createUser(['registration_officer'], orgIds['demo-ngo']);
    coordinator = await h.createUser(['reception_coordinator'], orgIds['demo-un']);
    const context = {
      ctx,
      orgIds,
      userIds: {
        'registration@demo.passerelle.example': registrar.id,
        'reception@demo.passerelle.example': coordinator.id,
      },
      people: 600,
      progress: () => undefined,
    };
    await sitesDemoSeeder.seed(context);
    await registryDemoSeeder.seed(context);
    await receptionDemoSeeder.seed(context);
    const found = await findDemoSites(h.db);
    if (!found) throw new Error('demo sites not found');
    sites = found;
  }, 180_000);

  it('gives the reception centre its 1,500 places with residents, and every orientation centre places', async () => {
    const response = await coordinator.api.get('/api/reception/availability');
    expect(response.status, response.raw).toBe(200);
    const centres = response.body.centres as Array<Record<string, any>>;
    const reception = centres.find((c) => c.siteId === sites.receptionCentre)!;
    expect(reception.totals.capacity).toBe(1500);
    expect(reception.totals.occupied).toBeGreaterThan(0);
    expect(reception.services).toMatchObject({ childProtection: true, medicalCare: true });
    const orientation = centres.filter((c) => c.kind === 'orientation_centre');
    expect(orientation).toHaveLength(sites.orientationCentres.length);
    for (const c of orientation) expect(c.totals.capacity).toBeGreaterThanOrEqual(30);
    expect(
      orientation.some((c) => c.categories.some((k: any) => k.category === 'unaccompanied_minors')),
    ).toBe(true);
    expect(response.body.totals.reserved).toBeGreaterThan(0);
  });

  it('has relocations over several months with about one in six people coming back, with reasons', async () => {
    const rates = (await coordinator.api.get('/api/reception/returns?by=month')).body;
    expect(rates.groups.length).toBeGreaterThanOrEqual(5);
    expect(rates.totals.departed).toBeGreaterThanOrEqual(50);
    expect(rates.totals.rate).toBeGreaterThanOrEqual(0.1);
    expect(rates.totals.rate).toBeLessThanOrEqual(0.25);
    const reasons = new Set(rates.groups.flatMap((g: any) => Object.keys(g.reasons)));
    expect(reasons.has('family_in_uk')).toBe(true);
    const returned = await coordinator.api.get('/api/relocations?status=returned&limit=5');
    expect(returned.status, returned.raw).toBe(200);
    expect(returned.body.items[0].returnReason).not.toBeNull();
    const families = await h.db
      .selectFrom('relocations')
      .select('category')
      .where('category', '=', 'family')
      .execute();
    expect(families.length).toBeGreaterThan(0);
  });

  it('lets the coordinator plan for the people waiting in the north zone, and keeps the audit chain whole', async () => {
    const waiting = await coordinator.api.get(`/api/people?siteId=${sites.northZone}&limit=5`);
    expect(waiting.status, waiting.raw).toBe(200);
    expect(waiting.body.items.length).toBe(5);
    const plan = await coordinator.api.post('/api/placement/plan', {
      personIds: waiting.body.items.map((p: { id: string }) => p.id),
      timeLimitSeconds: 20,
    });
    expect(plan.status, plan.raw).toBe(201);
    expect(plan.body.solution.placedPeople).toBeGreaterThan(0);
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
    const stored = await h.db.selectFrom('relocations').select('is_demo').execute();
    expect(stored.every((r) => r.is_demo === 1)).toBe(true);
  });
});
