import {
  decryptField,
  encryptField,
  generateDataKey,
  randomId,
  unwrapDataKey,
  wrapDataKey,
} from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findUserById } from '../access/access.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import {
  COUNSELLING_RECORD,
  findFollowUps,
  findForAggregates,
  findSessionInScope,
  findSessions,
  insertSession,
  markFollowUpDone,
  type SessionRow,
} from './counselling.repository.js';
import type { CreateCounsellingInput } from './counselling.schema.js';
import type { CounsellingSessionsTable } from './information.tables.js';

export const notesAad = (id: string) => `counselling_sessions|${id}|notes`;
const today = (ctx: ServiceContext) => ctx.now().toISOString().slice(0, 10);

function decryptNotes(ctx: ServiceContext, row: CounsellingSessionsTable): string | null {
  if (row.notes === null) return null;
  return decryptField(unwrapDataKey(ctx.keys, row.wrapped_key, row.id), row.notes, notesAad(row.id));
}

function validateDates(ctx: ServiceContext, input: CreateCounsellingInput): void {
  const limit = new Date(ctx.now().getTime() + 86_400_000).toISOString().slice(0, 10);
  // One day of slack: a session recorded just after midnight elsewhere in the world is not "in the future".
  if (input.heldOn > limit) throw AppError.validation('heldOn', 'must not be in the future');
  if (input.followUpOn && input.followUpOn < input.heldOn)
    throw AppError.validation('followUpOn', 'must be on or after heldOn');
}

async function sessionOrNotFound(trx: Executor, ctx: ServiceContext, id: string): Promise<SessionRow> {
  const row = await findSessionInScope(trx, ctx.actor, id);
  if (!row) throw AppError.notFound(`counselling session ${id}`);
  return row;
}

/**
 * Records a session: the notes encrypted under the session's own data key (erasable alone),
 * the person linked only when the counsellor's organisation may see them, audited in the same
 * transaction.
 */
export async function recordSession(
  ctx: ServiceContext,
  input: CreateCounsellingInput,
  options: { isDemo?: boolean } = {},
) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can record counselling.');
  if ((input.personId === undefined) === (input.anonymous === undefined)) {
    throw AppError.validation('personId', 'give the registered person, or anonymous: true (not both)');
  }
  validateDates(ctx, input);
  const id = randomId();
  const now = ctx.now().toISOString();
  const dataKey = generateDataKey();
  const notes = input.notes?.trim() ? input.notes : null;
  return ctx.db.transaction().execute(async (trx) => {
    if (input.personId && !(await findPersonInScope(trx, ctx.actor, input.personId))) {
      throw AppError.notFound(`person ${input.personId}`);
    }
    const counsellorId = input.counsellorId ?? ctx.actor.userId;
    const counsellor = counsellorId ? await findUserById(trx, counsellorId) : undefined;
    if (!counsellor || counsellor.org_id !== orgId || counsellor.disabled_at !== null) {
      throw AppError.validation('counsellorId', 'must be an active user of your organisation');
    }
    await insertSession(trx, {
      id,
      org_id: orgId,
      person_id: input.personId ?? null,
      held_on: input.heldOn,
      counsellor_id: counsellor.id,
      language: input.language,
      interpreter_used: input.interpreterUsed ? 1 : 0,
      topics: JSON.stringify(input.topics ?? []),
      options_discussed: JSON.stringify(input.optionsDiscussed ?? []),
      stated_intention: input.statedIntention,
      referrals: JSON.stringify(input.referrals ?? []),
      follow_up_on: input.followUpOn ?? null,
      follow_up_done_at: null,
      follow_up_done_by: null,
      notes: notes === null ? null : encryptField(dataKey, notes, notesAad(id)),
      wrapped_key: wrapDataKey(ctx.keys, dataKey, id),
      is_demo: options.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await recordAudit(trx, ctx, {
      action: 'counselling.create',
      entity: COUNSELLING_RECORD,
      entityId: id,
      details: { personId: input.personId ?? null, hasNotes: notes !== null },
    });
    return { row: await sessionOrNotFound(trx, ctx, id), notes };
  });
}

export async function readSession(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await sessionOrNotFound(trx, ctx, id);
    await recordAudit(trx, ctx, {
      action: 'counselling.read',
      entity: COUNSELLING_RECORD,
      entityId: id,
      details: { personId: row.person_id },
    });
    return { row, notes: decryptNotes(ctx, row) };
  });
}

export async function listSessions(
  ctx: ServiceContext,
  filter: { personId?: string; before?: [string, string]; limit: number },
) {
  return ctx.db.transaction().execute(async (trx) => {
    if (filter.personId && !(await findPersonInScope(trx, ctx.actor, filter.personId))) {
      throw AppError.notFound(`person ${filter.personId}`);
    }
    const rows = await findSessions(trx, ctx.actor, filter);
    await recordAudit(trx, ctx, {
      action: 'counselling.list',
      entity: COUNSELLING_RECORD,
      details: { personId: filter.personId ?? null, count: rows.length },
    });
    return rows;
  });
}

/** The signed-in counsellor's follow-ups due by a date (default: within the coming week), overdue first. */
export async function listFollowUps(ctx: ServiceContext, dueBy?: string) {
  const by = dueBy ?? new Date(ctx.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await findFollowUps(trx, ctx.actor, ctx.actor.userId ?? '', by);
    await recordAudit(trx, ctx, {
      action: 'counselling.follow_ups',
      entity: COUNSELLING_RECORD,
      details: { dueBy: by, count: rows.length },
    });
    return { dueBy: by, rows, today: today(ctx) };
  });
}

export async function completeFollowUp(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await sessionOrNotFound(trx, ctx, id);
    if (row.follow_up_on === null) throw new AppError('invalid_state', 'this session has no follow-up');
    if (row.follow_up_done_at !== null) throw new AppError('invalid_state', 'the follow-up is already done');
    await markFollowUpDone(trx, id, ctx.actor.userId, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'counselling.follow_up_done',
      entity: COUNSELLING_RECORD,
      entityId: id,
    });
    return sessionOrNotFound(trx, ctx, id);
  });
}

/**
 * Counts by topic, language, intention and option for one organisation and period. Counselling
 * volumes are small (hundreds a month per office), so the JSON code lists are tallied here.
 */
export async function aggregateSessions(ctx: ServiceContext, from: string, to: string) {
  if (to < from) throw AppError.validation('to', 'must be on or after from');
  const rows = await findForAggregates(ctx.db, ctx.actor.orgId ?? '', from, to);
  const tally = (keys: (row: (typeof rows)[number]) => string[]) => {
    const counts = new Map<string, number>();
    for (const row of rows) for (const key of keys(row)) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  };
  return {
    total: rows.length,
    interpreterUsed: rows.filter((r) => r.interpreter_used === 1).length,
    byTopic: tally((r) => JSON.parse(r.topics) as string[]),
    byLanguage: tally((r) => [r.language]),
    byIntention: tally((r) => [r.stated_intention]),
    byOption: tally((r) => JSON.parse(r.options_discussed) as string[]),
  };
}
