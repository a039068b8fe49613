import { expect, it } from 'vitest';
import { describeEngines } from '../../../../test/helpers/harness.js';
import { runOneJob } from '../../../server/jobs/jobs.service.js';
import { openCase, registerPerson } from '../../cases/testing/cases.fixture.js';
import { RETENTION_JOB, scheduleRetention } from './retention.job.js';

const DAY_MS = 86_400_000;

describeEngines('data protection retention job', (h) => {
  it('two processes schedule one run a day; two runners run it once; it shreds what is due and queues tomorrow', async () => {
    const orgId = (await h.createOrg()).id;
    const officer = await h.createUser(['data_protection_officer'], orgId);
    const registrar = await h.createUser(['registration_officer'], orgId);
    const caseworker = await h.createUser(['caseworker'], orgId);
    const due = (await openCase(caseworker, await registerPerson(registrar, { givenName: 'Nightly' }))).id;
    const kept = (await openCase(caseworker, await registerPerson(registrar, { givenName: 'Recent' }))).id;
    for (const [id, days] of [
      [due, 400],
      [kept, 30],
    ] as const) {
      await h.db
        .updateTable('cases')
        .set({ status: 'closed', closed_at: new Date(Date.now() - days * DAY_MS).toISOString() })
        .where('id', '=', id)
        .execute();
    }
    const policy = await officer.api.post('/api/data-protection/retention/policies', {
      recordType: 'case',
      recordStatus: 'closed',
      keepDays: 365,
    });
    await officer.api.post('/api/data-protection/retention/runs', { dryRun: true });
    const activated = await officer.api.patch(`/api/data-protection/retention/policies/${policy.body.id}`, {
      mode: 'active',
      version: 1,
    });
    expect(activated.status).toBe(200);

    // Two server processes start and each schedules the day's run.
    await Promise.all([scheduleRetention(h.deps), scheduleRetention(h.deps)]);
    const queued = await h.db.selectFrom('jobs').selectAll().where('kind', '=', RETENTION_JOB).execute();
    expect(queued).toHaveLength(1);

    const ran = await Promise.all([
      runOneJob(h.db, 'process-a', h.clock.now),
      runOneJob(h.db, 'process-b', h.clock.now),
    ]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    const jobs = await h.db
      .selectFrom('jobs')
      .select(['status', 'run_at', 'result'])
      .where('kind', '=', RETENTION_JOB)
      .orderBy('run_at')
      .execute();
    expect(jobs.map((j) => j.status)).toEqual(['done', 'queued']);
    expect(Date.parse(jobs[1]!.run_at) - Date.parse(jobs[0]!.run_at)).toBe(DAY_MS);
    expect(JSON.parse(jobs[0]!.result ?? '{}')).toMatchObject({ organisations: 1, processed: 1 });

    const keys = await h.db
      .selectFrom('case_keys')
      .select('case_id')
      .where('case_id', 'in', [due, kept])
      .execute();
    expect(keys.map((k) => k.case_id)).toEqual([kept]);
    const runs = await h.db
      .selectFrom('retention_runs')
      .select(['trigger', 'dry_run'])
      .where('org_id', '=', orgId)
      .execute();
    expect(runs.filter((r) => r.trigger === 'job')).toHaveLength(1);
  });
});
