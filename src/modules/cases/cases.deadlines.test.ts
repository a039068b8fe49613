import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { runOneJob } from '../../server/jobs/jobs.service.js';
import {
  DEADLINE_JOB,
  enqueueDeadlineRun,
  recomputeDeadlines,
  registerDeadlineJob,
} from './deadlines.service.js';
import {
  buildCaseTeam,
  type CaseTeam,
  childProtectionAssessment,
  generalAssessment,
  openCase,
  registerPerson,
  type TestUser,
} from './testing/cases.fixture.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeEngines('case deadlines and alerts', (h) => {
  let team: CaseTeam;
  let childCase: string;

  beforeAll(async () => {
    registerDeadlineJob({ db: h.db, keys: h.keys, now: h.clock.now });
    team = await buildCaseTeam(h);
  });
  afterAll(() => h.clock.reset());

  const inbox = async (user: TestUser, caseId: string) =>
    (await user.api.get(`/api/alerts?entityId=${caseId}`)).body.items as any[];
  /** Runs the deadline job the way `serve` does: queued for the current slot, claimed, run. */
  const runJob = async () => {
    await enqueueDeadlineRun(h.db, h.clock.now(), h.clock.now());
    let ran = false;
    while (await runOneJob(h.db, `test-${h.engine}`, h.clock.now)) ran = true;
    return ran;
  };

  it('sets the assessment deadline by the rules: 24 hours for a child alone or critical risk, else 72', async () => {
    const child = await registerPerson(team.registrar, { givenName: 'Abel', age: 14 });
    const adult = await registerPerson(team.registrar, { givenName: 'Dawit' });
    const other = await registerPerson(team.registrar, { givenName: 'Samuel' });
    childCase = (await openCase(team.caseworker, child, { risk: 'low' })).id;
    const adultCase = (await openCase(team.caseworker, adult, { type: 'general_protection', risk: 'medium' }))
      .id;
    const critical = (
      await openCase(team.caseworker, other, { type: 'general_protection', risk: 'critical' })
    ).id;
    const hoursUntilDue = async (id: string) => {
      const [alert] = await inbox(team.caseworker, id);
      const opened = (await team.caseworker.api.get(`/api/cases/${id}`)).body.openedAt;
      return (Date.parse(alert.dueAt) - Date.parse(opened)) / HOUR;
    };
    expect(await hoursUntilDue(childCase)).toBe(24);
    expect(await hoursUntilDue(adultCase)).toBe(72);
    expect(await hoursUntilDue(critical)).toBe(24);
    const [alert] = await inbox(team.caseworker, childCase);
    expect(alert).toMatchObject({
      assignedUserId: team.caseworker.id,
      severity: 'urgent',
      deadlineState: 'due',
    });
    expect(await inbox(team.supervisor, childCase)).toEqual([]);
  });

  it('turns overdue when the time passes, and the job escalates it to the supervisors', async () => {
    h.clock.advance(25 * HOUR);
    const [late] = await inbox(team.caseworker, childCase);
    expect(late).toMatchObject({ overdue: true, deadlineState: 'due' });
    expect(await runJob()).toBe(true);
    expect((await inbox(team.caseworker, childCase))[0].deadlineState).toBe('overdue');
    expect(await inbox(team.supervisor, childCase)).toEqual([]);
    h.clock.advance(12 * HOUR);
    await runJob();
    const [escalated] = await inbox(team.supervisor, childCase);
    expect(escalated).toMatchObject({ rule: 'cases.assessment_due', deadlineState: 'escalated' });
    const list = await team.supervisor.api.get('/api/cases?overdue=true');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(childCase);
  });

  it('will not let anyone silence a deadline by hand: it resolves when the work is recorded', async () => {
    const [alert] = await inbox(team.caseworker, childCase);
    const resolve = await team.caseworker.api.post(`/api/alerts/${alert.id}/resolve`);
    expect(resolve.status).toBe(409);
    const assign = await team.supervisor.api.post(`/api/alerts/${alert.id}/assign`, {
      userId: team.colleague.id,
    });
    expect(assign.status).toBe(409);
    await team.caseworker.api.post(`/api/cases/${childCase}/transitions`, { to: 'assessment' });
    await team.caseworker.api.post(`/api/cases/${childCase}/assessments`, childProtectionAssessment());
    expect((await inbox(team.caseworker, childCase)).map((a) => a.rule)).toEqual(['cases.bia_due']);
    expect(await inbox(team.supervisor, childCase)).toEqual([]);
    const row = await h.db
      .selectFrom('alerts')
      .selectAll()
      .where('id', '=', alert.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'resolved', resolved_by: team.caseworker.id });
  });

  it('counts the plan deadline 14 days from the assessment, shown a week ahead', async () => {
    const detail = (await team.caseworker.api.get(`/api/cases/${childCase}`)).body;
    const plan = detail.dueItems.find((d: { rule: string }) => d.rule === 'cases.plan_due');
    expect(Date.parse(plan.dueAt) - Date.parse(detail.assessedAt)).toBe(14 * DAY);
    h.clock.advance(8 * DAY);
    expect((await inbox(team.caseworker, childCase)).map((a) => a.rule)).toContain('cases.plan_due');
  });

  it('asks for a follow-up at least monthly, counted from the last one', async () => {
    const adult = await registerPerson(team.registrar, { givenName: 'Meron', sex: 'female' });
    const id = (await openCase(team.caseworker, adult, { type: 'general_protection', risk: 'medium' })).id;
    await team.caseworker.api.post(`/api/cases/${id}/transitions`, { to: 'assessment' });
    await team.caseworker.api.post(`/api/cases/${id}/assessments`, generalAssessment());
    const started = await team.caseworker.api.post(`/api/cases/${id}/transitions`, { to: 'implementation' });
    const followUp = async () =>
      (await team.caseworker.api.get(`/api/cases/${id}`)).body.dueItems.find(
        (d: { rule: string }) => d.rule === 'cases.follow_up_due',
      );
    expect(Date.parse((await followUp()).dueAt) - Date.parse(started.body.statusChangedAt)).toBe(30 * DAY);
    h.clock.advance(20 * DAY);
    const today = h.clock.now().toISOString().slice(0, 10);
    const visit = await team.caseworker.api.post(`/api/cases/${id}/follow-ups`, {
      kind: 'visit',
      occurredOn: today,
      notes: 'Seen at the centre, safe',
    });
    expect(visit.status).toBe(201);
    expect(Date.parse((await followUp()).dueAt) - Date.parse(visit.body.occurredAt)).toBe(30 * DAY);
    const future = await team.caseworker.api.post(`/api/cases/${id}/follow-ups`, {
      kind: 'visit',
      occurredOn: '2999-01-01',
      notes: 'x',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.message).toMatch(/^occurredOn:/);
  });

  it('tells the supervisor when a case has had no activity for 30 days', async () => {
    const person = await registerPerson(team.registrar, { givenName: 'Tesfaye' });
    const id = (await openCase(team.colleague, person, { type: 'general_protection', risk: 'low' })).id;
    const rules = async () => (await inbox(team.supervisor, id)).map((a) => a.rule);
    const onCasePage = async () =>
      (await team.colleague.api.get(`/api/cases/${id}`)).body.dueItems.map((d: { rule: string }) => d.rule);
    expect(await rules()).toEqual([]);
    expect(await onCasePage()).not.toContain('cases.inactive');
    h.clock.advance(29 * DAY);
    expect(await rules()).not.toContain('cases.inactive');
    h.clock.advance(2 * DAY);
    await runJob();
    expect(await rules()).toContain('cases.inactive');
    expect(await onCasePage()).toContain('cases.inactive');
    await team.colleague.api.post(`/api/cases/${id}/notes`, { text: 'Called, no answer' });
    expect(await rules()).not.toContain('cases.inactive');
  });

  it('recomputes safely when several processes run the job at once, and queues the next run', async () => {
    const ctx = h.systemContext();
    await Promise.all([recomputeDeadlines(ctx), recomputeDeadlines(ctx), recomputeDeadlines(ctx)]);
    const open = await h.db
      .selectFrom('alerts')
      .select(['entity_id', 'rule', 'subject_id'])
      .where('state', '=', 'open')
      .where('managed_by', '=', 'cases')
      .execute();
    const keys = open.map((a) => `${a.entity_id}|${a.rule}|${a.subject_id ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    const queued = await h.db
      .selectFrom('jobs')
      .select(['run_at', 'status'])
      .where('kind', '=', DEADLINE_JOB)
      .where('status', '=', 'queued')
      .execute();
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((j) => j.run_at > h.clock.now().toISOString())).toBe(true);
  });
});
