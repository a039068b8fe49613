import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { buildCaseTeam, type CaseTeam, openCase, registerPerson } from './testing/cases.fixture.js';

describeEngines('cases API', (h) => {
  let team: CaseTeam;
  let childId: string;

  beforeAll(async () => {
    team = await buildCaseTeam(h);
    childId = await registerPerson(team.registrar, { givenName: 'Abel', fathersName: 'Haile', age: 15 });
  });

  const count = async (table: 'cases' | 'case_events' | 'alerts') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('opens a case (201) and its first due item is in GET /api/alerts at once, naming the case', async () => {
    const response = await team.caseworker.api.post('/api/cases', {
      personId: childId,
      type: 'child_protection',
      risk: 'high',
      riskReason: 'Sleeps in the dunes, approached by smugglers',
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'open',
      type: 'child_protection',
      risk: 'high',
      riskReason: 'Sleeps in the dunes, approached by smugglers',
      unaccompanied: true,
      assignedUserId: team.caseworker.id,
      orgId: team.orgId,
      person: { id: childId, name: 'Abel Haile', nameHidden: false },
    });
    expect(response.body.id).toEqual(expect.any(String));
    const alerts = await team.caseworker.api.get('/api/alerts');
    const due = alerts.body.items.find((a: { entityId: string }) => a.entityId === response.body.id);
    expect(due).toMatchObject({
      rule: 'cases.assessment_due',
      entity: 'case',
      severity: 'urgent',
      managed: true,
    });
    // A child alone: assessment within 24 hours.
    expect(Date.parse(due.dueAt) - Date.parse(response.body.openedAt)).toBe(24 * 3_600_000);
    const opened = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.open')
      .where('entity_id', '=', response.body.id)
      .execute();
    expect(opened).toHaveLength(1);
    expect(JSON.stringify(opened)).not.toContain('Abel');
  });

  it('stores the risk reason encrypted, never in clear', async () => {
    const rows = await h.db
      .selectFrom('cases')
      .select(['risk_reason'])
      .where('person_id', '=', childId)
      .execute();
    expect(rows[0]?.risk_reason).toMatch(/^v1\./);
    expect(JSON.stringify(rows)).not.toContain('smugglers');
  });

  it('answers 400 naming the field for bad input, and writes nothing', async () => {
    const before = await Promise.all([count('cases'), count('case_events'), count('alerts')]);
    const bodies: Array<[Record<string, unknown>, string]> = [
      [{ type: 'child_protection', risk: 'high' }, 'personId'],
      [{ personId: childId, type: 'asylum', risk: 'high' }, 'type'],
      [{ personId: childId, type: 'gbv', risk: 'extreme' }, 'risk'],
      [{ personId: childId, type: 'gbv', risk: 'low', riskReason: '' }, 'riskReason'],
      [{ personId: 'nosuchperson', type: 'gbv', risk: 'low' }, 'personId'],
      [{ personId: childId, type: 'gbv', risk: 'low', householdId: 'nosuchhousehold' }, 'householdId'],
      [{ personId: childId, type: 'gbv', risk: 'low', assignedUserId: team.registrar.id }, 'assignedUserId'],
      [{ personId: childId, type: 'gbv', risk: 'low', victim: true }, 'victim'],
    ];
    for (const [body, field] of bodies) {
      const response = await team.supervisor.api.post('/api/cases', body);
      expect(response.status, `${field}: ${response.raw}`).toBe(400);
      expect(response.body.error.message.startsWith(`${field}:`), response.body.error.message).toBe(true);
    }
    expect(await Promise.all([count('cases'), count('case_events'), count('alerts')])).toEqual(before);
  });

  it('refuses a second open case of the same type for the same person (409)', async () => {
    const again = await team.colleague.api.post('/api/cases', {
      personId: childId,
      type: 'child_protection',
      risk: 'low',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/^personId:/);
  });

  it('lets only a supervisor assign a case to someone else', async () => {
    const adult = await registerPerson(team.registrar, { givenName: 'Selam', sex: 'female' });
    const byCaseworker = await team.caseworker.api.post('/api/cases', {
      personId: adult,
      type: 'general_protection',
      risk: 'low',
      assignedUserId: team.colleague.id,
    });
    expect(byCaseworker.status).toBe(403);
    const bySupervisor = await openCase(team.supervisor, adult, {
      type: 'general_protection',
      risk: 'low',
      assignedUserId: team.colleague.id,
    });
    expect((await team.colleague.api.get(`/api/cases/${bySupervisor.id}`)).body.assignedUserId).toBe(
      team.colleague.id,
    );
  });

  it('answers 401 without credentials and 403 to roles that never see cases', async () => {
    expect((await h.client().get('/api/cases')).status).toBe(401);
    for (const role of [
      'reception_coordinator',
      'site_monitor',
      'analyst',
      'registration_officer',
      'admin',
    ] as const) {
      const user = await h.createUser([role], team.orgId);
      expect((await user.api.get('/api/cases')).status, role).toBe(403);
      expect(
        (await user.api.post('/api/cases', { personId: childId, type: 'gbv', risk: 'low' })).status,
        role,
      ).toBe(403);
    }
  });

  it('reads a case with an audit entry; another organisation gets 404, and the list leaves it out', async () => {
    const [listed] = (await team.caseworker.api.get(`/api/cases?personId=${childId}`)).body.items;
    const read = await team.colleague.api.get(`/api/cases/${listed.id}`);
    expect(read.status).toBe(200);
    expect(read.body.dueItems[0]).toMatchObject({ rule: 'cases.assessment_due', deadlineState: 'due' });
    const entries = await h.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'case.read')
      .where('entity_id', '=', listed.id)
      .where('actor_id', '=', team.colleague.id)
      .execute();
    expect(entries).toHaveLength(1);
    const outsider = await h.createUser(['caseworker']);
    expect((await outsider.api.get(`/api/cases/${listed.id}`)).status).toBe(404);
    expect((await outsider.api.get(`/api/cases/${listed.id}/timeline`)).status).toBe(404);
    expect((await outsider.api.post(`/api/cases/${listed.id}/notes`, { text: 'x' })).status).toBe(404);
    expect((await outsider.api.get('/api/cases')).body.items).toEqual([]);
    expect((await team.caseworker.api.get('/api/cases/doesnotexist')).status).toBe(404);
  });

  it('filters the caseload list by status, type, risk and assignee', async () => {
    const mine = await team.caseworker.api.get(
      '/api/cases?assigned=me&type=child_protection&risk=high&status=open',
    );
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((c: { person: { id: string } }) => c.person.id)).toEqual([childId]);
    const none = await team.caseworker.api.get('/api/cases?assigned=me&type=gbv');
    expect(none.body.items).toEqual([]);
    const bad = await team.caseworker.api.get('/api/cases?status=archived');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^status:/);
  });

  it('changes risk only with a reason, and refuses a stale version', async () => {
    const [listed] = (await team.caseworker.api.get(`/api/cases?personId=${childId}`)).body.items;
    const noReason = await team.caseworker.api.patch(`/api/cases/${listed.id}`, { risk: 'critical' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toMatch(/^riskReason:/);
    const changed = await team.caseworker.api.patch(`/api/cases/${listed.id}`, {
      risk: 'critical',
      riskReason: 'Missing for two nights',
      version: listed.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.risk).toBe('critical');
    const stale = await team.caseworker.api.patch(`/api/cases/${listed.id}`, {
      risk: 'low',
      riskReason: 'x',
      version: listed.version,
    });
    expect(stale.status).toBe(409);
    expect((await team.caseworker.api.get(`/api/cases/${listed.id}`)).body.risk).toBe('critical');
  });

  it('hides the person’s name on gbv and trafficking cases from colleagues without case access', async () => {
    const woman = await registerPerson(team.registrar, {
      givenName: 'Hiwet',
      sex: 'female',
      specificNeeds: ['SV-VA'],
    });
    const gbv = await openCase(team.caseworker, woman, {
      type: 'gbv',
      risk: 'high',
      riskReason: 'Threatened',
    });
    await team.caseworker.api.post(`/api/cases/${gbv.id}/notes`, { text: 'Met Hiwet at the women’s centre' });
    const own = await team.caseworker.api.get(`/api/cases/${gbv.id}`);
    expect(own.body.person.name).toBe('Hiwet Tesfay');
    const colleague = await team.colleague.api.get(`/api/cases/${gbv.id}`);
    expect(colleague.status).toBe(200);
    expect(colleague.body).toMatchObject({ access: 'restricted', riskReason: null, allowed: [] });
    expect(colleague.body.person).toMatchObject({ name: null, nameHidden: true });
    expect(colleague.raw).not.toContain('Hiwet');
    const timeline = await team.colleague.api.get(`/api/cases/${gbv.id}/timeline`);
    expect(timeline.raw).not.toContain('Hiwet');
    const list = await team.colleague.api.get('/api/cases?type=gbv');
    expect(list.raw).not.toContain('Hiwet');
    expect((await team.colleague.api.post(`/api/cases/${gbv.id}/notes`, { text: 'x' })).status).toBe(403);
    const supervisor = await team.supervisor.api.get(`/api/cases/${gbv.id}`);
    expect(supervisor.body.person.name).toBe('Hiwet Tesfay');
  });

  it('shows supervisors the caseload by risk, status, type and age', async () => {
    const load = await team.supervisor.api.get('/api/cases/caseload');
    expect(load.status).toBe(200);
    expect(load.body.total).toBe(3);
    expect(load.body.byType).toMatchObject({ child_protection: 1, general_protection: 1, gbv: 1 });
    expect(load.body.byAge['0-7']).toBe(3);
    expect(load.body.byCaseworker.find((w: { userId: string }) => w.userId === team.caseworker.id).open).toBe(
      2,
    );
    expect((await team.caseworker.api.get('/api/cases/caseload')).status).toBe(403);
  });
  it('lets a supervisor reassign a case; its deadlines follow the new caseworker', async () => {
    const [listed] = (await team.caseworker.api.get(`/api/cases?personId=${childId}`)).body.items;
    const workers = (await team.caseworker.api.get('/api/cases/caseworkers')).body.items.map(
      (u: { id: string }) => u.id,
    );
    expect(workers).toEqual(
      expect.arrayContaining([team.caseworker.id, team.colleague.id, team.supervisor.id]),
    );
    expect(workers).not.toContain(team.registrar.id);
    const url = `/api/cases/${listed.id}/reassign`;
    expect((await team.caseworker.api.post(url, { userId: team.colleague.id })).status).toBe(403);
    const wrong = await team.supervisor.api.post(url, { userId: team.registrar.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(/^userId:/);
    const moved = await team.supervisor.api.post(url, {
      userId: team.colleague.id,
      reason: 'Speaks Tigrinya',
    });
    expect(moved.status).toBe(200);
    expect(moved.body.assignedUserId).toBe(team.colleague.id);
    const due = (await team.colleague.api.get(`/api/alerts?entityId=${listed.id}&mine=true`)).body.items;
    expect(due.map((a: { rule: string }) => a.rule)).toContain('cases.assessment_due');
    expect((await team.caseworker.api.get(`/api/alerts?entityId=${listed.id}`)).body.items).toEqual([]);
  });
});
