import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { runOneJob } from '../../server/jobs/jobs.service.js';
import { addDays, daysBetween, endOfLocalDay, endOfPeriod, localDateOf } from './calendar.js';
import {
  DEADLINE_JOB,
  enqueueReunificationRun,
  recomputeReunificationAlerts,
  registerReunificationJob,
} from './deadline-alerts.service.js';
import {
  buildTeam,
  type ReunificationTeam,
  register,
  relativeAbroad,
} from './testing/reunification.fixture.js';

describeEngines('reunification deadline alerts', (h) => {
  let team: ReunificationTeam;
  let soonId = '';
  let soonDue = '';
  let laterId = '';
  const today = localDateOf(new Date());

  async function openCase(lodgedOn: string) {
    const personId = await register(team.registrar, {
      givenName: `Lidya${lodgedOn}`,
      birthYear: Number(lodgedOn.slice(0, 4)) - 15,
    });
    const response = await team.officer.api.post('/api/reunification-cases', {
      personId,
      legalBasis: 'dublin_art8',
      applicationLodgedOn: lodgedOn,
      relatives: [relativeAbroad()],
    });
    if (response.status !== 201) throw new Error(response.raw);
    return response.body as { id: string; ruleSet: string };
  }
  const openAlerts = async (caseId: string) =>
    h.db
      .selectFrom('alerts')
      .selectAll()
      .where('entity', '=', 'reunification_case')
      .where('entity_id', '=', caseId)
      .where('state', '=', 'open')
      .execute();
  const inbox = async () =>
    (await team.officer.api.get('/api/alerts?limit=200')).body.items as Array<Record<string, unknown>>;

  beforeAll(async () => {
    team = await buildTeam(h);
    // Lodged so that the AMMR's two-month request limit (Art. 39(1)) falls in about ten days.
    const soon = await openCase(addDays(today, -50));
    expect(soon.ruleSet).toBe('ammr');
    soonId = soon.id;
    soonDue = endOfPeriod(addDays(today, -50), { months: 2 });
    laterId = (await openCase(today)).id;
  });

  it('raises an alert for each running clock the moment the case is opened, due at the end of the Paris day', async () => {
    const [alert] = await openAlerts(soonId);
    expect(alert).toMatchObject({
      rule: 'reunification.take_charge_request',
      assigned_user_id: team.officer.id,
      due_at: endOfLocalDay(soonDue).toISOString(),
      severity: daysBetween(today, soonDue) <= 3 ? 'urgent' : 'warning',
      managed_by: 'reunification',
    });
    const shown = (await inbox()).filter((a) => a.entityId === soonId);
    expect(shown).toHaveLength(1);
    expect(JSON.stringify(shown[0]?.details)).not.toMatch(/Lidya|Tesfay/);
  });

  it('keeps an alert hidden until the longest lead time before its due date', async () => {
    const [later] = await openAlerts(laterId);
    expect(later?.visible_from).toBe(new Date(later!.visible_from!).toISOString());
    expect(later!.visible_from! > new Date().toISOString()).toBe(true);
    expect((await inbox()).some((a) => a.entityId === laterId)).toBe(false);
  });

  it('applies new lead times on the next run, the setting kept by the administrator', async () => {
    const admin = await h.createUser(['admin'], team.orgId);
    expect(
      (await team.caseworker.api.put('/api/reunification/alert-settings', { leadDays: [30, 20] })).status,
    ).toBe(403);
    const bad = await admin.api.put('/api/reunification/alert-settings', { leadDays: [] });
    expect(bad.body.error.details[0].field).toBe('leadDays');
    const saved = await admin.api.put('/api/reunification/alert-settings', { leadDays: [20, 90] });
    expect(saved.body).toEqual({ leadDays: [90, 20] });
    await recomputeReunificationAlerts(h.systemContext());
    expect((await openAlerts(soonId))[0]?.severity).toBe('urgent');
    expect((await inbox()).some((a) => a.entityId === laterId)).toBe(true);
    await admin.api.put('/api/reunification/alert-settings', { leadDays: [14, 3] });
  });

  it('converges when two processes run the job at once: one alert per clock', async () => {
    await Promise.all([
      recomputeReunificationAlerts(h.systemContext()),
      recomputeReunificationAlerts(h.systemContext()),
    ]);
    const alerts = await openAlerts(soonId);
    expect(alerts.map((a) => a.rule)).toEqual(['reunification.take_charge_request']);
  });

  it('resolves the alert when the act is recorded and raises the next clock', async () => {
    await team.officer.api.post(`/api/reunification-cases/${soonId}/transitions`, {
      to: 'evidence',
      on: today,
    });
    await team.officer.api.post(`/api/reunification-cases/${soonId}/transitions`, {
      to: 'request_sent',
      on: today,
    });
    expect((await openAlerts(soonId)).map((a) => a.rule)).toEqual(['reunification.take_charge_reply']);
  });

  describe('the background job', () => {
    it('runs once per slot whatever the number of processes, and queues the next slot', async () => {
      registerReunificationJob(h.deps);
      const now = h.clock.now();
      const first = await enqueueReunificationRun(h.db, now, now);
      const second = await enqueueReunificationRun(h.db, now, now);
      expect(first.enqueued || second.enqueued).toBe(true);
      expect(second.enqueued).toBe(false);
      while (await runOneJob(h.db, 'test', h.clock.now)) {
        // drain the due jobs (other modules' handlers may be registered in this process too)
      }
      const jobs = await h.db.selectFrom('jobs').selectAll().where('kind', '=', DEADLINE_JOB).execute();
      expect(jobs.some((j) => j.status === 'done')).toBe(true);
      expect(jobs.some((j) => j.status === 'queued' && j.run_at > now.toISOString())).toBe(true);
    });
  });
});
