import { timeOrderedId } from '../../crypto/index.js';
import type { DB } from '../../db/engine.js';
import { claimNextJob, finishJob, insertJob, updateJobProgress } from './jobs.repository.js';

export interface JobHandlerContext {
  jobId: string;
  payload: unknown;
  reportProgress(done: number, total: number): Promise<void>;
}

export type JobHandler = (ctx: JobHandlerContext) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();
const MAX_ATTEMPTS = 3;
const LEASE_MS = 5 * 60_000;

/** Modules register the background work they own (deadline alerts, batch matching, retention). */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

export async function enqueueJob(
  db: DB,
  input: { kind: string; payload?: unknown; runAt?: Date; uniqueKey?: string; createdBy?: string | null },
  now: Date,
): Promise<{ id: string; enqueued: boolean }> {
  const id = timeOrderedId(now.getTime());
  const enqueued = await insertJob(db, {
    id,
    kind: input.kind,
    payload: JSON.stringify(input.payload ?? {}),
    status: 'queued',
    unique_key: input.uniqueKey ?? null,
    run_at: (input.runAt ?? now).toISOString(),
    attempts: 0,
    locked_by: null,
    locked_until: null,
    progress: null,
    result: null,
    last_error: null,
    created_by: input.createdBy ?? null,
    created_at: now.toISOString(),
    finished_at: null,
  });
  return { id, enqueued };
}

/** Runs at most one due job; returns whether one ran. */
export async function runOneJob(db: DB, instanceId: string, now: () => Date): Promise<boolean> {
  const kinds = [...handlers.keys()];
  if (kinds.length === 0) return false;
  const started = now();
  const job = await claimNextJob(
    db,
    kinds,
    instanceId,
    started.toISOString(),
    new Date(started.getTime() + LEASE_MS).toISOString(),
  );
  if (!job) return false;
  const handler = handlers.get(job.kind);
  try {
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const result = await handler({
      jobId: job.id,
      payload: JSON.parse(job.payload),
      reportProgress: (done, total) => updateJobProgress(db, job.id, JSON.stringify({ done, total })),
    });
    await finishJob(db, job.id, instanceId, {
      status: 'done',
      result: JSON.stringify(result ?? null),
      nowIso: now().toISOString(),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retry = job.attempts < MAX_ATTEMPTS;
    await finishJob(db, job.id, instanceId, {
      status: retry ? 'queued' : 'failed',
      error: message.slice(0, 500),
      runAt: retry ? new Date(now().getTime() + 30_000 * job.attempts).toISOString() : undefined,
      nowIso: now().toISOString(),
    });
  }
  return true;
}

/** Polls for due jobs until stopped. Several processes may run this against one PostgreSQL. */
export function startJobRunner(
  db: DB,
  instanceId: string,
  now: () => Date,
  intervalMs = 2000,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    while (!stopped && (await runOneJob(db, instanceId, now))) {
      // drain what is due, one job at a time
    }
  };
  const timer = setInterval(() => {
    running = running.then(tick).catch(() => undefined);
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
