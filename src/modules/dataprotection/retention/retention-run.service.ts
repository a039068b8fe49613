import { timeOrderedId } from '../../../crypto/index.js';
import { isPostgres } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { recordAudit } from '../../audit/audit.service.js';
import type { RetentionPoliciesTable } from '../dataprotection.tables.js';
import { type LedgerEntry, recordInLedger } from '../erasure/erasure-ledger.js';
import { appendAfterCommit } from '../erasure/ledger-file.js';
import { flushShreddedPages } from '../erasure/storage-hygiene.js';
import { findActiveHolds, findPolicies, finishRun, insertRun } from './retention.repository.js';
import { effectiveKeepDays, todayOf } from './retention.service.js';
import {
  countDue,
  findDueIds,
  isRecordType,
  lockStillDue,
  type Selection,
  TARGETS,
} from './retention-targets.js';

const DAY_MS = 86_400_000;
// Small batches: each is one transaction holding row locks, and a crash loses at most one.
const BATCH = 100;

export interface PolicyReport {
  policyId: string;
  version: number;
  recordType: string;
  recordStatus: string;
  mode: string;
  keepDays: number;
  effectiveKeepDays: number;
  cutoff: string;
  eligible: number;
  held: number;
  processed: number;
  sampleIds: string[];
}

export interface RetentionReport {
  id: string | null;
  dryRun: boolean;
  trigger: string;
  startedAt: string;
  finishedAt: string | null;
  policies: PolicyReport[];
}

async function shredDue(ctx: ServiceContext, policy: RetentionPoliciesTable, selection: Selection) {
  const spec = TARGETS[selection.recordType];
  let processed = 0;
  let after: string | null = null;
  for (;;) {
    const ids = await findDueIds(ctx.db, selection, BATCH, after);
    if (ids.length === 0) return processed;
    after = ids.at(-1)!;
    const shredded = await ctx.db.transaction().execute(async (trx) => {
      // Re-checked under lock: a hold placed or a case reopened since the read keeps the record.
      const locked = await lockStillDue(trx, selection, ids, isPostgres(trx));
      if (locked.length === 0) return [];
      const nowIso = ctx.now().toISOString();
      await spec.shred(trx, locked, nowIso);
      const entries: LedgerEntry[] = locked.map((id) => ({
        subjectType: selection.recordType,
        subjectId: id,
        erasedAt: nowIso,
        source: 'retention' as const,
        sourceId: policy.id,
      }));
      await recordInLedger(trx, entries);
      for (const id of locked) {
        await recordAudit(trx, ctx, {
          action: spec.action === 'anonymise' ? 'retention.anonymised' : 'retention.shredded',
          entity: selection.recordType,
          entityId: id,
          details: { policyId: policy.id, policyVersion: Number(policy.version) },
        });
      }
      return entries;
    });
    await appendAfterCommit(ctx.erasureLedgerPath, ctx.keys, shredded);
    processed += shredded.length;
  }
}

/**
 * One organisation's retention run. Every policy that is not paused is reported on (due, held back,
 * a few ids); when it is not a dry run, active policies then shred what is due, batch by batch.
 * Safe to run from several processes at once: each batch re-selects its rows under lock
 * (SKIP LOCKED on PostgreSQL) and shredding twice changes nothing.
 */
export async function runRetention(
  ctx: ServiceContext,
  orgId: string,
  options: { dryRun: boolean; trigger: 'job' | 'manual'; store?: boolean },
): Promise<RetentionReport> {
  const startedAt = ctx.now().toISOString();
  const store = options.store ?? true;
  const id = store ? timeOrderedId(ctx.now().getTime()) : null;
  if (id) {
    await insertRun(ctx.db, {
      id,
      org_id: orgId,
      dry_run: options.dryRun ? 1 : 0,
      trigger: options.trigger,
      started_by: ctx.actor.userId,
      started_at: startedAt,
      finished_at: null,
      report: null,
    });
  }
  const todayIso = todayOf(ctx);
  const [policies, holds] = await Promise.all([
    findPolicies(ctx.db, orgId),
    findActiveHolds(ctx.db, orgId, todayIso),
  ]);
  const reports: PolicyReport[] = [];
  for (const policy of policies) {
    if (policy.mode === 'paused' || !isRecordType(policy.record_type)) continue;
    const days = effectiveKeepDays(policy, holds);
    const selection: Selection = {
      orgId,
      recordType: policy.record_type,
      recordStatus: policy.record_status,
      cutoffIso: new Date(ctx.now().getTime() - days * DAY_MS).toISOString(),
      todayIso,
    };
    const due = await countDue(ctx.db, selection);
    const acts = !options.dryRun && policy.mode === 'active';
    reports.push({
      policyId: policy.id,
      version: Number(policy.version),
      recordType: policy.record_type,
      recordStatus: policy.record_status,
      mode: policy.mode,
      keepDays: Number(policy.keep_days),
      effectiveKeepDays: days,
      cutoff: selection.cutoffIso,
      ...due,
      processed: acts ? await shredDue(ctx, policy, selection) : 0,
    });
  }
  const finishedAt = ctx.now().toISOString();
  const report: RetentionReport = {
    id,
    dryRun: options.dryRun,
    trigger: options.trigger,
    startedAt,
    finishedAt,
    policies: reports,
  };
  const processed = reports.reduce((sum, r) => sum + r.processed, 0);
  await ctx.db.transaction().execute(async (trx) => {
    if (id) await finishRun(trx, id, finishedAt, JSON.stringify(report));
    await recordAudit(trx, ctx, {
      action: options.dryRun ? (store ? 'retention.dry_run' : 'retention.previewed') : 'retention.run',
      entity: 'retention_run',
      entityId: id,
      details: { policies: reports.length, processed, trigger: options.trigger },
    });
  });
  if (processed > 0) await flushShreddedPages(ctx.db);
  return report;
}
