import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { freeAt, type ReceptionWorld, receptionWorld } from './testing/reception.fixture.js';

describeEngines('placement planner API', (h) => {
  let world: ReceptionWorld;
  let withChildProtection: string;
  let plain: string;
  let family: string[];
  let minor: string;
  beforeAll(async () => {
    world = await receptionWorld(h);
    // Planning covers every open centre: these two are the only ones in this database's scope of interest.
    withChildProtection = await world.centre({
      places: { family: 4, unaccompanied_minors: 2 },
      childProtection: true,
      region: 'Grand Est',
    });
    plain = await world.centre({ places: { family: 6, single_men: 5 }, region: 'Bretagne' });
    family = await world.family(3);
    minor = await world.person({ birthYear: h.clock.now().getUTCFullYear() - 16, specificNeeds: ['SC-UC'] });
  });

  const plan = (body: Record<string, unknown>) =>
    world.coordinator.api.post('/api/placement/plan', {
      personIds: [...family, minor],
      timeLimitSeconds: 20,
      ...body,
    });

  it('proposes a whole family and sends the child alone only to child protection, with reasons and a gap', async () => {
    const response = await plan({});
    expect(response.status, response.raw).toBe(201);
    const proposals = response.body.proposals as Array<{
      category: string;
      toSiteId: string;
      people: unknown[];
      reasons: Array<{ code: string }>;
    }>;
    const child = proposals.find((p) => p.category === 'unaccompanied_minors')!;
    expect(child.toSiteId).toBe(withChildProtection);
    expect(child.reasons.map((r) => r.code)).toContain('child_protection_staff');
    const household = proposals.find((p) => p.category === 'family')!;
    expect(household.people).toHaveLength(3);
    expect(household.reasons.map((r) => r.code)).toContain('keeps_household_together');
    expect(response.body.solution).toMatchObject({
      method: 'exact',
      gap: 0,
      limitHit: false,
      placedPeople: 4,
    });
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', response.body.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['placement.plan', 'placement.read']);
  });

  it('plans the whole household when only one of its members is named', async () => {
    const response = await plan({ personIds: [family[0], minor] });
    expect(response.status, response.raw).toBe(201);
    const household = response.body.proposals.find((p: { category: string }) => p.category === 'family');
    expect(household.people.map((p: { id: string }) => p.id).sort()).toEqual([...family].sort());
    expect(response.body.solution.people).toBe(4);
  });

  it('re-plans with a pin and an exclusion, and refuses a pin that breaks a hard rule', async () => {
    const pinned = await plan({ pins: [{ personId: family[0], siteId: plain }] });
    const household = pinned.body.proposals.find((p: { category: string }) => p.category === 'family');
    expect(household).toMatchObject({ toSiteId: plain, pinned: true });
    const excluded = await plan({
      exclusions: [
        { personId: family[1], siteId: plain },
        { personId: family[1], siteId: withChildProtection },
      ],
    });
    expect(
      excluded.body.unassigned.find((u: { category: string }) => u.category === 'family').reasons,
    ).toContain('excluded');
    const bad = await plan({ pins: [{ personId: minor, siteId: plain }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^pins\.0\.siteId: /);
  });

  it('accepting a plan creates accepted relocations that hold places; departure and arrival follow', async () => {
    const response = await plan({ pins: [{ personId: family[0], siteId: plain }] });
    const before = await freeAt(world, plain, 'family');
    const accepted = await world.coordinator.api.post(`/api/placement/plans/${response.body.id}/accept`, {});
    expect(accepted.status, accepted.raw).toBe(201);
    expect(accepted.body.relocationIds).toHaveLength(2);
    expect((await freeAt(world, plain, 'family')).free).toBe(before.free - 3);
    for (const id of accepted.body.relocationIds) {
      expect((await world.move(id, 'departed')).status).toBe(200);
      expect((await world.move(id, 'arrived')).status).toBe(200);
    }
    expect(await freeAt(world, plain, 'family')).toMatchObject({
      occupied: 3,
      reserved: 0,
      free: before.free - 3,
    });
    expect(await freeAt(world, withChildProtection, 'unaccompanied_minors')).toMatchObject({
      occupied: 1,
      free: 1,
    });
    const again = await world.coordinator.api.post(`/api/placement/plans/${response.body.id}/accept`, {});
    expect(again.status).toBe(409);
  });
});
