import type { JobsTable } from '../../db/system.tables.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { enqueueJob } from '../../server/jobs/jobs.service.js';
import { recordAuditAlone } from '../audit/audit.service.js';
import { DEDUPE_JOB, type RunResult } from './dedupe-run.service.js';
import { findJob, findLatestJob, findUnfinishedJob } from './runs.repository.js';

function parse<T>(json: string | null): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** A run as the API shows it: the job's state, progress and result (counts only). */
export function presentRun(job: JobsTable) {
  return {
    id: job.id,
    status: job.status,
    progress: parse<{ stage: string; done: number; total: number }>(job.progress),
    result: job.status === 'done' ? parse<RunResult>(job.result) : null,
    error: job.last_error,
    createdAt: job.created_at,
    finishedAt: job.finished_at,
  };
}

/**
 * Queues a whole-registry run, or answers the one already queued or running: two runs at once
 * would propose the same pairs twice over. The request is audited; the run audits its reads.
 */
export async function startRun(
  ctx: ServiceContext,
): Promise<{ run: ReturnType<typeof presentRun>; created: boolean }> {
  const unfinished = await findUnfinishedJob(ctx.db, DEDUPE_JOB);
  if (unfinished) return { run: presentRun(unfinished), created: false };
  const { id } = await enqueueJob(ctx.db, { kind: DEDUPE_JOB, createdBy: ctx.actor.userId }, ctx.now());
  await recordAuditAlone(ctx.db, ctx, { action: 'matching.run_requested', entity: 'job', entityId: id });
  const job = await findJob(ctx.db, id, DEDUPE_JOB);
  if (!job) throw new AppError('internal');
  return { run: presentRun(job), created: true };
}

export async function getRun(ctx: ServiceContext, id: string) {
  const job = await findJob(ctx.db, id, DEDUPE_JOB);
  if (!job) throw AppError.notFound('run');
  return presentRun(job);
}

export async function latestRun(ctx: ServiceContext) {
  const job = await findLatestJob(ctx.db, DEDUPE_JOB);
  return { run: job ? presentRun(job) : null };
}
