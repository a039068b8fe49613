import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { caseAad, seal } from './case-crypto.js';
import { type CaseAccess, caseAccess } from './cases.policy.js';
import { findCaseInScope, insertCaseEvent, updateCaseRow } from './cases.repository.js';
import type { CaseReferralsTable, CasesTable } from './cases.tables.js';
import { findReferralsOfCase } from './referrals.repository.js';

export interface LoadedCase {
  row: CasesTable;
  referrals: CaseReferralsTable[];
  access: CaseAccess;
}

/** A case the actor can reach (owner or share), with what they may see of it; otherwise 404. */
export async function loadCase(trx: Executor, ctx: ServiceContext, id: string): Promise<LoadedCase> {
  const row = await findCaseInScope(trx, ctx.actor, id);
  if (!row) throw AppError.notFound('case');
  const referrals = await findReferralsOfCase(trx, id);
  return { row, referrals, access: caseAccess(ctx.actor, row, referrals) };
}

/**
 * For writes. `owner`: steering the case (transitions, plans, referrals, risk) is for the
 * organisation responsible for it. `partner`: a partner that accepted a referral may record its
 * own work. Either way, a restricted view (gbv, trafficking without case access) cannot write,
 * and a closed case takes nothing new until it is reopened.
 */
export async function loadCaseForWrite(
  trx: Executor,
  ctx: ServiceContext,
  id: string,
  side: 'owner' | 'partner',
  options: { allowClosed?: boolean } = {},
): Promise<LoadedCase> {
  const loaded = await loadCase(trx, ctx, id);
  const { access, row } = loaded;
  if (!(access.isOwner || (side === 'partner' && access.isPartner))) {
    throw new AppError(
      'forbidden',
      side === 'owner'
        ? 'Only the organisation responsible for this case can do this.'
        : 'Your organisation can read this case but not add to it.',
    );
  }
  if (access.level !== 'full')
    throw new AppError('forbidden', 'This case is restricted to its caseworker and supervisors.');
  if (row.status === 'closed' && !options.allowClosed)
    throw new AppError('invalid_state', 'This case is closed; reopen it first.');
  return loaded;
}

/**
 * Saves changes to the case row with its activity time, only if nobody changed it meanwhile
 * (409 otherwise, and the whole request rolls back).
 */
export async function saveCase(
  trx: Executor,
  ctx: ServiceContext,
  row: CasesTable,
  changes: Partial<CasesTable> = {},
): Promise<CasesTable> {
  const nowIso = ctx.now().toISOString();
  const next = { ...changes, last_activity_at: nowIso, updated_at: nowIso };
  if (!(await updateCaseRow(trx, row.id, row.version, next))) {
    throw new AppError('conflict', 'The case changed while you were saving; reload it and try again.');
  }
  return { ...row, ...next, version: row.version + 1 };
}

export interface CaseEventInput {
  kind: string;
  /** Non-personal facts, stored plain for the timeline: states, codes, counts, ids. */
  summary: Record<string, unknown>;
  /** Free text, sealed with the case key. */
  body?: Record<string, unknown> | null;
  occurredAt?: string;
}

/** Adds one entry to the case's timeline. */
export async function recordCaseEvent(
  trx: Executor,
  ctx: ServiceContext,
  row: Pick<CasesTable, 'id' | 'org_id'>,
  dataKey: Buffer,
  event: CaseEventInput,
): Promise<string> {
  const now = ctx.now();
  const id = timeOrderedId(now.getTime());
  await insertCaseEvent(trx, {
    id,
    case_id: row.id,
    org_id: ctx.actor.orgId ?? row.org_id,
    kind: event.kind,
    summary: JSON.stringify(event.summary),
    body: event.body ? seal(dataKey, caseAad.event(row.id, id), event.body) : null,
    occurred_at: event.occurredAt ?? now.toISOString(),
    created_by: ctx.actor.userId,
    created_at: now.toISOString(),
  });
  return id;
}

/** A calendar date not after tomorrow (one day of slack for time zones). */
export function assertNotFuture(ctx: ServiceContext, field: string, date: string): void {
  const limit = new Date(ctx.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  if (date > limit) throw AppError.validation(field, 'must not be in the future');
}
