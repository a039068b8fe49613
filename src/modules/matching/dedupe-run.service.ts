import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import type { AppDeps } from '../../server/deps.js';
import { updateJobProgress } from '../../server/jobs/jobs.repository.js';
import { registerJobHandler } from '../../server/jobs/jobs.service.js';
import { SYSTEM_ACTOR } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import { computeInWorker } from './dedupe-worker-launch.js';
import type { MatchInput } from './engine/record.js';
import type { DuplicatePairsTable } from './matching.tables.js';
import { saveStoredModel } from './model-store.js';
import { forgetRegistryStats } from './name-frequencies.js';
import { personMatchInput, REVIEW_THRESHOLD } from './registry-matcher.js';
import {
  countActivePeople,
  deleteOpenPairsNotFoundBy,
  findActivePeopleAfter,
  findDecidedPairKeys,
  upsertOpenPairs,
} from './runs.repository.js';

export const DEDUPE_JOB = 'matching.dedupe';
const READ_BATCH = 1000;
const WRITE_BATCH = 200;
const PROGRESS_EVERY_MS = 1000;

export interface RunResult {
  people: number;
  candidatePairs: number;
  proposed: number;
  skippedDecided: number;
  withdrawn: number;
  model: { lambda: number; trainedOnRecords: number };
}

export type Progress = (stage: string, done: number, total: number) => Promise<void>;

/** At most one progress write a second per stage, written in order (the worker's come in bursts). */
function throttled(write: (json: string) => Promise<void>): Progress {
  let last = 0;
  let lastStage = '';
  let chain: Promise<void> = Promise.resolve();
  return (stage, done, total) => {
    const now = Date.now();
    if (stage === lastStage && done < total && now - last < PROGRESS_EVERY_MS) return chain;
    last = now;
    lastStage = stage;
    const json = JSON.stringify({ stage, done, total });
    chain = chain.then(() => write(json)).catch(() => undefined);
    return chain;
  };
}

/**
 * Reads every active person, decrypting identities a batch at a time, into memory only: no name
 * is written anywhere by the run. Each batch read is one audit entry (count and id range).
 */
async function readRegistry(ctx: ServiceContext, progress: Progress): Promise<MatchInput[]> {
  const total = await countActivePeople(ctx.db);
  const inputs: MatchInput[] = [];
  let afterId = '';
  for (;;) {
    const batch = await ctx.db.transaction().execute(async (trx) => {
      const rows = await findActivePeopleAfter(trx, afterId, READ_BATCH);
      if (rows.length === 0) return rows;
      const identities = await openIdentities(trx, ctx.keys, rows);
      for (const row of rows) {
        const identity = identities.get(row.id);
        // An erased person (data key deleted) has no identity left to compare.
        if (identity) inputs.push(personMatchInput(row, identity));
      }
      await recordAudit(trx, ctx, {
        action: 'matching.identities_read',
        entity: 'person',
        details: { count: rows.length, firstId: rows[0]!.id, lastId: rows.at(-1)!.id },
      });
      return rows;
    });
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    await progress('reading the registry', inputs.length, total);
  }
  return inputs;
}

/**
 * The whole-registry deduplication: reads the registry, runs the engine's `dedupe` off the main
 * thread (blocking, u from random pairs, m by EM, term frequencies in memory), stores the trained
 * model for incremental scoring, and proposes every pair at or above the review threshold,
 * except pairs a reviewer already decided. Runs as the system, with audit entries.
 */
export async function runDedupe(ctx: ServiceContext, runId: string, progress: Progress): Promise<RunResult> {
  const inputs = await readRegistry(ctx, progress);
  const nowIso = ctx.now().toISOString();
  const computed = await computeInWorker(inputs, REVIEW_THRESHOLD, nowIso, (stage, done, total) => {
    void progress(stage, done, total).catch(() => undefined);
  });
  const decided = await findDecidedPairKeys(ctx.db);
  const fresh = computed.pairs.filter((p) => !decided.has(`${p.a}|${p.b}`));
  const rows: DuplicatePairsTable[] = fresh.map((p) => ({
    id: timeOrderedId(Date.parse(nowIso)),
    person_a: p.a,
    person_b: p.b,
    probability: p.probability,
    weight: p.weight,
    explanation: JSON.stringify(p.explanation),
    status: 'open',
    run_id: runId,
    found_at: nowIso,
    decided_by: null,
    decided_at: null,
    reason: null,
  }));
  for (let i = 0; i < rows.length; i += WRITE_BATCH) {
    await upsertOpenPairs(ctx.db, rows.slice(i, i + WRITE_BATCH));
    await progress('proposing pairs for review', Math.min(i + WRITE_BATCH, rows.length), rows.length);
  }
  const result: RunResult = {
    people: inputs.length,
    candidatePairs: computed.candidatePairs,
    proposed: rows.length,
    skippedDecided: computed.pairs.length - rows.length,
    withdrawn: 0,
    model: { lambda: computed.model.lambda, trainedOnRecords: computed.model.trainedOn?.records ?? 0 },
  };
  await ctx.db.transaction().execute(async (trx) => {
    result.withdrawn = await deleteOpenPairsNotFoundBy(trx, runId);
    await saveStoredModel(trx, computed.model, nowIso);
    await recordAudit(trx, ctx, {
      action: 'matching.run_completed',
      entity: 'job',
      entityId: runId,
      details: { ...result },
    });
  });
  forgetRegistryStats(ctx.db);
  return result;
}

/**
 * Registers the run's handler in this process. The matching routes call it, so any process that
 * accepts `POST /api/matching/runs` can also run the job it queues (the job runner claims the
 * kinds its process has handlers for).
 */
export function registerDedupeJob(deps: Pick<AppDeps, 'db' | 'keys' | 'now'>): void {
  registerJobHandler(DEDUPE_JOB, async ({ jobId }) => {
    const ctx: ServiceContext = { db: deps.db, keys: deps.keys, now: deps.now, actor: SYSTEM_ACTOR };
    return runDedupe(
      ctx,
      jobId,
      throttled((json) => updateJobProgress(deps.db, jobId, json)),
    );
  });
}
