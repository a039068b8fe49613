import { randomId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { pathwayAad, requirePersonKey, sealText } from './pathway-crypto.js';
import { presentProcedure } from './pathways.presenter.js';
import {
  counsellingSessionOfOrg,
  findDocuments,
  findEvents,
  findProcedureInScope,
  insertDocument,
  insertEvent,
  markDocumentsReplaced,
  updateProcedure,
} from './pathways.repository.js';
import type { AddDocumentInput, RecordStageInput } from './pathways.schema.js';
import { latestAllowedDate, personOrNotFound, requireOrg } from './pathways.service.js';
import type { ProceduresTable } from './pathways.tables.js';
import { syncProcedureAlerts, zoneOf } from './procedure-alerts.js';
import { checkStage, outcomeAfter } from './procedures.workflow.js';
import { localDateOf } from './rules/legal-calendar.js';

async function procedureOrNotFound(trx: Executor, ctx: ServiceContext, id: string, lock = false) {
  const row = await findProcedureInScope(trx, ctx.actor, id, lock);
  if (!row) throw AppError.notFound('procedure');
  return row;
}

async function present(trx: Executor, ctx: ServiceContext, row: ProceduresTable, key: Buffer) {
  const [events, documents] = await Promise.all([findEvents(trx, [row.id]), findDocuments(trx, [row.id])]);
  return presentProcedure(row, events, documents, key, ctx.actor, ctx.now());
}

export async function getProcedure(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await procedureOrNotFound(trx, ctx, id);
    await personOrNotFound(trx, ctx, row.person_id);
    const key = await requirePersonKey(trx, ctx.keys, row.person_id);
    await recordAudit(trx, ctx, {
      action: 'procedure.read',
      entity: 'procedure',
      entityId: id,
      details: { personId: row.person_id },
    });
    return present(trx, ctx, row, key);
  });
}

/**
 * Records one stage of a procedure (a decision, an appeal, a departure). The workflow refuses a
 * stage out of the law's order (400 naming `stage` or `occurredOn`); the procedure's outcome and
 * its deadline alerts follow in the same transaction.
 */
export async function recordStage(ctx: ServiceContext, id: string, input: RecordStageInput) {
  const orgId = requireOrg(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await procedureOrNotFound(trx, ctx, id, true);
    await personOrNotFound(trx, ctx, row.person_id);
    const key = await requirePersonKey(trx, ctx.keys, row.person_id);
    if (row.status !== 'open')
      throw new AppError('invalid_state', `this procedure is closed (${row.outcome})`);
    if (input.occurredOn > latestAllowedDate(ctx, row.country))
      throw AppError.validation('occurredOn', 'must not be in the future');
    if (
      input.occurredAt &&
      localDateOf(new Date(input.occurredAt), zoneOf(row.country, ctx.now())) !== input.occurredOn
    )
      throw AppError.validation(
        'occurredAt',
        `must fall on ${input.occurredOn} in the procedure’s time zone`,
      );
    const events = await findEvents(trx, [row.id]);
    const check = checkStage(
      row.procedure_type,
      events.map((e) => ({ stage: e.stage, occurredOn: e.occurred_on, result: e.result })),
      input,
    );
    if (!check.ok) {
      if (check.conflict) throw new AppError('invalid_state', `${check.field}: ${check.message}`);
      throw AppError.validation(check.field, check.message);
    }
    if (
      input.counsellingSessionId &&
      !(await counsellingSessionOfOrg(trx, orgId, input.counsellingSessionId, row.person_id))
    )
      throw AppError.validation(
        'counsellingSessionId',
        'no counselling session of this person in your organisation',
      );
    const eventId = randomId();
    const now = ctx.now().toISOString();
    await insertEvent(trx, {
      id: eventId,
      procedure_id: row.id,
      org_id: row.org_id,
      stage: input.stage,
      occurred_on: input.occurredOn,
      occurred_at: input.occurredAt ? new Date(input.occurredAt).toISOString() : null,
      result: input.result ?? null,
      custody: check.spec.needsCustody ? (input.custody ?? null) : null,
      counselling_session_id: input.counsellingSessionId ?? null,
      notes: sealText(key, pathwayAad.eventNotes(eventId), input.notes),
      created_by: ctx.actor.userId,
      created_at: now,
    });
    const after = outcomeAfter(check.spec, input.result ?? null);
    const changes = {
      updated_at: now,
      ...(after.outcome !== undefined ? { outcome: after.outcome } : {}),
      ...(after.closes ? { status: 'closed' as const } : {}),
    };
    if (!(await updateProcedure(trx, row.id, row.version, changes)))
      throw new AppError(
        'conflict',
        'version: the procedure changed meanwhile; reload it and record the stage again',
      );
    const updated: ProceduresTable = { ...row, ...changes, version: row.version + 1 };
    await syncProcedureAlerts(trx, ctx, updated);
    await recordAudit(trx, ctx, {
      action: 'procedure.stage',
      entity: 'procedure',
      entityId: row.id,
      details: { personId: row.person_id, stage: input.stage, result: input.result ?? null, eventId },
    });
    return present(trx, ctx, updated, key);
  });
}

/** Records a document issued in the procedure; a newer one of the same kind replaces the old. */
export async function addDocument(ctx: ServiceContext, id: string, input: AddDocumentInput) {
  if (input.expiresOn && input.expiresOn < input.issuedOn)
    throw AppError.validation('expiresOn', 'must be on or after issuedOn');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await procedureOrNotFound(trx, ctx, id, true);
    await personOrNotFound(trx, ctx, row.person_id);
    const key = await requirePersonKey(trx, ctx.keys, row.person_id);
    if (row.status !== 'open')
      throw new AppError('invalid_state', `this procedure is closed (${row.outcome})`);
    if (input.issuedOn > latestAllowedDate(ctx, row.country))
      throw AppError.validation('issuedOn', 'must not be in the future');
    const docId = randomId();
    await insertDocument(trx, {
      id: docId,
      procedure_id: row.id,
      org_id: row.org_id,
      kind: input.kind,
      issued_on: input.issuedOn,
      expires_on: input.expiresOn ?? null,
      replaced_by: null,
      number: sealText(key, pathwayAad.documentNumber(docId), input.number),
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    });
    await markDocumentsReplaced(trx, row.id, input.kind, docId);
    await syncProcedureAlerts(trx, ctx, row);
    await recordAudit(trx, ctx, {
      action: 'procedure.document',
      entity: 'procedure',
      entityId: row.id,
      details: {
        personId: row.person_id,
        documentId: docId,
        kind: input.kind,
        hasNumber: Boolean(input.number),
      },
    });
    return present(trx, ctx, row, key);
  });
}
