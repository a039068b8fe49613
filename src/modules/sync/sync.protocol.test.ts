import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { change, registerDevice, sync } from './testing/sync.fixture.js';

describeEngines('sync protocol', (h) => {
  let orgId: string;
  let registrar: TestUser;
  let deviceId: string;

  const countPeople = async (givenName: string) => {
    const found = await registrar.api.get(`/api/people?q=${encodeURIComponent(givenName)}`);
    return found.body.items.filter((p: { givenName: string }) => p.givenName === givenName).length;
  };

  beforeAll(async () => {
    orgId = (await h.createOrg()).id;
    registrar = await h.createUser(['registration_officer'], orgId);
    deviceId = (await registerDevice(registrar)).device.id;
  });

  it('applies a replayed change once and answers the first outcome again', async () => {
    const create = change({
      kind: 'person.create',
      payload: buildPerson({ givenName: 'Habtom', fathersName: 'Okbay' }),
    });
    const first = await sync(registrar, deviceId, [create]);
    expect(first.status).toBe(200);
    expect(first.body.results[0]).toMatchObject({ changeId: create.id, status: 'applied', replayed: false });
    const personId = first.body.results[0].entity.id;
    const again = await sync(registrar, deviceId, [create, create]);
    expect(again.body.results).toHaveLength(1);
    expect(again.body.results[0]).toMatchObject({
      status: 'applied',
      replayed: true,
      entity: { id: personId },
    });
    expect(await countPeople('Habtom')).toBe(1);
    const audits = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'person.create')
      .where('entity_id', '=', personId)
      .execute();
    expect(audits).toHaveLength(1);
  });

  it('applies one change once when two copies arrive at the same moment', async () => {
    const create = change({
      kind: 'person.create',
      payload: buildPerson({ givenName: 'Semhar', fathersName: 'Ghebre' }),
    });
    const [a, b] = await Promise.all([
      sync(registrar, deviceId, [create]),
      sync(registrar, deviceId, [create]),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.results[0].entity.id).toBe(b.body.results[0].entity.id);
    expect(await countPeople('Semhar')).toBe(1);
  });

  it('keeps a change that arrives before its cause, and applies both when the cause comes', async () => {
    const household = change({ kind: 'household.create', payload: {} });
    const member = change({
      kind: 'person.create',
      payload: buildPerson({
        givenName: 'Aster',
        householdId: `local:${household.id}`,
        relationship: 'head',
      }),
    });
    const early = await sync(registrar, deviceId, [member]);
    expect(early.body.results[0]).toMatchObject({ status: 'waiting', waitingFor: [household.id] });
    expect(await countPeople('Aster')).toBe(0);

    // The device sends only the cause: the kept change is applied after it, in causal order.
    const late = await sync(registrar, deviceId, [household]);
    const byId = new Map(late.body.results.map((r: { changeId: string }) => [r.changeId, r]));
    expect(byId.get(household.id)).toMatchObject({ status: 'applied' });
    expect(byId.get(member.id)).toMatchObject({ status: 'applied' });
    const person = await registrar.api.get(`/api/people/${(byId.get(member.id) as any).entity.id}`);
    expect(person.body.householdId).toBe((byId.get(household.id) as any).entity.id);
    expect(
      await h.db.selectFrom('sync_pending').selectAll().where('device_id', '=', deviceId).execute(),
    ).toEqual([]);
  });

  it('orders changes of one batch by their declared causes, whatever their order in the batch', async () => {
    const create = change({
      kind: 'person.create',
      payload: buildPerson({ givenName: 'Meron', phone: '+33 6 11 22 33 44' }),
    });
    const edit = change({
      kind: 'person.update',
      target: `local:${create.id}`,
      base: { phone: '+33 6 11 22 33 44' },
      payload: { phone: '+33 6 55 66 77 88' },
    });
    const needs = change({
      kind: 'person.needs',
      target: `local:${create.id}`,
      dependsOn: [edit.id],
      payload: { add: ['DS-PM'] },
    });
    const response = await sync(registrar, deviceId, [needs, edit, create]);
    expect(response.body.results.map((r: { status: string }) => r.status)).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const id = response.body.results.find((r: { changeId: string }) => r.changeId === create.id).entity.id;
    const person = await registrar.api.get(`/api/people/${id}`);
    expect(person.body.phone).toBe('+33 6 55 66 77 88');
    expect(person.body.specificNeeds.map((n: { code: string }) => n.code)).toContain('DS-PM');
  });

  it('returns a field-level conflict when two devices changed the same field; applies the rest', async () => {
    const registered = await registrar.api.post(
      '/api/people',
      buildPerson({ givenName: 'Filmon', phone: '+33 6 00 00 00 01' }),
    );
    const person = registered.body.person;
    const other = (await registerDevice(registrar, 'Second phone')).device.id;
    const base = { phone: person.phone, notes: null };
    const first = await sync(registrar, deviceId, [
      change({
        kind: 'person.update',
        target: person.id,
        baseVersion: 1,
        base,
        payload: { phone: '+33 6 00 00 00 02' },
      }),
    ]);
    expect(first.body.results[0]).toMatchObject({
      status: 'applied',
      applied: ['phone'],
      entity: { version: 2 },
    });
    const conflicting = change({
      kind: 'person.update',
      target: person.id,
      baseVersion: 1,
      base,
      payload: { phone: '+33 6 00 00 00 03', notes: 'Sleeps near the dunes' },
    });
    const second = await sync(registrar, other, [conflicting]);
    const expected = {
      status: 'conflict',
      applied: ['notes'],
      conflicts: [
        { field: 'phone', base: '+33 6 00 00 00 01', mine: '+33 6 00 00 00 03', theirs: '+33 6 00 00 00 02' },
      ],
    };
    expect(second.body.results[0]).toMatchObject(expected);
    const now = await registrar.api.get(`/api/people/${person.id}`);
    expect(now.body.phone).toBe('+33 6 00 00 00 02');
    expect(now.body.notes).toBe('Sleeps near the dunes');
    // A retry of the conflicting change answers the same conflict, values included, and changes nothing.
    const replay = await sync(registrar, other, [conflicting]);
    expect(replay.body.results[0]).toMatchObject({ ...expected, replayed: true });
    expect((await registrar.api.get(`/api/people/${person.id}`)).body.version).toBe(now.body.version);
    const stored = await h.db
      .selectFrom('sync_changes')
      .select('result')
      .where('change_id', '=', conflicting.id)
      .executeTakeFirstOrThrow();
    expect(stored.result).not.toContain('00 00 00 03');
  });

  it('rejects an invalid change with the field named, writes nothing, and refuses what depends on it', async () => {
    const bad = change({
      kind: 'person.create',
      payload: { ...buildPerson({ givenName: 'Tsega' }), sex: 'dragon' },
    });
    const follow = change({ kind: 'person.needs', target: `local:${bad.id}`, payload: { add: ['DS-PM'] } });
    const response = await sync(registrar, deviceId, [bad, follow]);
    expect(response.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { code: 'validation_failed' },
    });
    expect(response.body.results[0].error.details[0].field).toBe('sex');
    expect(response.body.results[1]).toMatchObject({ status: 'rejected', error: { code: 'invalid_state' } });
    expect(await countPeople('Tsega')).toBe(0);
    const again = await sync(registrar, deviceId, [bad]);
    expect(again.body.results[0]).toMatchObject({ status: 'rejected', replayed: true });
  });

  it('sends a person registered offline who may be someone already registered to the review queue', async () => {
    const existing = buildPerson({
      givenName: 'Yohannes',
      fathersName: 'Berhane',
      birthYear: 1995,
      ageEstimated: false,
    });
    const online = await registrar.api.post('/api/people', existing);
    const response = await sync(registrar, deviceId, [change({ kind: 'person.create', payload: existing })]);
    const result = response.body.results[0];
    expect(result.status).toBe('applied');
    expect(result.possibleDuplicates.map((d: { personId: string }) => d.personId)).toContain(
      online.body.person.id,
    );
    expect(result.queuedForReview).toBeGreaterThanOrEqual(1);
    const pairs = await h.db
      .selectFrom('duplicate_pairs')
      .selectAll()
      .where((eb) => eb.or([eb('person_a', '=', result.entity.id), eb('person_b', '=', result.entity.id)]))
      .execute();
    expect(pairs[0]).toMatchObject({ status: 'open' });
    // Nothing was merged: both records stay active until a reviewer decides.
    const both = await h.db
      .selectFrom('people')
      .select('status')
      .where('id', 'in', [online.body.person.id, result.entity.id])
      .execute();
    expect(both.map((p) => p.status)).toEqual(['active', 'active']);
  });

  it('answers the current records of people kept offline, and lists those now out of reach as gone', async () => {
    const mine = await registrar.api.post('/api/people', buildPerson({ givenName: 'Saba' }));
    const stranger = await h.createUser(['registration_officer']);
    const theirs = await stranger.api.post('/api/people', buildPerson({ givenName: 'Lemlem' }));
    const response = await sync(registrar, deviceId, [], [mine.body.person.id, theirs.body.person.id]);
    expect(response.body.people.map((p: { id: string }) => p.id)).toEqual([mine.body.person.id]);
    expect(response.body.people[0].givenName).toBe('Saba');
    expect(response.body.gone).toEqual([theirs.body.person.id]);
    const held = await h.db
      .selectFrom('sync_device_people')
      .select('person_id')
      .where('device_id', '=', deviceId)
      .execute();
    expect(held.map((r) => r.person_id)).toEqual([mine.body.person.id]);
  });

  it('holds each change to the permission of its online counterpart', async () => {
    const coordinator = await h.createUser(['reception_coordinator'], orgId);
    const device = (await registerDevice(coordinator)).device.id;
    const response = await sync(coordinator, device, [
      change({ kind: 'person.create', payload: buildPerson() }),
    ]);
    expect(response.body.results[0]).toMatchObject({ status: 'rejected', error: { code: 'forbidden' } });
    expect(response.body.offlineActions).toEqual(['person.update']);
  });

  it('answers 400 to a malformed sync, naming the field, and 401/403 before looking at it', async () => {
    const missing = await registrar.api.post('/api/sync', { deviceId, changes: [{ kind: 'person.create' }] });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toMatch(/^changes\.0\./);
    const unknownKind = await sync(registrar, deviceId, [
      { ...change({ kind: 'household.create' }), kind: 'person.delete' },
    ]);
    expect(unknownKind.status).toBe(400);
    expect((await h.client().post('/api/sync', { deviceId, changes: [] })).status).toBe(401);
    const analyst = await h.createUser(['analyst'], orgId);
    expect((await analyst.api.post('/api/sync', { deviceId, changes: [] })).status).toBe(403);
  });
});
