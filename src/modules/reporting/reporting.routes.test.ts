import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import type { OverviewResponse } from './reporting.schema.js';
import type { World } from './testing/reporting.fixture.js';
import { buildWorld, PERIOD } from './testing/reporting.world.js';

const Q = `from=${PERIOD.from}&to=${PERIOD.to}`;

describeEngines('reporting overview API', (h) => {
  let world: World;
  let analyst: TestUser;
  let supervisorA: TestUser;
  let registrar: TestUser;

  beforeAll(async () => {
    world = await buildWorld(h);
    analyst = await h.createUser(['analyst'], world.orgA);
    supervisorA = await h.createUser(['case_supervisor'], world.orgA);
    registrar = await h.createUser(['registration_officer'], world.orgA);
  });

  const overview = async (user: TestUser, query = '') => {
    const response = await user.api.get<OverviewResponse>(`/api/reports/overview?${Q}${query}`);
    expect(response.status, response.raw.slice(0, 300)).toBe(200);
    return response.body;
  };

  it('answers 401 without credentials and 403 to roles without reports.read', async () => {
    expect((await h.client().get(`/api/reports/overview?${Q}`)).status).toBe(401);
    const refused = await registrar.api.get(`/api/reports/overview?${Q}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });

  it('answers 400 naming the field for a bad period, an unknown parameter or a bad date', async () => {
    const reversed = await analyst.api.get('/api/reports/overview?from=2025-03-30&to=2025-03-03');
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toContain('from');
    expect((await analyst.api.get('/api/reports/overview?colour=red')).status).toBe(400);
    expect((await analyst.api.get('/api/reports/overview?from=30/03/2025')).status).toBe(400);
    expect((await analyst.api.get('/api/reports/overview?scope=everyone')).status).toBe(400);
  });

  it('answers 404 for a site that does not exist', async () => {
    const response = await analyst.api.get(`/api/reports/overview?${Q}&siteId=zzzzzzzzzzzzzzzzzzzzzzzzzz`);
    expect(response.status).toBe(404);
  });

  it('gives the analyst every organisation’s counts, suppressed, over whole weeks', async () => {
    const body = await overview(analyst);
    expect(body.scope).toBe('all');
    expect(body.suppression).toMatchObject({ applied: true, threshold: 5 });
    expect(body.period).toEqual({ ...PERIOD, snappedToWeeks: true });
    expect(body.population.present).toBe(27);
    // 29 registered, 2 of them with no current site: the total would give those 2 away.
    expect(body.population.sexByAge.total).toBeNull();
    expect(body.population.sexByAge.columnTotals[2]).toBe(7);
    // One girl of 0–4, two Iraqi men, two separated boys: each group is below 5, so hidden.
    expect(body.population.sexByAge.cells[0]![0]).toBeNull();
    expect(body.population.nationalities.find((n) => n.key === 'IRQ')?.count).toBeNull();
    expect(body.children.grid.cells[1]![1]).toBeNull();
    expect(body.places.totals).toMatchObject({ places: 30, blocked: 1, occupied: 4 });
    // 9 departed, 7 of them A's: B's 2 would show by subtraction from A's own figure, so hidden.
    expect(body.relocations.totals.departed).toBeNull();
  });

  it('restricts scope=organisation to the viewer’s organisation: still suppressed for the analyst, exact for a supervisor', async () => {
    const own = await overview(analyst, '&scope=organisation');
    expect(own.scope).toBe('organisation');
    expect(own.population.sexByAge.cells[0]![0]).toBeNull();
    // Organisation B's Afghan boys are not in A's figures, not even as a hidden count.
    expect(own.population.nationalities.map((n) => n.key)).not.toContain('AFG');
    expect(own.children.grid.total).toBe(0);
    const exact = await overview(supervisorA, '&scope=organisation');
    expect(exact.suppression.applied).toBe(false);
    expect(exact.population.sexByAge.total).toBe(16);
    // Organisation A's own girl of 0–4: the supervisor could list her record anyway.
    expect(exact.population.sexByAge.cells[0]![0]).toBe(1);
    // Organisation B's five unaccompanied boys are not in A's figures.
    expect(exact.children.grid.total).toBe(0);
    // The supervisor's view of every organisation is suppressed like the analyst's.
    const all = await overview(supervisorA);
    expect(all.suppression.applied).toBe(true);
    expect(all.population.sexByAge.cells[0]![0]).toBeNull();
  });

  it('filters by a site and its zones', async () => {
    const camp = await overview(supervisorA, `&scope=organisation&siteId=${world.camp}`);
    expect(camp.siteId).toBe(world.camp);
    expect(camp.population.bySite.map((s) => s.siteId).sort()).toEqual(
      [world.camp, world.zoneN, world.zoneS].sort(),
    );
    // A's people in the camp: 9 in the north zone (the merged record does not count).
    expect(camp.population.present).toBe(9);
    const analystCamp = await overview(analyst, `&siteId=${world.camp}`);
    expect(analystCamp.population.present).toBe(22);
  });
});
