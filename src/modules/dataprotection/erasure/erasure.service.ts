import type { z } from 'zod';
import { decryptField, encryptField, timeOrderedId } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import { openPersonKey } from '../../registry/person-identity.js';
import { findPersonKeys } from '../../registry/registry.repository.js';
import { isSecondPerson } from '../dataprotection.policy.js';
import type { ErasureRequestsTable } from '../dataprotection.tables.js';
import {
  decideRequest,
  findErasureRequest,
  findOwnedPerson,
  findPendingErasure,
  findRecipients,
  insertErasureRequest,
  listRequests,
} from '../requests.repository.js';
import { findHoldsOnRecords } from '../retention/retention.repository.js';
import { orgOf, todayOf } from '../retention/retention.service.js';
import type { CreateErasureBody, RefuseErasureBody } from './erasure.schema.js';
import { type LedgerEntry, recordInLedger } from './erasure-ledger.js';
import { appendAfterCommit } from './ledger-file.js';
import { shredPerson } from './shred-person.js';
import { flushShreddedPages } from './storage-hygiene.js';

const aad = {
  note: (id: string) => `erasure_requests|${id}|note`,
  decision: (id: string) => `erasure_requests|${id}|decision_note`,
};

/** GDPR article 12(3): one month. */
export function dueOn(now: Date): string {
  const due = new Date(now);
  due.setUTCMonth(due.getUTCMonth() + 1);
  return due.toISOString().slice(0, 10);
}

/** The person's data key, or null once they are erased. Notes about a request are sealed with it. */
export async function personKeyOf(
  ctx: ServiceContext,
  trx: Executor,
  personId: string,
): Promise<Buffer | null> {
  const wrapped = (await findPersonKeys(trx, [personId])).get(personId);
  return wrapped ? openPersonKey(ctx.keys, personId, wrapped) : null;
}

export async function fileErasureRequest(ctx: ServiceContext, input: z.infer<typeof CreateErasureBody>) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findOwnedPerson(trx, orgId, input.personId);
    if (!person) throw AppError.notFound('person');
    if (person.status === 'erased') throw new AppError('invalid_state', 'This person was already erased.');
    if (await findPendingErasure(trx, person.id)) {
      throw new AppError('conflict', 'An erasure request for this person is already waiting for approval.');
    }
    const id = timeOrderedId(ctx.now().getTime());
    const key = input.note ? await personKeyOf(ctx, trx, person.id) : null;
    const row: ErasureRequestsTable = {
      id,
      org_id: orgId,
      person_id: person.id,
      ground: input.ground,
      note: key && input.note ? encryptField(key, input.note, aad.note(id)) : null,
      status: 'pending',
      requested_by: ctx.actor.userId!,
      requested_at: ctx.now().toISOString(),
      due_on: dueOn(ctx.now()),
      decided_by: null,
      decided_at: null,
      refusal_ground: null,
      decision_note: null,
      summary: null,
      version: 1,
    };
    await insertErasureRequest(trx, row);
    await recordAudit(trx, ctx, {
      action: 'erasure.requested',
      entity: 'person',
      entityId: person.id,
      details: { requestId: id, ground: input.ground },
    });
    return row;
  });
}

async function pendingRequest(trx: Executor, orgId: string, id: string) {
  const request = await findErasureRequest(trx, orgId, id, true);
  if (!request) throw AppError.notFound('erasure request');
  if (request.status !== 'pending') {
    throw new AppError(
      'invalid_state',
      `This request is ${request.status}; only a pending request can be decided.`,
    );
  }
  return request;
}

/**
 * The second data protection officer's approval, which erases the person at once (see
 * shred-person.ts for what that does to each linked record). Refused while a legal hold covers
 * the person or one of their cases.
 */
export async function approveErasure(ctx: ServiceContext, id: string) {
  const orgId = orgOf(ctx);
  const ledger: LedgerEntry[] = [];
  const request = await ctx.db.transaction().execute(async (trx) => {
    const request = await pendingRequest(trx, orgId, id);
    if (!isSecondPerson(ctx.actor, request)) {
      throw new AppError(
        'forbidden',
        'A second data protection officer must approve this erasure: you filed the request.',
      );
    }
    const cases = await trx
      .selectFrom('cases')
      .select('id')
      .where('person_id', '=', request.person_id)
      .execute();
    const holds = await findHoldsOnRecords(
      trx,
      [
        { type: 'person', ids: [request.person_id] },
        { type: 'case', ids: cases.map((c) => c.id) },
      ],
      todayOf(ctx),
    );
    if (holds.length > 0) {
      throw new AppError(
        'invalid_state',
        `A legal hold covers this person's records ("${holds[0]!.reason}"): release it, or refuse the request citing article 17(3)(e).`,
      );
    }
    // Recipients are listed before the erasure: article 19 asks that each be told of it.
    const recipients = await findRecipients(trx, request.person_id);
    const nowIso = ctx.now().toISOString();
    const shredded = await shredPerson(trx, request.person_id, nowIso);
    ledger.push({
      subjectType: 'person',
      subjectId: request.person_id,
      erasedAt: nowIso,
      source: 'erasure_request',
      sourceId: id,
    });
    await recordInLedger(trx, ledger);
    const summary = {
      ...shredded,
      recipients: recipients.map((r) => ({ orgId: r.orgId, organisation: r.organisation })),
    };
    await decideRequest(trx, 'erasure_requests', id, {
      status: 'completed',
      decided_by: ctx.actor.userId,
      decided_at: nowIso,
      summary: JSON.stringify(summary),
      version: Number(request.version) + 1,
    });
    await recordAudit(trx, ctx, {
      action: 'erasure.completed',
      entity: 'person',
      entityId: request.person_id,
      details: { requestId: id, ...shredded, recipients: recipients.length },
    });
    return (await findErasureRequest(trx, orgId, id))!;
  });
  await appendAfterCommit(ctx.erasureLedgerPath, ctx.keys, ledger);
  await flushShreddedPages(ctx.db);
  return request;
}

export async function refuseErasure(
  ctx: ServiceContext,
  id: string,
  input: z.infer<typeof RefuseErasureBody>,
) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const request = await pendingRequest(trx, orgId, id);
    const key = input.note ? await personKeyOf(ctx, trx, request.person_id) : null;
    await decideRequest(trx, 'erasure_requests', id, {
      status: 'refused',
      decided_by: ctx.actor.userId,
      decided_at: ctx.now().toISOString(),
      refusal_ground: input.ground,
      decision_note: key && input.note ? encryptField(key, input.note, aad.decision(id)) : null,
      version: Number(request.version) + 1,
    });
    await recordAudit(trx, ctx, {
      action: 'erasure.refused',
      entity: 'person',
      entityId: request.person_id,
      details: { requestId: id, ground: input.ground },
    });
    return (await findErasureRequest(trx, orgId, id))!;
  });
}

export async function cancelErasure(ctx: ServiceContext, id: string) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const request = await pendingRequest(trx, orgId, id);
    await decideRequest(trx, 'erasure_requests', id, {
      status: 'cancelled',
      decided_by: ctx.actor.userId,
      decided_at: ctx.now().toISOString(),
      version: Number(request.version) + 1,
    });
    await recordAudit(trx, ctx, {
      action: 'erasure.cancelled',
      entity: 'person',
      entityId: request.person_id,
      details: { requestId: id },
    });
    return (await findErasureRequest(trx, orgId, id))!;
  });
}

export async function listErasureRequests(ctx: ServiceContext, filter: { status?: string; limit: number }) {
  return listRequests(ctx.db, 'erasure_requests', orgOf(ctx), filter);
}

export async function getErasureRequest(ctx: ServiceContext, id: string) {
  const request = await findErasureRequest(ctx.db, orgOf(ctx), id);
  if (!request) throw AppError.notFound('erasure request');
  return request;
}

/** Notes in clear while the person's key exists; null after the erasure shredded it. */
export async function openErasureNotes(ctx: ServiceContext, rows: readonly ErasureRequestsTable[]) {
  const wrapped = await findPersonKeys(ctx.db, [...new Set(rows.map((r) => r.person_id))]);
  const notes = new Map<string, { note: string | null; decisionNote: string | null }>();
  for (const row of rows) {
    const w = wrapped.get(row.person_id);
    const key = w ? openPersonKey(ctx.keys, row.person_id, w) : null;
    notes.set(row.id, {
      note: key && row.note ? decryptField(key, row.note, aad.note(row.id)) : null,
      decisionNote:
        key && row.decision_note ? decryptField(key, row.decision_note, aad.decision(row.id)) : null,
    });
  }
  return notes;
}
