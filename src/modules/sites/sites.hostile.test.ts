import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { buildSite } from '../../../test/factories/sites.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

// DESIGN.md: random bodies on every input schema never produce a 5xx.
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '\u202Egnp.exe',
    '\u0000',
    '__proto__',
    'x'.repeat(3000),
    '2016-02-30',
    '9999-99-99',
  ),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('v'), { maxKeys: 4 }),
  ),
})).v;
const bodyOf = (keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });

describeEngines('sites: hostile input never causes a 5xx', (h) => {
  let monitor: TestUser;
  let caseworker: TestUser;
  let siteId: string;

  beforeAll(async () => {
    monitor = await h.createUser(['site_monitor']);
    caseworker = await h.createUser(['caseworker'], monitor.orgId);
    siteId = (await monitor.api.post('/api/sites', buildSite())).body.id;
  });

  it('on sites', async () => {
    const keys = [
      'name',
      'kind',
      'status',
      'parentId',
      'location',
      'region',
      'statusEffectiveOn',
      'statusReason',
    ];
    await fc.assert(
      fc.asyncProperty(bodyOf(keys), async (body) => {
        expect((await monitor.api.post('/api/sites', body)).status).toBeLessThan(500);
        expect((await monitor.api.patch(`/api/sites/${siteId}`, body)).status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('on estimates, assessments and incidents', async () => {
    const keys = ['date', 'sourceName', 'sourceKind', 'low', 'high', 'point', 'breakdown', 'supersedesId'];
    const monitoring = ['date', 'shelter', 'protection', 'keyInformants', 'kind', 'severity', 'description'];
    await fc.assert(
      fc.asyncProperty(bodyOf(keys), bodyOf(monitoring), async (estimate, other) => {
        expect((await monitor.api.post(`/api/sites/${siteId}/estimates`, estimate)).status).toBeLessThan(500);
        expect((await monitor.api.post(`/api/sites/${siteId}/assessments`, other)).status).toBeLessThan(500);
        expect((await monitor.api.post(`/api/sites/${siteId}/incidents`, other)).status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('on query strings', async () => {
    await fc.assert(
      fc.asyncProperty(nasty, nasty, async (a, b) => {
        const q = `date=${encodeURIComponent(a)}&cursor=${encodeURIComponent(b)}&from=${encodeURIComponent(b)}`;
        expect((await monitor.api.get(`/api/sites/${siteId}/population?${q}`)).status).toBeLessThan(500);
        expect(
          (await monitor.api.get(`/api/sites?kind=${encodeURIComponent(a)}&cursor=${encodeURIComponent(b)}`))
            .status,
        ).toBeLessThan(500);
        expect((await caseworker.api.get(`/api/sites/${siteId}/incidents?${q}`)).status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});
