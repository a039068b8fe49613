import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { TRANSITIONS } from './reception.policy.js';
import type { RelocationStatus } from './reception.tables.js';
import { freeAt, type ReceptionWorld, receptionWorld } from './testing/reception.fixture.js';

/** The shortest way from proposed to each state, to test every transition from there. */
const PATHS: Record<RelocationStatus, RelocationStatus[]> = {
  proposed: [],
  accepted: ['accepted'],
  scheduled: ['accepted', 'scheduled'],
  departed: ['accepted', 'departed'],
  arrived: ['accepted', 'departed', 'arrived'],
  left: ['accepted', 'departed', 'arrived', 'left'],
  returned: ['accepted', 'departed', 'arrived', 'returned'],
  declined: ['declined'],
  cancelled: ['cancelled'],
  no_show: ['accepted', 'no_show'],
};

describeEngines('relocations', (h) => {
  let world: ReceptionWorld;
  let convoyId: string;
  beforeAll(async () => {
    world = await receptionWorld(h);
    const convoy = await world.coordinator.api.post('/api/convoys', {
      departsOn: '2016-03-20',
      originSiteId: world.camp,
      vehicle: 'Coach 1',
      vehicleCapacity: 50,
    });
    expect(convoy.status, convoy.raw).toBe(201);
    convoyId = convoy.body.id;
  });

  const extra = (to: RelocationStatus) =>
    to === 'scheduled' ? { convoyId } : to === 'returned' ? { returnReason: 'family_in_uk' } : {};

  it('allows exactly the transitions of the pipeline, from every state', async () => {
    const centre = await world.centre({ places: { single_men: 500 } });
    const states = Object.keys(TRANSITIONS) as RelocationStatus[];
    for (const from of states) {
      for (const to of states) {
        const id = await world.relocate([await world.person()], centre);
        for (const step of PATHS[from]) expect((await world.move(id, step, extra(step))).status).toBe(200);
        const response = await world.move(id, to, extra(to));
        const allowed = TRANSITIONS[from].includes(to);
        expect(response.status, `${from} → ${to}: ${response.raw}`).toBe(allowed ? 200 : 409);
        if (allowed) expect(response.body.status).toBe(to);
        else expect(response.body.error.message).toMatch(/^to: /);
      }
    }
  }, 120_000);

  it('records time, actor and reason of each step; arrival opens a stay and moves the person', async () => {
    const centre = await world.centre();
    const personId = await world.person();
    const id = await world.relocate([personId], centre);
    await world.move(id, 'accepted', { reason: 'chose Brittany on the map' });
    await world.move(id, 'scheduled', { convoyId });
    const early = await world.move(id, 'departed', {
      at: new Date(h.clock.now().getTime() - 3_600_000).toISOString(),
    });
    expect(early.body.error.message).toMatch(/^at: must not be before the previous step/);
    await world.move(id, 'departed');
    const arrived = await world.move(id, 'arrived');
    expect(arrived.body.events.map((e: { to: string }) => e.to)).toEqual([
      'proposed',
      'accepted',
      'scheduled',
      'departed',
      'arrived',
    ]);
    expect(arrived.body.events[1]).toMatchObject({
      reason: 'chose Brittany on the map',
      actorId: world.coordinator.id,
    });
    const stays = await h.db.selectFrom('stays').selectAll().where('person_id', '=', personId).execute();
    expect(stays).toMatchObject([
      { site_id: centre, category: 'single_men', discharged_at: null, relocation_id: id },
    ]);
    const person = await h.db
      .selectFrom('people')
      .select('site_id')
      .where('id', '=', personId)
      .executeTakeFirst();
    expect(person?.site_id).toBe(centre);
    const returned = await world.coordinator.api.post('/api/reception/returns', {
      personId,
      siteId: world.camp,
      returnReason: 'centre_conditions',
    });
    expect(returned.status, returned.raw).toBe(201);
    const after = await h.db.selectFrom('stays').selectAll().where('person_id', '=', personId).execute();
    expect(after[0]).toMatchObject({ discharge_reason: 'returned' });
    expect(
      (await h.db.selectFrom('people').select('site_id').where('id', '=', personId).executeTakeFirst())
        ?.site_id,
    ).toBe(world.camp);
  });

  it('never overbooks: 24 parallel acceptances for 5 free places → exactly 5 succeed, the rest 409', async () => {
    const centre = await world.centre({ places: { single_men: 7 }, blocked: { single_men: 2 } });
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 1) ids.push(await world.relocate([await world.person()], centre));
    const responses = await Promise.all(ids.map((id) => world.move(id, 'accepted')));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const r of responses.filter((x) => x.status === 409))
      expect(r.body.error.code).toBe('capacity_exhausted');
    expect(await freeAt(world, centre, 'single_men')).toMatchObject({ reserved: 5, free: 0 });
  });

  it('keeps households whole and places a family in family places', async () => {
    const centre = await world.centre({ places: { family: 4, single_men: 4 } });
    const family = await world.family(3);
    const split = await world.coordinator.api.post('/api/relocations', {
      personIds: family.slice(0, 2),
      toSiteId: centre,
    });
    expect(split.status).toBe(400);
    expect(split.body.error.message).toMatch(/^personIds: would split a household/);
    const whole = await world.coordinator.api.post('/api/relocations', {
      personIds: family,
      toSiteId: centre,
    });
    expect(whole.status, whole.raw).toBe(201);
    expect(whole.body).toMatchObject({ category: 'family', peopleCount: 3 });
    expect(whole.body.people[0].givenName).toBe('Yonas');
  });

  it('refuses bad relocations with a clear 4xx naming the field, and writes nothing', async () => {
    const plain = await world.centre({ places: { single_men: 5, unaccompanied_minors: 5, medical: 5 } });
    const minor = await world.person({
      birthYear: h.clock.now().getUTCFullYear() - 15,
      specificNeeds: ['SC-UC'],
    });
    const sick = await world.person({ specificNeeds: ['SM-CC'] });
    const travelling = await world.person();
    await world.move(await world.relocate([travelling], plain), 'accepted');
    const before = await h.db
      .selectFrom('relocations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ personIds: [minor], toSiteId: plain }, 400, 'toSiteId: has no child-protection staff'],
      [{ personIds: [sick], toSiteId: plain }, 400, 'toSiteId: has no medical care'],
      [{ personIds: [travelling], toSiteId: plain }, 409, 'personIds.0: already has a relocation under way'],
      [{ personIds: ['nobody'], toSiteId: plain }, 400, 'personIds.0: no person'],
      [{ personIds: [sick], toSiteId: world.camp }, 400, 'toSiteId: is not a reception'],
      [{ personIds: [sick, sick], toSiteId: plain }, 400, 'personIds'],
      [{ personIds: [], toSiteId: plain }, 400, 'personIds'],
      [{ personIds: [sick], toSiteId: plain, category: 'BAD' }, 400, 'category'],
      [{ personIds: [sick], toSiteId: plain, colour: 1 }, 400, 'colour'],
    ];
    for (const [body, status, message] of cases) {
      const response = await world.coordinator.api.post('/api/relocations', body);
      expect(response.status, `${JSON.stringify(body)} → ${response.raw}`).toBe(status);
      expect(response.body.error.message.startsWith(message), response.body.error.message).toBe(true);
    }
    const after = await h.db
      .selectFrom('relocations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('answers 400 for transitions missing what they need, and 404 outside scope', async () => {
    const centre = await world.centre();
    const id = await world.relocate([await world.person()], centre);
    await world.move(id, 'accepted');
    expect((await world.move(id, 'scheduled')).body.error.message).toMatch(/^convoyId: Required/);
    expect((await world.move(id, 'departed', { at: '2999-01-01T00:00:00Z' })).body.error.message).toMatch(
      /^at: /,
    );
    await world.move(id, 'departed');
    expect((await world.move(id, 'returned')).body.error.message).toMatch(/^returnReason: Required/);
    const stranger = await h.createUser(['reception_coordinator']);
    expect((await stranger.api.post(`/api/relocations/${id}/transitions`, { to: 'arrived' })).status).toBe(
      404,
    );
    expect((await stranger.api.get(`/api/relocations/${id}`)).status).toBe(404);
  });

  it('lets a caseworker of the organisation read relocations (audited) but not change them', async () => {
    const caseworker = await h.createUser(['caseworker'], world.orgId);
    const id = await world.relocate([await world.person()], await world.centre());
    const read = await caseworker.api.get(`/api/relocations/${id}`);
    expect(read.status).toBe(200);
    expect((await caseworker.api.post(`/api/relocations/${id}/transitions`, { to: 'accepted' })).status).toBe(
      403,
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'relocation.read')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.actor_id)).toEqual([caseworker.id]);
  });

  it('fills convoys up to the vehicle and prints a passenger list without sensitive details', async () => {
    const small = await world.coordinator.api.post('/api/convoys', {
      departsOn: '2016-03-21',
      originSiteId: world.camp,
      vehicle: 'Minibus',
      vehicleCapacity: 2,
    });
    const centre = await world.centre();
    const ids = [
      await world.relocate([await world.person()], centre),
      await world.relocate([await world.person()], centre),
      await world.relocate([await world.person()], centre),
    ];
    const bulk = await world.coordinator.api.post('/api/relocations/transitions', {
      relocationIds: ids,
      transition: { to: 'accepted' },
    });
    expect(bulk.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const scheduled = await world.coordinator.api.post('/api/relocations/transitions', {
      relocationIds: ids,
      transition: { to: 'scheduled', convoyId: small.body.id },
    });
    expect(scheduled.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, true, false]);
    expect(scheduled.body.results[2].error.message).toMatch(/^convoyId: 0 seat/);
    const list = await world.coordinator.api.get(`/api/convoys/${small.body.id}/passengers`);
    expect(list.status).toBe(200);
    expect(list.body.passengers).toHaveLength(2);
    expect(Object.keys(list.body.passengers[0]).sort()).toEqual(['code', 'destination', 'group', 'name']);
    expect(list.body.convoy).toMatchObject({ seatsTaken: 2, vehicleCapacity: 2 });
  });
});
