import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { freeAt, type ReceptionWorld, receptionWorld } from './testing/reception.fixture.js';

describeEngines('reception capacity and availability', (h) => {
  let world: ReceptionWorld;
  beforeAll(async () => {
    world = await receptionWorld(h);
  });

  it('sets places by category, services and blocked places; availability derives free places', async () => {
    const centre = await world.centre({ places: { family: 60, single_men: 40 }, blocked: { family: 5 } });
    const response = await world.coordinator.api.get(`/api/sites/${centre}/capacity`);
    expect(response.status).toBe(200);
    expect(response.body.categories).toEqual([
      { category: 'family', capacity: 60, blocked: 5, occupied: 0, reserved: 0, free: 55 },
      { category: 'single_men', capacity: 40, blocked: 0, occupied: 0, reserved: 0, free: 40 },
    ]);
    expect(response.body.services).toMatchObject({ accessible: true, languages: ['fr', 'ar'] });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', centre)
      .execute();
    expect(audit.map((a) => a.action)).toContain('capacity.update');
  });

  it('counts accepted relocations as reserved and arrivals as occupied, with totals per region', async () => {
    const region = h.unique('Region');
    const centre = await world.centre({ places: { single_men: 3 }, region });
    const first = await world.relocate([await world.person()], centre);
    const second = await world.relocate([await world.person()], centre);
    expect((await freeAt(world, centre, 'single_men')).free).toBe(3);
    expect((await world.move(first, 'accepted')).status).toBe(200);
    expect((await world.move(second, 'accepted')).status).toBe(200);
    expect((await world.move(second, 'departed')).status).toBe(200);
    expect((await world.move(second, 'arrived')).status).toBe(200);
    expect(await freeAt(world, centre, 'single_men')).toMatchObject({ reserved: 1, occupied: 1, free: 1 });
    const byRegion = await world.coordinator.api.get(
      `/api/reception/availability?region=${encodeURIComponent(region)}`,
    );
    expect(byRegion.body.regions).toEqual([
      {
        region,
        categories: [{ category: 'single_men', capacity: 3, blocked: 0, occupied: 1, reserved: 1, free: 1 }],
        totals: { capacity: 3, blocked: 0, occupied: 1, reserved: 1, free: 1 },
      },
    ]);
  });

  it('refuses capacity below current occupancy (409 naming the field) and changes nothing', async () => {
    const centre = await world.centre({ places: { single_men: 2, family: 4 } });
    const id = await world.relocate([await world.person()], centre);
    await world.move(id, 'accepted');
    for (const body of [
      { places: { single_men: 0, family: 4 } },
      { places: { family: 4 } },
      { places: { single_men: 1, family: 4 }, blocked: { single_men: 1 } },
    ]) {
      const response = await world.coordinator.api.put(`/api/sites/${centre}/capacity`, body);
      expect(response.status, response.raw).toBe(409);
      expect(response.body.error.details[0].field).toBe('places.single_men');
    }
    expect(await freeAt(world, centre, 'single_men')).toMatchObject({ capacity: 2, reserved: 1, free: 1 });
  });

  it('answers 400 naming the field for bad capacity bodies and non-centre sites', async () => {
    const centre = await world.centre();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [centre, { places: { family: -1 } }, 'places.family'],
      [centre, { places: { 'Bad Category': 3 } }, 'places'],
      [centre, { places: { family: 3 }, blocked: { family: 4 } }, 'blocked.family'],
      [centre, { places: { family: 3 }, blocked: { medical: 1 } }, 'blocked.medical'],
      [centre, { places: { family: 3 }, colour: 'red' }, 'colour'],
      [world.camp, { places: { family: 3 } }, 'id'],
    ];
    for (const [site, body, field] of cases) {
      const response = await world.coordinator.api.put(`/api/sites/${site}/capacity`, body);
      expect(response.status, `${JSON.stringify(body)} → ${response.raw}`).toBe(400);
      expect(response.body.error.message.startsWith(field), response.body.error.message).toBe(true);
    }
    expect(
      (await world.coordinator.api.put('/api/sites/nosuchsite/capacity', { places: { family: 1 } })).status,
    ).toBe(404);
  });

  it('lets a site monitor read aggregate availability but not relocations or people', async () => {
    const monitor = await h.createUser(['site_monitor'], world.orgId);
    const availability = await monitor.api.get('/api/reception/availability');
    expect(availability.status).toBe(200);
    expect(JSON.stringify(availability.body)).not.toMatch(/personId|givenName/);
    expect((await monitor.api.get('/api/relocations')).status).toBe(403);
  });
});
