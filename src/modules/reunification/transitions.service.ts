import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import type { LocalDate } from './calendar.js';
import { deadlinesOfCase, legalToday } from './case-clocks.js';
import { syncCaseAlerts } from './deadline-alerts.service.js';
import { UK_LEFT_DUBLIN_ON } from './legal-basis.js';
import { DUBLIN_BASES } from './reunification.enums.js';
import { presentCaseDetail } from './reunification.presenter.js';
import { findCaseInScope, findCaseRelatives, updateCaseRow } from './reunification.repository.js';
import type { TransitionInput } from './reunification.schema.js';
import { type CaseDetail, recordCaseEvent } from './reunification.service.js';
import type { ReunificationCasesTable } from './reunification.tables.js';
import { canMove, NEXT_STAGES } from './stages.js';

type Changes = Partial<ReunificationCasesTable>;

export async function loadCaseForWrite(trx: Executor, ctx: ServiceContext, id: string) {
  const row = await findCaseInScope(trx, ctx.actor, id);
  if (!row) throw AppError.notFound('reunification case');
  if (row.stage === 'closed')
    throw new AppError('invalid_state', 'This case is closed; open a new case instead.');
  return row;
}

/** Saves a change with optimistic concurrency, then re-syncs the alerts; returns the new row. */
export async function saveCase(
  trx: Executor,
  ctx: ServiceContext,
  row: ReunificationCasesTable,
  changes: Changes,
) {
  const next = { ...row, ...changes, updated_at: ctx.now().toISOString() };
  if (!(await updateCaseRow(trx, row.id, row.version, { ...changes, updated_at: next.updated_at })))
    throw new AppError('conflict', 'This case was changed by someone else; reload it and try again.');
  const saved = { ...next, version: row.version + 1 };
  await syncCaseAlerts(trx, ctx, saved);
  return saved;
}

const field = (name: string, message: string) => AppError.validation(name, message);

function notBefore(name: string, date: LocalDate, earliest: LocalDate | null, what: string) {
  if (earliest && date < earliest) throw field(name, `must not be before ${what} (${earliest})`);
}

/** The date fields a move sets, after checking that its dates fit the case's earlier dates. */
async function changesFor(
  trx: Executor,
  row: ReunificationCasesTable,
  input: TransitionInput,
  today: LocalDate,
): Promise<Changes> {
  const { on } = input;
  switch (input.to) {
    case 'evidence':
      return {};
    case 'request_sent': {
      if (DUBLIN_BASES.has(row.legal_basis) && on >= UK_LEFT_DUBLIN_ON) {
        const relatives = await findCaseRelatives(trx, [row.id]);
        if (relatives.some((r) => r.country === 'GBR'))
          throw field(
            'on',
            'the United Kingdom left the Dublin system on 1 January 2021: no take charge request can be sent to it',
          );
      }
      return { request_sent_on: on, request_urgent: input.urgent ? 1 : row.request_urgent };
    }
    case 'accepted': {
      if (row.stage === 're_examination') {
        notBefore('on', on, row.re_examination_requested_on, 'the re-examination request');
        return { re_examination_reply_on: on, accepted_on: on };
      }
      notBefore('on', on, row.request_sent_on, 'the request was sent');
      if (!input.deemed) return { reply_on: on, accepted_on: on };
      const reply = deadlinesOfCase(row, today).find((d) => d.rule.startsWith('take_charge_reply'));
      if (!reply) throw field('deemed', 'this case has no reply period that could end in acceptance');
      if (reply.dueOn >= today)
        throw field(
          'deemed',
          `the requested state may still reply until ${reply.dueOn}: acceptance is not deemed yet`,
        );
      if (!reply.deemsAcceptance)
        throw field(
          'deemed',
          `acceptance by silence is not verified for ${reply.legalSource}: record the reply received`,
        );
      // Acceptance by silence happens when the reply period ends, whatever day it was noticed.
      return { accepted_on: reply.dueOn, deemed_acceptance: 1 };
    }
    case 'rejected':
      if (row.stage === 're_examination') {
        notBefore('on', on, row.re_examination_requested_on, 'the re-examination request');
        return { re_examination_reply_on: on };
      }
      notBefore('on', on, row.request_sent_on, 'the request was sent');
      return { reply_on: on, rejected_on: on };
    case 're_examination':
      if (row.re_examination_requested_on)
        throw new AppError('invalid_state', 'to: a re-examination was already requested for this case', [
          { field: 'to', message: 're-examination already requested' },
        ]);
      notBefore('on', on, row.rejected_on, 'the negative reply');
      return { re_examination_requested_on: on };
    case 'transfer_scheduled': {
      if (!input.transferDate) throw field('transferDate', 'Required');
      notBefore('transferDate', input.transferDate, row.accepted_on, 'the acceptance');
      notBefore('on', on, row.accepted_on, 'the acceptance');
      return { transfer_planned_on: input.transferDate };
    }
    case 'transferred':
      notBefore('on', on, row.accepted_on, 'the acceptance');
      return { transferred_on: on };
    case 'closed':
      if (!input.reason) throw field('reason', 'Required: say why the case is closed');
      return { closed_on: on };
    case 'intake':
      return {};
  }
}

/**
 * Moves a case to its next stage, recording the day it happened. Out of order (accepted straight
 * from intake) answers 409; dates that contradict the case (a transfer before the acceptance, a
 * reply before the request) answer 400 naming the field; nothing is changed in either case.
 */
export async function transitionCase(
  ctx: ServiceContext,
  id: string,
  input: TransitionInput,
): Promise<CaseDetail> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadCaseForWrite(trx, ctx, id);
    if (!canMove(row.stage, input.to)) {
      const next = NEXT_STAGES[row.stage].join(', ') || 'none';
      throw new AppError(
        'invalid_state',
        `to: a case at ${row.stage} cannot move to ${input.to}; next: ${next}`,
        [{ field: 'to', message: `not a next stage of ${row.stage}` }],
      );
    }
    const today = legalToday(ctx.now);
    if (input.on > today) throw field('on', 'must not be in the future');
    notBefore('on', input.on, row.application_lodged_on, 'the application was lodged');
    const changes = await changesFor(trx, row, input, today);
    const saved = await saveCase(trx, ctx, row, {
      ...changes,
      stage: input.to,
      stage_changed_at: ctx.now().toISOString(),
    });
    await recordCaseEvent(trx, ctx, saved, {
      kind: 'transition',
      from: row.stage,
      to: input.to,
      on: input.on,
      summary: changes,
      note: input.reason,
    });
    await recordAudit(trx, ctx, {
      action: 'reunification_case.transition',
      entity: 'reunification_case',
      entityId: id,
      details: { from: row.stage, to: input.to, on: input.on, deemed: Boolean(input.deemed) },
    });
    return presentCaseDetail(trx, ctx.keys, ctx.actor, saved, today);
  });
}
