import type { Actor } from '../access/actor.js';
import type { CaseView } from './case-views.js';
import { caseActions } from './cases.policy.js';
import { nextSteps } from './cases.workflow.js';

/**
 * Whitelists what leaves the server about a case. A restricted view (gbv or trafficking without
 * case access) keeps the person's card code, sex and age, never the name or the risk reason.
 */
export function presentCaseSummary(view: CaseView, actor: Actor, now: Date) {
  const { row, access, person } = view;
  const full = access.level === 'full';
  const allowed = caseActions(actor, row, access);
  const nowIso = now.toISOString();
  const dueDates = view.dueItems.map((d) => d.due_at).filter((d): d is string => d !== null);
  return {
    id: row.id,
    orgId: row.org_id,
    owner: access.isOwner,
    access: access.level,
    person: {
      id: row.person_id,
      code: person?.code ?? '',
      name: full ? (person?.name ?? null) : null,
      nameHidden: !full,
      sex: person?.sex ?? 'unknown',
      age: person?.age ?? null,
    },
    householdId: row.household_id,
    type: row.type,
    risk: row.risk,
    riskReason: full ? view.riskReason : null,
    status: row.status,
    assignedUserId: row.assigned_user_id,
    unaccompanied: row.unaccompanied === 1,
    openedAt: row.opened_at,
    statusChangedAt: row.status_changed_at,
    assessedAt: row.assessed_at,
    biaAt: row.bia_at,
    planCreatedAt: row.plan_created_at,
    planApprovedAt: row.plan_approved_at,
    lastFollowUpAt: row.last_follow_up_at,
    lastActivityAt: row.last_activity_at,
    closedAt: row.closed_at,
    closureReason: row.closure_reason,
    overdueItems: dueDates.filter((d) => d <= nowIso).length,
    nextDueAt: dueDates.sort()[0] ?? null,
    version: row.version,
    allowed,
    nextSteps: allowed.includes('transition')
      ? nextSteps({ row, hasApprovedClosure: view.hasApprovedClosure })
      : [],
  };
}

export type CaseSummary = ReturnType<typeof presentCaseSummary>;
