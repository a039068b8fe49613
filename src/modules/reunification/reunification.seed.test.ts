import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { createOrganisation } from '../access/users.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { registryDemoSeeder } from '../registry/registry.seed.js';
import { reunificationDemoSeeder } from './reunification.seed.js';
import { DEMO_CASES, DEMO_TRACING } from './reunification.seed-data.js';

describeEngines('reunification demo', (h) => {
  let officer: TestUser;

  beforeAll(async () => {
    const ctx = h.systemContext();
    const ngo = (await createOrganisation(ctx, { slug: 'demo-ngo', name: 'demo', kind: 'ngo', isDemo: true }))
      .id;
    const registrar = await h.createUser(['registration_officer'], ngo);
    officer = await h.createUser(['reunification_officer'], ngo);
    const context = {
      ctx,
      orgIds: { 'demo-ngo': ngo },
      userIds: {
        'registration@demo.passerelle.example': registrar.id,
        'reunification@demo.passerelle.example': officer.id,
      },
      people: 200,
      progress: () => undefined,
    };
    await registryDemoSeeder.seed(context);
    await reunificationDemoSeeder.seed(context);
  }, 180_000);

  it('records tracing requests, with the true relative first and a namesake among the candidates', async () => {
    const requests = (await officer.api.get('/api/tracing-requests?limit=50')).body.items;
    expect(requests).toHaveLength(DEMO_TRACING.length);
    expect(requests.filter((r: { status: string }) => r.status === 'matched')).toHaveLength(1);
    const brother = requests.find((r: { enquirer: { city: string } }) => r.enquirer.city === 'Leeds');
    const matches = (await officer.api.get(`/api/tracing-requests/${brother.id}/matches`)).body.items;
    expect(matches[0].person).toMatchObject({ givenName: 'Abel', fathersName: 'Haile' });
    expect(matches[0].band).toBe('high');
    const namesake = matches.find(
      (m: { person: { birthYear: number } }) => m.person.birthYear < matches[0].person.birthYear - 5,
    );
    expect(namesake, 'the older namesake is a candidate').toBeDefined();
    expect(namesake.score).toBeLessThan(matches[0].score);
  });

  it('alerts the officer to the registrations that matched open requests after they were made', async () => {
    const alerts = (await officer.api.get('/api/alerts?limit=200')).body.items.filter(
      (a: { rule: string }) => a.rule === 'reunification.tracing_match',
    );
    expect(alerts.length).toBeGreaterThanOrEqual(2);
  });

  it('opens cases at several stages, one of them days from its deadline', async () => {
    const cases = (await officer.api.get('/api/reunification-cases?limit=50')).body.items;
    expect(cases).toHaveLength(DEMO_CASES.length);
    expect(new Set(cases.map((c: { stage: string }) => c.stage))).toEqual(
      new Set(['intake', 'evidence', 'request_sent', 'rejected', 'transfer_scheduled', 'closed']),
    );
    const board = (await officer.api.get('/api/reunification-cases/dashboard')).body;
    const soon = board.byUrgency.find((b: { bucket: string }) => b.bucket === 'within_7_days');
    expect(soon.count).toBeGreaterThanOrEqual(1);
    expect(board.soonest[0].nearestDeadline.daysLeft).toBeLessThanOrEqual(7);
    const historic = cases.find((c: { ruleSet: string }) => c.ruleSet === 'dublin-iii');
    expect(historic).toMatchObject({ stage: 'closed', relativeCountries: ['GBR'] });
    const fromTracing = cases.find((c: { person: { givenName: string } }) => c.person.givenName === 'Dawit');
    const detail = (await officer.api.get(`/api/reunification-cases/${fromTracing.id}`)).body;
    expect(detail.tracingRequestId).toBeTruthy();
    expect(detail.relatives[0]).toMatchObject({ kinship: 'aunt_uncle', country: 'SWE', city: 'Malmö' });
  });

  it('marks everything as demo data and keeps the audit chain intact', async () => {
    const rows = await h.db.selectFrom('reunification_cases').select('is_demo').execute();
    expect(rows.every((r) => r.is_demo === 1)).toBe(true);
    const requests = await h.db.selectFrom('tracing_requests').select(['is_demo', 'sought']).execute();
    expect(requests.every((r) => r.is_demo === 1)).toBe(true);
    expect(JSON.stringify(requests)).not.toMatch(/Abel|Rahwa|Sabha/);
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });
});
