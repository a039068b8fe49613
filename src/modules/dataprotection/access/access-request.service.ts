import type { z } from 'zod';
import { timeOrderedId } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { AppError } from '../../../server/errors.js';
import { recordAudit } from '../../audit/audit.service.js';
import { isSecondPerson } from '../dataprotection.policy.js';
import type { AccessRequestsTable } from '../dataprotection.tables.js';
import { dueOn } from '../erasure/erasure.service.js';
import {
  decideRequest,
  findAccessRequest,
  findOwnedPerson,
  insertAccessRequest,
  listRequests,
} from '../requests.repository.js';
import { orgOf } from '../retention/retention.service.js';
import type { CreateAccessBody, RefuseAccessBody } from './access-request.schema.js';
import { buildSubjectExport, type SubjectExport } from './subject-export.js';
import { renderSubjectPdf } from './subject-pdf.js';

export async function fileAccessRequest(ctx: ServiceContext, input: z.infer<typeof CreateAccessBody>) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findOwnedPerson(trx, orgId, input.personId);
    if (!person) throw AppError.notFound('person');
    if (person.status === 'erased') {
      throw new AppError('invalid_state', 'This person was erased: nothing is held about them any more.');
    }
    const row: AccessRequestsTable = {
      id: timeOrderedId(ctx.now().getTime()),
      org_id: orgId,
      person_id: person.id,
      language: input.language,
      verification: input.verification,
      status: 'pending',
      requested_by: ctx.actor.userId!,
      requested_at: ctx.now().toISOString(),
      due_on: dueOn(ctx.now()),
      decided_by: null,
      decided_at: null,
      refusal_reason: null,
      export_count: 0,
      last_exported_at: null,
      version: 1,
    };
    await insertAccessRequest(trx, row);
    await recordAudit(trx, ctx, {
      action: 'access_request.filed',
      entity: 'person',
      entityId: person.id,
      details: { requestId: row.id, verification: row.verification },
    });
    return row;
  });
}

async function pendingRequest(trx: Executor, orgId: string, id: string) {
  const request = await findAccessRequest(trx, orgId, id, true);
  if (!request) throw AppError.notFound('access request');
  if (request.status !== 'pending') {
    throw new AppError(
      'invalid_state',
      `This request is ${request.status}; only a pending request can be decided.`,
    );
  }
  return request;
}

type Decision =
  | { status: 'approved' }
  | { status: 'refused'; reason: z.infer<typeof RefuseAccessBody>['reason'] }
  | { status: 'cancelled' };

/**
 * Approving releases everything held about a person to whoever presents themselves as them, so a
 * second data protection officer checks the identity verification first.
 */
export async function decideAccessRequest(ctx: ServiceContext, id: string, decision: Decision) {
  const orgId = orgOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const request = await pendingRequest(trx, orgId, id);
    if (decision.status === 'approved' && !isSecondPerson(ctx.actor, request)) {
      throw new AppError(
        'forbidden',
        'A second data protection officer must approve this access request: you filed it.',
      );
    }
    await decideRequest(trx, 'access_requests', id, {
      status: decision.status,
      decided_by: ctx.actor.userId,
      decided_at: ctx.now().toISOString(),
      refusal_reason: decision.status === 'refused' ? decision.reason : null,
      version: Number(request.version) + 1,
    });
    await recordAudit(trx, ctx, {
      action: `access_request.${decision.status}`,
      entity: 'person',
      entityId: request.person_id,
      details: { requestId: id, ...(decision.status === 'refused' ? { reason: decision.reason } : {}) },
    });
    return (await findAccessRequest(trx, orgId, id))!;
  });
}

/** The export of an approved request; every download is an audited read of the whole record. */
export async function exportAccessRequest(
  ctx: ServiceContext,
  id: string,
  format: 'json' | 'pdf',
): Promise<{ data: SubjectExport; pdf?: Buffer }> {
  const orgId = orgOf(ctx);
  const data = await ctx.db.transaction().execute(async (trx) => {
    const request = await findAccessRequest(trx, orgId, id, true);
    if (!request) throw AppError.notFound('access request');
    if (request.status !== 'approved') {
      throw new AppError('invalid_state', 'Only an approved access request can be exported.');
    }
    const person = await trx
      .selectFrom('people')
      .select('status')
      .where('id', '=', request.person_id)
      .executeTakeFirst();
    if (person?.status === 'erased') {
      throw new AppError('invalid_state', 'This person was erased since the request was approved.');
    }
    const data = await buildSubjectExport(ctx, trx, request.person_id, request.language);
    const nowIso = ctx.now().toISOString();
    await trx
      .updateTable('access_requests')
      .set({ export_count: Number(request.export_count) + 1, last_exported_at: nowIso })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'access_request.exported',
      entity: 'person',
      entityId: request.person_id,
      details: { requestId: id, format },
    });
    return data;
  });
  return format === 'pdf' ? { data, pdf: await renderSubjectPdf(data) } : { data };
}

export async function listAccessRequests(ctx: ServiceContext, filter: { status?: string; limit: number }) {
  return listRequests(ctx.db, 'access_requests', orgOf(ctx), filter) as unknown as Promise<
    AccessRequestsTable[]
  >;
}

export async function getAccessRequest(ctx: ServiceContext, id: string) {
  const request = await findAccessRequest(ctx.db, orgOf(ctx), id);
  if (!request) throw AppError.notFound('access request');
  return request;
}
