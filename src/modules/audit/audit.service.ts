import { auditKeysForSeq, type KeyRing } from '../../crypto/index.js';
import type { DB, Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { chainHash, GENESIS_HASH } from './audit.chain.js';
import {
  type AuditFilter,
  findAuditBatch,
  findAuditEntries,
  findAuditHead,
  insertAuditEntries,
  reserveNextSeq,
} from './audit.repository.js';

export interface AuditInput {
  /** verb-like, e.g. 'person.read', 'user.create', 'auth.login_failed'. */
  action: string;
  entity: string;
  entityId?: string | null;
  /** Non-personal details only: counts, field names, ids of records, reasons. */
  details?: Record<string, unknown>;
  purpose?: string;
}

type AuditContext = Pick<ServiceContext, 'keys' | 'now' | 'actor' | 'requestId' | 'purpose'>;

/** Appends one entry to the chain inside the caller's transaction (DESIGN.md: same transaction as the action). */
export async function recordAudit(trx: Executor, ctx: AuditContext, input: AuditInput): Promise<void> {
  await recordAudits(trx, ctx, [input]);
}

/**
 * Appends several entries at once (bulk registration, imports): one reservation of consecutive
 * sequence numbers and one multi-row insert, chained exactly as single appends would be.
 */
export async function recordAudits(trx: Executor, ctx: AuditContext, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const { seq: first, previousHash } = await reserveNextSeq(trx, inputs.length);
  const at = ctx.now().toISOString();
  let previous = previousHash;
  const entries = inputs.map((input, i) => {
    const fields = {
      seq: first + i,
      at,
      actor_id: ctx.actor.userId,
      org_id: ctx.actor.orgId,
      action: input.action,
      entity: input.entity,
      entity_id: input.entityId ?? null,
      purpose: input.purpose ?? ctx.purpose ?? null,
      details: input.details ? JSON.stringify(input.details) : null,
      request_id: ctx.requestId ?? null,
    };
    previous = chainHash(ctx.keys.audit, previous, fields);
    return { ...fields, hash: previous };
  });
  await insertAuditEntries(trx, entries);
}

/** Audit in a transaction of its own, for events that have no other write (denials, failed logins). */
export async function recordAuditAlone(db: DB, ctx: AuditContext, input: AuditInput): Promise<void> {
  await db.transaction().execute((trx) => recordAudit(trx, ctx, input));
}

export interface ChainVerdict {
  ok: boolean;
  checked: number;
  /** The first entry that was changed, removed or reordered. */
  firstBadSeq?: number;
  problem?: string;
}

export async function verifyAuditChain(
  db: Executor,
  keys: KeyRing,
  onProgress?: (checked: number) => void,
): Promise<ChainVerdict> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const batchSize = 5000;
  for (;;) {
    const rows = await findAuditBatch(db, expectedSeq - 1, batchSize);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          firstBadSeq: expectedSeq,
          problem: `entry ${expectedSeq} is missing (the next entry present is ${seq})`,
        };
      }
      const { hash, ...fields } = row;
      // Across a master key rotation, entries before its end may carry the retired audit key.
      const candidates = auditKeysForSeq(keys, seq);
      if (!candidates.some((key) => chainHash(key, previousHash, { ...fields, seq }) === hash)) {
        return {
          ok: false,
          checked,
          firstBadSeq: seq,
          problem: `entry ${seq} was altered or reordered (its hash does not follow from the entries before it)`,
        };
      }
      previousHash = hash;
      expectedSeq += 1;
      checked += 1;
    }
    onProgress?.(checked);
    if (rows.length < batchSize) break;
  }
  const head = await findAuditHead(db);
  if (!head) return { ok: false, checked, firstBadSeq: 1, problem: 'the chain head is missing' };
  if (Number(head.seq) > checked) {
    return {
      ok: false,
      checked,
      firstBadSeq: checked + 1,
      problem: `entries ${checked + 1} to ${head.seq} were removed from the end of the log`,
    };
  }
  if (Number(head.seq) < checked || head.hash !== previousHash) {
    return {
      ok: false,
      checked,
      firstBadSeq: Number(head.seq),
      problem: 'the chain head does not match the last entry',
    };
  }
  return { ok: true, checked };
}

export async function listAudit(ctx: ServiceContext, filter: AuditFilter) {
  return ctx.db.transaction().execute(async (trx) => {
    // An organisation's officer reads its own organisation's entries, not another's activity.
    const orgId = ctx.actor.via === 'system' ? null : (ctx.actor.orgId ?? '');
    const rows = await findAuditEntries(trx, filter, orgId);
    // Reading the log is itself an access worth recording (who looked at whose activity).
    await recordAudit(trx, ctx, {
      action: 'audit.read',
      entity: 'audit_log',
      details: { filter: { ...filter, limit: undefined }, count: rows.length },
    });
    return rows;
  });
}
