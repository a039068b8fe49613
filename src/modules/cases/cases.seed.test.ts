import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { createOrganisation } from '../access/users.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { registryDemoSeeder } from '../registry/registry.seed.js';
import { casesDemoSeeder } from './cases.seed.js';
import { SEED_CASES } from './cases.seed-data.js';

describeEngines('cases demo', (h) => {
  let caseworker: TestUser;
  let supervisor: TestUser;
  let partner: TestUser;

  beforeAll(async () => {
    const ctx = h.systemContext();
    const orgIds: Record<string, string> = {};
    for (const slug of ['demo-ngo', 'demo-children'])
      orgIds[slug] = (await createOrganisation(ctx, { slug, name: slug, kind: 'ngo', isDemo: true })).id;
    const registrar = await h.createUser(['registration_officer'], orgIds['demo-ngo']);
    caseworker = await h.createUser(['caseworker'], orgIds['demo-ngo']);
    supervisor = await h.createUser(['case_supervisor'], orgIds['demo-ngo']);
    partner = await h.createUser(['caseworker'], orgIds['demo-children']);
    const context = {
      ctx,
      orgIds,
      userIds: {
        'registration@demo.passerelle.example': registrar.id,
        'caseworker@demo.passerelle.example': caseworker.id,
        'supervisor@demo.passerelle.example': supervisor.id,
        'children@demo.passerelle.example': partner.id,
      },
      people: 400,
      progress: () => undefined,
    };
    await registryDemoSeeder.seed(context);
    await casesDemoSeeder.seed(context);
  }, 120_000);

  it('opens child protection and trafficking cases in several states', async () => {
    const cases = (await caseworker.api.get('/api/cases?limit=100')).body.items as Array<Record<string, any>>;
    expect(cases).toHaveLength(SEED_CASES.length);
    expect(new Set(cases.map((c) => c.type))).toEqual(new Set(['child_protection', 'trafficking']));
    expect(new Set(cases.map((c) => c.status))).toEqual(
      new Set(['open', 'assessment', 'case_plan', 'implementation', 'closed']),
    );
    expect(cases.every((c) => c.openedAt < new Date().toISOString())).toBe(true);
    const raised = cases.find((c) => c.type === 'trafficking' && c.risk === 'critical');
    expect(raised, 'the checklist raised a trafficking case to critical').toBeDefined();
  });

  it('leaves some of them overdue, escalated to the supervisor, and resolves the proposals it acted on', async () => {
    const overdue = (await caseworker.api.get('/api/cases?overdue=true&limit=100')).body.items;
    expect(overdue.length).toBeGreaterThanOrEqual(3);
    const escalated = (await supervisor.api.get('/api/alerts?entity=case')).body.items.filter(
      (a: { deadlineState: string }) => a.deadlineState === 'escalated',
    );
    expect(escalated.length).toBeGreaterThan(0);
    const rules = (await supervisor.api.get('/api/alerts?entity=case')).body.items.map(
      (a: { rule: string }) => a.rule,
    );
    expect(rules).toEqual(expect.arrayContaining(['cases.approval_pending', 'cases.inactive']));
    const stillProposed = await h.db
      .selectFrom('alerts')
      .innerJoin('cases', (join) =>
        join.onRef('cases.person_id', '=', 'alerts.entity_id').onRef('cases.type', '=', 'alerts.subject_id'),
      )
      .select('alerts.id')
      .where('alerts.rule', '=', 'cases.proposed')
      .where('alerts.state', '=', 'open')
      .execute();
    expect(stillProposed).toEqual([]);
  });

  it('shares one case with the children’s NGO, and keeps the audit chain intact', async () => {
    const shared = (await partner.api.get('/api/cases')).body.items;
    expect(shared).toHaveLength(1);
    expect(shared[0]).toMatchObject({ owner: false, access: 'full' });
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
    const stored = await h.db.selectFrom('cases').select(['risk_reason', 'is_demo']).execute();
    expect(stored.every((c) => c.is_demo === 1)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('dunes');
  });
});
