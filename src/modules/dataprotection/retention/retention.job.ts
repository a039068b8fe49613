import type { ServiceContext } from '../../../server/context.js';
import type { AppDeps } from '../../../server/deps.js';
import { enqueueJob, registerJobHandler } from '../../../server/jobs/jobs.service.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { repairLedgerFile } from '../erasure/ledger-file.js';
import { findOrgsWithPolicies } from './retention.repository.js';
import { runRetention } from './retention-run.service.js';

export const RETENTION_JOB = 'dataprotection.retention';
const DAY_MS = 86_400_000;
// At night (UTC), away from registration peaks.
const RUN_HOUR_MS = 2 * 3_600_000;

function slotOf(at: Date): Date {
  const start = Math.floor((at.getTime() - RUN_HOUR_MS) / DAY_MS) * DAY_MS + RUN_HOUR_MS;
  return new Date(start);
}

/** Queues the run of one day; the unique key makes every process agree on one job per day. */
export async function enqueueRetentionRun(db: AppDeps['db'], runAt: Date, now: Date) {
  const slot = slotOf(runAt);
  return enqueueJob(
    db,
    { kind: RETENTION_JOB, runAt: slot, uniqueKey: `${RETENTION_JOB}:${slot.toISOString()}` },
    now,
  );
}

/**
 * The daily retention run: for each organisation with a policy, a report of every policy, then
 * the shredding of active policies. Each run queues the next day first, so one failure does not
 * end the chain; the job table hands each day's run to one process.
 */
export function registerRetentionJob(deps: Pick<AppDeps, 'db' | 'keys' | 'now' | 'erasureLedgerPath'>): void {
  registerJobHandler(RETENTION_JOB, async ({ reportProgress }) => {
    const now = deps.now();
    await enqueueRetentionRun(deps.db, new Date(now.getTime() + DAY_MS), now);
    const ctx: ServiceContext = {
      db: deps.db,
      keys: deps.keys,
      now: deps.now,
      actor: SYSTEM_ACTOR,
      erasureLedgerPath: deps.erasureLedgerPath,
    };
    // Repairs the ledger file after a crash between an erasure's commit and its append.
    if (deps.erasureLedgerPath) {
      const { problems } = await repairLedgerFile(deps.db, deps.keys, deps.erasureLedgerPath);
      for (const problem of problems) process.stderr.write(`erasure ledger: ${problem}\n`);
    }
    const orgs = await findOrgsWithPolicies(deps.db);
    let processed = 0;
    for (const [i, orgId] of orgs.entries()) {
      const report = await runRetention(ctx, orgId, { dryRun: false, trigger: 'job' });
      processed += report.policies.reduce((sum, p) => sum + p.processed, 0);
      await reportProgress(i + 1, orgs.length);
    }
    return { organisations: orgs.length, processed };
  });
}

/** Called by `serve`: registers the handler and queues today's run (once per day across processes). */
export async function scheduleRetention(
  deps: Pick<AppDeps, 'db' | 'keys' | 'now' | 'erasureLedgerPath'>,
): Promise<void> {
  registerRetentionJob(deps);
  await enqueueRetentionRun(deps.db, deps.now(), deps.now());
}
