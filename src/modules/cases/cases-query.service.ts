import type { ServiceContext } from '../../server/context.js';
import { recordAudit } from '../audit/audit.service.js';
import { loadCase } from './case-context.js';
import { caseAad, openCaseKeys, unseal } from './case-crypto.js';
import { loadCaseViews } from './case-views.js';
import { presentCaseSummary } from './cases.presenter.js';
import { findCaseEvents, listCasesInScope } from './cases.repository.js';
import type { CasesFilter } from './cases.schema.js';
import { presentCaseDetail } from './detail.presenter.js';
import { findOrganisationNames } from './referrals.repository.js';
import {
  findActions,
  findActiveFlags,
  findApprovals,
  findAssessments,
  findAttachmentList,
  findCurrentPlan,
} from './work.repository.js';

/** Cases in the actor's scope; the list is a read of every case it shows, audited as one entry. */
export async function listCases(
  ctx: ServiceContext,
  input: { filter: CasesFilter; after?: { openedAt: string; id: string }; limit: number },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listCasesInScope(trx, ctx.actor, { ...input, actorUserId: ctx.actor.userId });
    const views = await loadCaseViews(trx, ctx, rows);
    await recordAudit(trx, ctx, {
      action: 'case.list',
      entity: 'case',
      details: { filter: input.filter, count: rows.length, caseIds: rows.map((r) => r.id) },
    });
    return views.map((view) => presentCaseSummary(view, ctx.actor, ctx.now()));
  });
}

/**
 * One case with its assessments, plan, approvals, referrals, flags, files and due items. The
 * narrative is decrypted only for full access; every read is audited in the same transaction.
 */
export async function getCaseDetail(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const loaded = await loadCase(trx, ctx, id);
    const [view] = await loadCaseViews(trx, ctx, [loaded.row], { referrals: loaded.referrals });
    const full = loaded.access.level === 'full';
    const dataKey = full ? ((await openCaseKeys(trx, ctx.keys, [id])).get(id) ?? null) : null;
    const plan = await findCurrentPlan(trx, id);
    const orgNames = await findOrganisationNames(trx, [
      ...new Set(loaded.referrals.flatMap((r) => [r.from_org_id, r.to_org_id])),
    ]);
    const detail = presentCaseDetail(view!, {
      actor: ctx.actor,
      now: ctx.now(),
      dataKey,
      assessments: await findAssessments(trx, id),
      plan: plan ? { row: plan, actions: await findActions(trx, id, plan.id) } : null,
      approvals: await findApprovals(trx, id),
      flags: await findActiveFlags(trx, id),
      attachments: await findAttachmentList(trx, id),
      orgNames,
    });
    await recordAudit(trx, ctx, {
      action: 'case.read',
      entity: 'case',
      entityId: id,
      details: { access: loaded.access.level },
    });
    return detail;
  });
}

/** The case's timeline, newest first; free text only for full access. Audited. */
export async function getCaseTimeline(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const { access } = await loadCase(trx, ctx, id);
    const dataKey =
      access.level === 'full' ? ((await openCaseKeys(trx, ctx.keys, [id])).get(id) ?? null) : null;
    const events = await findCaseEvents(trx, id);
    await recordAudit(trx, ctx, {
      action: 'case.timeline_read',
      entity: 'case',
      entityId: id,
      details: { access: access.level, count: events.length },
    });
    return events.map((event) => ({
      id: event.id,
      kind: event.kind,
      summary: JSON.parse(event.summary) as Record<string, unknown>,
      body: unseal<Record<string, unknown>>(dataKey, caseAad.event(id, event.id), event.body),
      orgId: event.org_id,
      occurredAt: event.occurred_at,
      createdBy: event.created_by,
      createdByName: event.created_by_name,
    }));
  });
}
