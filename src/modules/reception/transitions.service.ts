import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { isPostgres } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { movePeopleToSite } from '../registry/registry.repository.js';
import { freeOf } from './capacity.service.js';
import { OPEN, TRANSITIONS } from './reception.policy.js';
import {
  countUsage,
  dischargeStays,
  findOpenStays,
  insertStays,
  lockCapacities,
} from './reception.repository.js';
import type { RelocationStatus, RelocationsTable } from './reception.tables.js';
import {
  closeRelocationPeople,
  findRelocationInScope,
  insertEvent,
  lastEventAt,
  updateRelocation,
} from './relocations.repository.js';
import type { TransitionBody } from './relocations.schema.js';

export type TransitionInput = z.infer<typeof TransitionBody>;

/**
 * Holds `count` places of `category` at the centre, or answers 409. The capacity row is locked
 * first (PostgreSQL `FOR UPDATE`; SQLite runs one write transaction at a time), so two requests
 * for the last place are decided one after the other and the second sees the first's hold.
 */
export async function reservePlaces(trx: Executor, siteId: string, category: string, count: number) {
  const [row] = await lockCapacities(trx, siteId, category);
  if (!row) throw AppError.validation('toSiteId', `has no places of category ${category}`);
  const use = (await countUsage(trx, [siteId])).get(`${siteId}|${category}`) ?? { occupied: 0, reserved: 0 };
  const free = freeOf(row.places, row.blocked, use.occupied, use.reserved);
  if (free < count) {
    throw new AppError(
      'capacity_exhausted',
      `toSiteId: ${free} ${category} place(s) free at this centre, ${count} needed`,
      [{ field: 'toSiteId', message: `${free} free, ${count} needed` }],
    );
  }
}

async function assignConvoy(trx: Executor, relocation: RelocationsTable, convoyId: string | undefined) {
  if (!convoyId) throw AppError.validation('convoyId', 'Required to schedule a relocation');
  let query = trx.selectFrom('convoys').selectAll().where('id', '=', convoyId);
  if (isPostgres(trx)) query = query.forUpdate();
  const convoy = await query.executeTakeFirst();
  if (!convoy) throw AppError.validation('convoyId', 'no convoy has this id');
  if (relocation.from_site_id && convoy.origin_site_id !== relocation.from_site_id)
    throw AppError.validation('convoyId', 'leaves from another site than the relocation');
  const taken = await trx
    .selectFrom('relocations')
    .select((eb) => eb.fn.sum<number>('people_count').as('n'))
    .where('convoy_id', '=', convoyId)
    .where('status', 'in', ['scheduled', 'departed'])
    .executeTakeFirst();
  const seats = convoy.vehicle_capacity - Number(taken?.n ?? 0);
  if (seats < relocation.people_count) {
    throw new AppError(
      'capacity_exhausted',
      `convoyId: ${seats} seat(s) left, ${relocation.people_count} needed`,
      [{ field: 'convoyId', message: `${seats} seats left` }],
    );
  }
}

function assertTime(at: string, now: Date, previous: string | undefined) {
  if (at > new Date(now.getTime() + 60_000).toISOString())
    throw AppError.validation('at', 'must not be in the future');
  if (previous && at < previous)
    throw AppError.validation('at', `must not be before the previous step (${previous})`);
}

/** Moves a relocation one step; the whole step (ledger, people, event, audit) is one transaction. */
export async function transitionInTransaction(
  trx: Executor,
  ctx: ServiceContext,
  id: string,
  input: TransitionInput,
) {
  const relocation = await findRelocationInScope(trx, ctx.actor, id, true);
  if (!relocation) throw AppError.notFound('relocation');
  const from = relocation.status;
  const to = input.to as RelocationStatus;
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from].join(', ') || 'none (final state)';
    throw new AppError('invalid_state', `to: a ${from} relocation cannot become ${to}; allowed: ${allowed}`, [
      { field: 'to', message: `not allowed from ${from}` },
    ]);
  }
  if (to === 'returned' && !input.returnReason)
    throw AppError.validation('returnReason', 'Required for a return');
  if (to !== 'returned' && input.returnReason)
    throw AppError.validation('returnReason', 'only with to: returned');
  if (to !== 'scheduled' && input.convoyId) throw AppError.validation('convoyId', 'only with to: scheduled');
  const now = ctx.now();
  const at = input.at ? new Date(input.at).toISOString() : now.toISOString();
  assertTime(at, now, await lastEventAt(trx, id));
  const people = (
    await trx.selectFrom('relocation_people').select('person_id').where('relocation_id', '=', id).execute()
  ).map((p) => p.person_id);
  const changes: Partial<RelocationsTable> = { status: to, updated_at: now.toISOString() };
  let seenAt: string | null = null;
  if (to === 'accepted' && from === 'proposed')
    await reservePlaces(trx, relocation.to_site_id, relocation.category, relocation.people_count);
  if (to === 'scheduled') {
    await assignConvoy(trx, relocation, input.convoyId);
    changes.convoy_id = input.convoyId;
  }
  if (to === 'accepted' && from === 'scheduled') changes.convoy_id = null;
  if (to === 'departed') {
    if (relocation.from_site_id) await dischargeStays(trx, people, relocation.from_site_id, at, 'relocated');
    await movePeopleToSite(trx, people, null, now.toISOString());
  }
  if (to === 'arrived') {
    for (const stay of await findOpenStays(trx, people))
      await dischargeStays(trx, [stay.person_id], stay.site_id, at, 'transferred');
    await insertStays(
      trx,
      people.map((personId) => ({
        id: timeOrderedId(now.getTime()),
        person_id: personId,
        org_id: relocation.org_id,
        site_id: relocation.to_site_id,
        category: relocation.category,
        relocation_id: id,
        admitted_at: at,
        discharged_at: null,
        discharge_reason: null,
        is_demo: relocation.is_demo,
      })),
    );
    await movePeopleToSite(trx, people, relocation.to_site_id, now.toISOString());
  }
  if (to === 'left' || to === 'returned') await dischargeStays(trx, people, relocation.to_site_id, at, to);
  if (to === 'left') await movePeopleToSite(trx, people, null, now.toISOString());
  if (to === 'returned') {
    seenAt = input.siteId ?? relocation.from_site_id;
    if (!seenAt) throw AppError.validation('siteId', 'Required: where was the person seen again?');
    const site = await trx.selectFrom('sites').select('id').where('id', '=', seenAt).executeTakeFirst();
    if (!site) throw AppError.validation('siteId', 'no site has this id');
    changes.return_reason = input.returnReason ?? null;
    await movePeopleToSite(trx, people, seenAt, now.toISOString());
  }
  if (!OPEN.includes(to)) await closeRelocationPeople(trx, id);
  await updateRelocation(trx, id, changes);
  await insertEvent(trx, {
    id: timeOrderedId(now.getTime()),
    relocation_id: id,
    from_status: from,
    to_status: to,
    occurred_at: at,
    recorded_at: now.toISOString(),
    actor_id: ctx.actor.userId,
    reason: input.reason ?? null,
    return_reason: to === 'returned' ? (input.returnReason ?? null) : null,
    site_id: seenAt,
  });
  await recordAudit(trx, ctx, {
    action: 'relocation.transition',
    entity: 'relocation',
    entityId: id,
    details: { from, to, people: people.length, returnReason: input.returnReason ?? null },
  });
}

export async function transitionRelocation(ctx: ServiceContext, id: string, input: TransitionInput) {
  await ctx.db.transaction().execute((trx) => transitionInTransaction(trx, ctx, id, input));
}

/**
 * The same step for many relocations (the pipeline board's bulk actions). Each relocation moves
 * in its own transaction: one that may not move (a full centre, a wrong state) is reported and
 * leaves the others unaffected.
 */
export async function bulkTransition(ctx: ServiceContext, ids: readonly string[], input: TransitionInput) {
  const results: Array<{
    id: string;
    ok: boolean;
    status?: string;
    error?: { code: string; message: string };
  }> = [];
  for (const id of ids) {
    try {
      await transitionRelocation(ctx, id, input);
      results.push({ id, ok: true, status: input.to });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      results.push({ id, ok: false, error: { code: error.code, message: error.message } });
    }
  }
  return results;
}
