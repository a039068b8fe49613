import { decryptField, encryptField } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { openPersonKey } from '../registry/person-identity.js';
import { findPersonKeys } from '../registry/registry.repository.js';
import { presentPair } from './duplicates.presenter.js';
import {
  findActiveMerge,
  findOpenPairsBetween,
  findPairForActor,
  findPeopleByIds,
  listPairs,
  type PairFilter,
  type PairRow,
  setPairsDecided,
  updatePair,
} from './duplicates.repository.js';
import type { DecisionInput } from './matching.schema.js';
import { mergePeople, unmergePeople } from './merge.service.js';

const reasonAad = (pairId: string) => `duplicate_pairs|${pairId}|reason`;

/**
 * The review queue: open pairs at or above the review threshold, most likely first. After a
 * partial merge of a cluster two open pairs can stand for the same two current records; the
 * queue shows the likelier one (deciding it decides both).
 */
export async function listDuplicates(
  ctx: ServiceContext,
  filter: PairFilter,
  after: { p: number; i: string } | undefined,
  limit: number,
) {
  const rows = await listPairs(ctx.db, ctx.actor, filter, after, limit + 1);
  const page = rows.slice(0, limit);
  const seen = new Set<string>();
  const items = [];
  for (const row of page) {
    const key = [row.a_id, row.b_id].sort().join('|');
    if (filter.status === 'open' && seen.has(key)) continue;
    seen.add(key);
    const merge = row.status === 'same' ? await findActiveMerge(ctx.db, row.id) : undefined;
    items.push(presentPair(row, ctx.actor, Boolean(merge)));
  }
  const last = page.at(-1);
  return { items, next: rows.length > limit && last ? { p: last.probability, i: last.id } : null };
}

async function pairOrNotFound(trx: Executor, ctx: ServiceContext, id: string): Promise<PairRow> {
  const row = await findPairForActor(trx, ctx.actor, id);
  if (!row) throw AppError.notFound('duplicate pair');
  return row;
}

async function dataKeyOf(trx: Executor, ctx: ServiceContext, personId: string) {
  const wrapped = (await findPersonKeys(trx, [personId])).get(personId);
  return wrapped ? openPersonKey(ctx.keys, personId, wrapped) : null;
}

/** One pair with its merge and the reviewer's reason; opening it is audited. */
export async function getDuplicate(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await pairOrNotFound(trx, ctx, id);
    const merge = await findActiveMerge(trx, id);
    const pair = presentPair(row, ctx.actor, Boolean(merge));
    let reason: string | null = null;
    if (row.reason && !pair.crossOrganisation) {
      const key = await dataKeyOf(trx, ctx, row.person_a);
      // An erased person's key is gone, and with it the reason written about them.
      reason = key ? decryptField(key, row.reason, reasonAad(id)) : null;
    }
    await recordAudit(trx, ctx, { action: 'duplicates.read', entity: 'duplicate_pair', entityId: id });
    return {
      ...pair,
      reason,
      merge: merge
        ? {
            survivorId: merge.survivor_id,
            mergedId: merge.merged_id,
            mergedAt: merge.merged_at,
            mergedBy: merge.merged_by,
          }
        : null,
    };
  });
}

/**
 * `same` merges the newer current record into the older one (clusters: each side is its
 * cluster's surviving record); `different` records that they are two people, and the pair is
 * never proposed again. Either way, every open pair between the same two clusters is decided
 * with it. One transaction, one audit entry (ids and counts, never the reason's text).
 */
export async function decideDuplicate(ctx: ServiceContext, id: string, input: DecisionInput) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await pairOrNotFound(trx, ctx, id);
    if (row.status !== 'open')
      throw new AppError('invalid_state', `This pair was already decided (${row.status}).`);
    if (row.a_id === row.b_id || row.a_status !== 'active' || row.b_status !== 'active')
      throw new AppError(
        'invalid_state',
        'These records were merged or changed since the pair was proposed.',
      );
    const crossOrganisation = row.a_visible !== 1 || row.b_visible !== 1;
    if (input.decision === 'same' && crossOrganisation)
      throw new AppError(
        'invalid_state',
        'Both records must be visible to you to merge them: ask the other organisation to share its record.',
      );
    const nowIso = ctx.now().toISOString();
    const decided = { decided_by: ctx.actor.userId, decided_at: nowIso };
    const others = (await findOpenPairsBetween(trx, row.a_id, row.b_id)).filter((p) => p !== id);
    const details: Record<string, unknown> = { decision: input.decision, alsoDecided: others };
    if (input.decision === 'same') {
      const people = await findPeopleByIds(trx, [row.a_id, row.b_id]);
      const [survivor, merged] = people.sort(
        (x, y) => x.created_at.localeCompare(y.created_at) || x.id.localeCompare(y.id),
      );
      const merge = await mergePeople(trx, ctx, survivor!, merged!, id, others);
      Object.assign(details, {
        survivorId: survivor!.id,
        mergedId: merged!.id,
        moved: movedCounts(merge.moved),
      });
    }
    let reason: string | null = null;
    if (input.reason && !crossOrganisation) {
      const key = await dataKeyOf(trx, ctx, row.person_a);
      reason = key ? encryptField(key, input.reason, reasonAad(id)) : null;
    }
    await updatePair(trx, id, { status: input.decision, ...decided, reason });
    await setPairsDecided(trx, others, { status: input.decision, ...decided });
    await recordAudit(trx, ctx, {
      action: 'duplicates.decided',
      entity: 'duplicate_pair',
      entityId: id,
      details: { ...details, withReason: Boolean(input.reason) },
    });
  });
  return getDuplicate(ctx, id);
}

function movedCounts(json: string): Record<string, number> {
  const moves = JSON.parse(json) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(moves).map(([k, v]) => [k, Array.isArray(v) ? v.length : v ? 1 : 0]),
  );
}

/** Undoes the merge a `same` decision on this pair made; the pair returns to the queue. */
export async function unmergeDuplicate(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await pairOrNotFound(trx, ctx, id);
    if (row.a_visible !== 1 || row.b_visible !== 1) throw AppError.notFound('duplicate pair');
    const merge = await findActiveMerge(trx, id);
    if (row.status !== 'same' || !merge)
      throw new AppError('invalid_state', 'No merge was made from this pair (or it was already undone).');
    const people = await findPeopleByIds(trx, [merge.survivor_id, merge.merged_id]);
    const survivor = people.find((p) => p.id === merge.survivor_id)!;
    const merged = people.find((p) => p.id === merge.merged_id)!;
    const moves = await unmergePeople(trx, ctx, merge, survivor, merged);
    await updatePair(trx, id, { status: 'open', decided_by: null, decided_at: null, reason: null });
    await recordAudit(trx, ctx, {
      action: 'duplicates.unmerged',
      entity: 'duplicate_pair',
      entityId: id,
      details: {
        survivorId: survivor.id,
        restoredId: merged.id,
        reopened: moves.pairs,
        moved: movedCounts(merge.moved),
      },
    });
  });
  return getDuplicate(ctx, id);
}
