import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { legalToday } from './case-clocks.js';
import type { EvidenceItem } from './evidence.js';
import type { EvidenceStatus } from './reunification.enums.js';
import { presentCaseDetail } from './reunification.presenter.js';
import { updateEvidence } from './reunification.repository.js';
import type { UpdateCaseInput } from './reunification.schema.js';
import { type CaseDetail, recordCaseEvent } from './reunification.service.js';
import type { ReunificationCasesTable } from './reunification.tables.js';
import { loadCaseForWrite, saveCase } from './transitions.service.js';

/**
 * Records the dates and facts that change a clock without moving the case: a Eurodac hit, an
 * urgent request, an appeal's final decision (the transfer clock restarts from it), an extension
 * of the transfer period for imprisonment or absconding.
 */
export async function updateCaseFacts(
  ctx: ServiceContext,
  id: string,
  input: UpdateCaseInput,
): Promise<CaseDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadCaseForWrite(trx, ctx, id);
    const today = legalToday(ctx.now);
    const changes: Partial<ReunificationCasesTable> = {};
    if (input.eurodacHitOn !== undefined) {
      if (input.eurodacHitOn && input.eurodacHitOn > today)
        throw AppError.validation('eurodacHitOn', 'must not be in the future');
      changes.eurodac_hit_on = input.eurodacHitOn;
    }
    if (input.requestUrgent !== undefined) changes.request_urgent = input.requestUrgent ? 1 : 0;
    if (input.transferExtension !== undefined) {
      if (!row.accepted_on)
        throw AppError.validation(
          'transferExtension',
          'the transfer period runs only once the request is accepted',
        );
      changes.transfer_extension = input.transferExtension;
    }
    if (input.appealDecidedOn !== undefined) {
      if (input.appealDecidedOn && (!row.accepted_on || input.appealDecidedOn < row.accepted_on))
        throw AppError.validation(
          'appealDecidedOn',
          `must not be before the acceptance (${row.accepted_on ?? 'not yet accepted'})`,
        );
      if (input.appealDecidedOn && input.appealDecidedOn > today)
        throw AppError.validation('appealDecidedOn', 'must not be in the future');
      changes.appeal_decided_on = input.appealDecidedOn;
    }
    if (Object.keys(changes).length === 0) throw AppError.validation('body', 'nothing to change');
    const saved = await saveCase(trx, ctx, row, changes);
    await recordCaseEvent(trx, ctx, saved, { kind: 'dates', on: today, summary: changes });
    await recordAudit(trx, ctx, {
      action: 'reunification_case.update',
      entity: 'reunification_case',
      entityId: id,
      details: { fields: Object.keys(changes) },
    });
    return presentCaseDetail(trx, ctx.keys, ctx.actor, saved, today);
  });
}

/** Marks one item of the evidence checklist (requested, received, verified…). */
export async function setEvidence(
  ctx: ServiceContext,
  id: string,
  item: EvidenceItem,
  status: EvidenceStatus,
): Promise<CaseDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadCaseForWrite(trx, ctx, id);
    const nowIso = ctx.now().toISOString();
    if (!(await updateEvidence(trx, row.id, item, status, ctx.actor.userId, nowIso)))
      throw AppError.validation('item', `${item} is not on this case's checklist`);
    const today = legalToday(ctx.now);
    await recordCaseEvent(trx, ctx, row, { kind: 'evidence', on: today, summary: { item, status } });
    await recordAudit(trx, ctx, {
      action: 'reunification_case.evidence',
      entity: 'reunification_case',
      entityId: id,
      details: { item, status },
    });
    return presentCaseDetail(trx, ctx.keys, ctx.actor, row, today);
  });
}
