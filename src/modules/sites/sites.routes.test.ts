import { beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../../test/factories/sites.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

describeEngines('sites', (h) => {
  let monitor: TestUser;
  let coordinator: TestUser;
  const countSites = async () =>
    Number(
      (
        await h.db
          .selectFrom('sites')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    monitor = await h.createUser(['site_monitor']);
    coordinator = await h.createUser(['reception_coordinator']);
  });

  it('creates a site (201, the object with its id) with its first status in the history', async () => {
    const created = await monitor.api.post(
      '/api/sites',
      buildSite({ statusEffectiveOn: '2015-04-01', region: 'Hauts-de-France' }),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'Calais — informal camp',
      kind: 'informal_settlement',
      status: 'open',
      statusSince: '2015-04-01',
      parentId: null,
      location: { latitude: 50.9658, longitude: 1.8995 },
      orgId: monitor.orgId,
      statusHistory: [{ status: 'open', effectiveOn: '2015-04-01' }],
      children: [],
    });
    expect(created.body.allowed).toEqual(
      expect.arrayContaining(['edit', 'addEstimate', 'addAssessment', 'addIncident']),
    );
    const audit = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', created.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['site.create']);
  });

  it('lets every signed-in role of any organisation read sites: coordination shares one map', async () => {
    const site = (
      await coordinator.api.post(
        '/api/sites',
        buildSite({ name: 'Calais temporary reception centre', kind: 'reception_centre' }),
      )
    ).body;
    const stranger = await h.createUser(['registration_officer']);
    const read = await stranger.api.get(`/api/sites/${site.id}`);
    expect(read.status).toBe(200);
    expect(read.body.allowed).toEqual([]);
    const admin = await h.createUser(['admin']);
    expect(
      (await admin.api.get('/api/sites?kind=reception_centre')).body.items.map((s: { id: string }) => s.id),
    ).toContain(site.id);
  });

  it('keeps a camp and its zones as a hierarchy, filtered by parent, kind and status', async () => {
    const camp = (await monitor.api.post('/api/sites', buildSite({ name: h.unique('Camp') }))).body;
    const south = await monitor.api.post(
      '/api/sites',
      buildSite({ name: 'South zone', kind: 'camp_zone', parentId: camp.id }),
    );
    const north = await monitor.api.post(
      '/api/sites',
      buildSite({ name: 'North zone', kind: 'camp_zone', parentId: camp.id, status: 'closing' }),
    );
    expect(south.status).toBe(201);
    const zones = await monitor.api.get(`/api/sites?parentId=${camp.id}`);
    expect(zones.body.items.map((s: { name: string }) => s.name)).toEqual(['North zone', 'South zone']);
    const closing = await monitor.api.get(`/api/sites?parentId=${camp.id}&status=closing`);
    expect(closing.body.items.map((s: { id: string }) => s.id)).toEqual([north.body.id]);
    const detail = await monitor.api.get(`/api/sites/${camp.id}`);
    expect(detail.body.children.map((c: { name: string }) => c.name)).toEqual(['North zone', 'South zone']);
    const top = await monitor.api.get('/api/sites?topLevel=true&limit=500');
    expect(top.body.items.every((s: { parentId: string | null }) => s.parentId === null)).toBe(true);
  });

  it('pages with an opaque cursor and refuses a forged one', async () => {
    const kind = 'transit_point';
    for (const name of ['Grande-Synthe', 'Dunkirk port', 'Coquelles']) {
      await monitor.api.post('/api/sites', buildSite({ name, kind }));
    }
    const first = await monitor.api.get(`/api/sites?kind=${kind}&limit=2`);
    expect(first.body.items.map((s: { name: string }) => s.name)).toEqual(['Coquelles', 'Dunkirk port']);
    const second = await monitor.api.get(`/api/sites?kind=${kind}&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((s: { name: string }) => s.name)).toEqual(['Grande-Synthe']);
    expect(second.body.nextCursor).toBeNull();
    const forged = await monitor.api.get('/api/sites?cursor=bm90LWEtY3Vyc29y');
    expect(forged.status).toBe(400);
    expect(forged.body.error.message).toMatch(/^cursor:/);
  });

  it('answers 400 naming the field and writes nothing', async () => {
    const before = await countSites();
    const cases: Array<[Record<string, unknown>, string]> = [
      [buildSite({ name: undefined }), 'name'],
      [buildSite({ kind: 'jungle' }), 'kind'],
      [buildSite({ status: 'evicted' }), 'status'],
      [buildSite({ location: { latitude: 95, longitude: 1.9 } }), 'location.latitude'],
      [buildSite({ location: { latitude: 50.9, longitude: '1.9' } }), 'location.longitude'],
      [
        buildSite({
          location: {
            latitude: 50.9,
            longitude: 1.9,
            outline: {
              type: 'Polygon',
              coordinates: [
                [
                  [1, 2],
                  [3, 4],
                ],
              ],
            },
          },
        }),
        'location.outline.coordinates.0',
      ],
      [buildSite({ parentId: 'no-such-site' }), 'parentId'],
      [buildSite({ openedOn: '2999-01-01' }), 'openedOn'],
      [buildSite({ openedOn: '2016-02-30' }), 'openedOn'],
      [buildSite({ population: 5000 }), 'population'],
    ];
    for (const [body, field] of cases) {
      const response = await monitor.api.post('/api/sites', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('validation_failed');
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await countSites()).toBe(before);
  });

  it('accepts a GeoJSON outline and gives it back', async () => {
    const outline = {
      type: 'Polygon',
      coordinates: [
        [
          [1.895, 50.963],
          [1.905, 50.963],
          [1.905, 50.969],
          [1.895, 50.969],
          [1.895, 50.963],
        ],
      ],
    };
    const created = await monitor.api.post(
      '/api/sites',
      buildSite({ location: { latitude: 50.966, longitude: 1.9, outline } }),
    );
    expect(created.status).toBe(201);
    expect(created.body.location.outline).toEqual(outline);
  });

  it('answers 401 without credentials and 403 to roles that do not manage sites', async () => {
    expect((await h.client().get('/api/sites')).status).toBe(401);
    expect((await h.client().post('/api/sites', buildSite())).status).toBe(401);
    for (const role of ['analyst', 'admin', 'caseworker'] as const) {
      const user = await h.createUser([role]);
      const denied = await user.api.post('/api/sites', buildSite());
      expect(denied.status, role).toBe(403);
      expect(denied.body.error.code).toBe('forbidden');
    }
  });

  it('answers 404 for a site that does not exist', async () => {
    expect((await monitor.api.get('/api/sites/01hzzzzzzzzzzzzzzzzzzzzzzz')).status).toBe(404);
    const patch = await monitor.api.patch('/api/sites/01hzzzzzzzzzzzzzzzzzzzzzzz', { name: 'x' });
    expect(patch.status).toBe(404);
  });

  it('records a status change with its effective date; a dismantled site does not reopen (409)', async () => {
    const zone = (
      await monitor.api.post(
        '/api/sites',
        buildSite({ name: 'South zone', kind: 'camp_zone', statusEffectiveOn: '2015-10-01' }),
      )
    ).body;
    const closing = await coordinator.api.patch(`/api/sites/${zone.id}`, {
      status: 'closing',
      statusEffectiveOn: '2016-02-29',
      statusReason: 'Prefectoral order to clear the southern part',
    });
    expect(closing.status).toBe(200);
    const dismantled = await monitor.api.patch(`/api/sites/${zone.id}`, {
      status: 'dismantled',
      statusEffectiveOn: '2016-03-16',
    });
    expect(dismantled.body).toMatchObject({
      status: 'dismantled',
      statusSince: '2016-03-16',
      closedOn: '2016-03-16',
    });
    expect(
      dismantled.body.statusHistory.map((s: { status: string; effectiveOn: string }) => [
        s.status,
        s.effectiveOn,
      ]),
    ).toEqual([
      ['open', '2015-10-01'],
      ['closing', '2016-02-29'],
      ['dismantled', '2016-03-16'],
    ]);
    expect(dismantled.body.statusHistory[1].reason).toBe('Prefectoral order to clear the southern part');
    expect(closing.body.allowed).toContain('changeStatus');
    expect(dismantled.body.allowed).not.toContain('changeStatus');
    const reopen = await monitor.api.patch(`/api/sites/${zone.id}`, { status: 'open' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe('invalid_state');
    const renamed = await monitor.api.patch(`/api/sites/${zone.id}`, { name: 'South zone (cleared)' });
    expect(renamed.body.name).toBe('South zone (cleared)');
    const actions = await h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', zone.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((a) => a.action)).toEqual([
      'site.create',
      'site.update',
      'site.update',
      'site.update',
    ]);
  });

  it('answers 400 naming the field for a bad change, and changes nothing', async () => {
    const camp = (
      await monitor.api.post(
        '/api/sites',
        buildSite({ name: h.unique('Camp'), statusEffectiveOn: '2016-01-10' }),
      )
    ).body;
    const zone = (
      await monitor.api.post('/api/sites', buildSite({ name: 'Zone', kind: 'camp_zone', parentId: camp.id }))
    ).body;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'body'],
      [{ status: 'closed', statusEffectiveOn: '2016-01-01' }, 'statusEffectiveOn'],
      [{ status: 'closed', statusEffectiveOn: '2999-01-01' }, 'statusEffectiveOn'],
      [{ statusReason: 'no status given' }, 'statusReason'],
      [{ parentId: zone.id }, 'parentId'],
      [{ parentId: camp.id }, 'parentId'],
      [{ kind: 'palace' }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const response = await monitor.api.patch(`/api/sites/${camp.id}`, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    const after = await monitor.api.get(`/api/sites/${camp.id}`);
    expect(after.body).toMatchObject({ status: 'open', parentId: null, kind: 'informal_settlement' });
    expect(after.body.statusHistory).toHaveLength(1);
  });

  it('clears a location with null and moves a zone to another camp', async () => {
    const [a, b] = [
      (await monitor.api.post('/api/sites', buildSite({ name: h.unique('A') }))).body,
      (await monitor.api.post('/api/sites', buildSite({ name: h.unique('B') }))).body,
    ];
    const zone = (
      await monitor.api.post('/api/sites', buildSite({ name: 'Zone', kind: 'camp_zone', parentId: a.id }))
    ).body;
    const moved = await monitor.api.patch(`/api/sites/${zone.id}`, { parentId: b.id, location: null });
    expect(moved.body).toMatchObject({ parentId: b.id, location: null });
  });
});
