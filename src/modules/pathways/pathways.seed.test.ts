import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { createOrganisation } from '../access/users.service.js';
import { verifyAuditChain } from '../audit/audit.service.js';
import { pathwaysDemoSeeder } from './pathways.seed.js';
import { todayFor } from './pathways.service.js';
import { addDays } from './rules/legal-calendar.js';

describeEngines('pathways demo', (h) => {
  let caseworker: TestUser;
  let ngo: string;
  let campId: string;

  beforeAll(async () => {
    const ctx = h.systemContext();
    ngo = (await createOrganisation(ctx, { slug: 'demo-ngo', name: 'demo', kind: 'ngo', isDemo: true })).id;
    const registrar = await h.createUser(['registration_officer'], ngo);
    caseworker = await h.createUser(['caseworker'], ngo);
    const supervisor = await h.createUser(['case_supervisor'], ngo);
    const monitor = await h.createUser(['site_monitor'], ngo);
    const site = await monitor.api.post('/api/sites', {
      name: 'Jungle',
      kind: 'informal_settlement',
      status: 'open',
    });
    if (site.status !== 201) throw new Error(`site: ${site.raw}`);
    campId = site.body.id;
    await pathwaysDemoSeeder.seed({
      ctx,
      orgIds: { 'demo-ngo': ngo },
      userIds: {
        'registration@demo.passerelle.example': registrar.id,
        'caseworker@demo.passerelle.example': caseworker.id,
        'supervisor@demo.passerelle.example': supervisor.id,
      },
      people: 0,
      progress: () => undefined,
    });
  }, 120_000);

  it('puts people on every route, with their history kept', async () => {
    const rows = await h.db.selectFrom('pathways').selectAll().where('org_id', '=', ngo).execute();
    const current = rows.filter((r) => r.is_current === 1).map((r) => r.route);
    expect(new Set(current)).toEqual(
      new Set([
        'asylum_france',
        'dublin',
        'family_reunification',
        'voluntary_return',
        'relocation',
        'undecided',
      ]),
    );
    expect(rows.every((r) => r.is_demo === 1)).toBe(true);
  });

  it('has one CNDA appeal due in three days, and its alert', async () => {
    const procedures = await h.db
      .selectFrom('procedures')
      .selectAll()
      .where('procedure_type', '=', 'normal')
      .execute();
    expect(procedures).toHaveLength(1);
    const read = await caseworker.api.get(`/api/procedures/${procedures[0]!.id}`);
    const appeal = read.body.deadlines.find((d: { rule: string }) => d.rule === 'pathways.cnda_appeal_due');
    const today = todayFor(h.systemContext());
    // Three days, or the first working day after when the third falls on a weekend or holiday.
    expect(appeal.dueOn >= addDays(today, 3) && appeal.dueOn <= addDays(today, 5), appeal.dueOn).toBe(true);
    expect(appeal.met).toBe(false);
    const alerts = (await caseworker.api.get('/api/alerts?limit=200')).body.items;
    expect(alerts.map((a: { rule: string }) => a.rule)).toEqual(
      expect.arrayContaining(['pathways.cnda_appeal_due', 'pathways.missed_appointment']),
    );
  });

  it('has appointments tomorrow, with interpreters booked, and a roster', async () => {
    const tomorrow = addDays(todayFor(h.systemContext()), 1);
    const day = (await caseworker.api.get(`/api/appointments?date=${tomorrow}`)).body.items;
    expect(day).toHaveLength(4);
    expect(day.filter((a: { interpreter: unknown }) => a.interpreter !== null)).toHaveLength(2);
    const atCamp = (await caseworker.api.get(`/api/appointments?date=${tomorrow}&siteId=${campId}`)).body
      .items;
    expect(atCamp).toHaveLength(4);
    const roster = (await caseworker.api.get('/api/interpreters')).body.items;
    expect(roster.length).toBe(4);
  });

  it('leaves the audit chain intact', async () => {
    expect((await verifyAuditChain(h.db, h.keys)).ok).toBe(true);
  });
});
