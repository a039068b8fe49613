import type { DesiredAlert } from '../alerts/alerts.service.js';
import type { AlertSeverity } from '../alerts/alerts.tables.js';
import type { CaseRisk, CaseStatus, CaseType } from './cases.schema.js';
import type { CaseActionsTable, CaseApprovalsTable, CaseReferralsTable, CasesTable } from './cases.tables.js';

type Anchor =
  | 'cycle_started_at'
  | 'assessed_at'
  | 'plan_created_at'
  | 'implementation_started_at'
  | 'last_follow_up_at'
  | 'last_activity_at';

/**
 * A deadline on a case. Rules sharing a `rule` name are alternatives: the first whose conditions
 * match the case applies (so "critical or unaccompanied: 24 hours" comes before "others: 72 hours").
 */
export interface DeadlineRule {
  rule: string;
  types?: readonly CaseType[];
  risks?: readonly CaseRisk[];
  /** Only for an unaccompanied or separated child. */
  unaccompanied?: true;
  /** Case states in which the deadline runs. */
  states: readonly CaseStatus[];
  /** The work is done (the alert resolves) once this is set in the current cycle. */
  doneWhen?: keyof CasesTable;
  /** Due `withinHours` after the first of these that is set; no anchor set: not yet running. */
  from: readonly Anchor[];
  withinHours: number;
  /** Overdue this long: escalated to the organisation's case supervisors. */
  escalateAfterHours: number;
  /** Shown this many hours before it is due (0: only once due); omitted: shown at once. */
  noticeHours?: number;
  assignTo: 'caseworker' | 'supervisor';
  severity: AlertSeverity;
}

const ACTIVE: readonly CaseStatus[] = ['open', 'assessment', 'case_plan', 'implementation'];
const BEFORE_ASSESSMENT: readonly CaseStatus[] = ['open', 'assessment'];
const H = 1;
const DAY = 24 * H;

/**
 * The deadline rules, as data: an organisation changes them here, not in the code. The 24-hour
 * and 72-hour assessment times follow the Interagency Guidelines for Case Management and Child
 * Protection (CPWG, 2014), which set response times by risk level, and the issue's defaults; the
 * monthly follow-up is the guidelines' minimum contact for an open case.
 */
export const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    rule: 'cases.assessment_due',
    unaccompanied: true,
    states: BEFORE_ASSESSMENT,
    doneWhen: 'assessed_at',
    from: ['cycle_started_at'],
    withinHours: 24 * H,
    escalateAfterHours: 12 * H,
    assignTo: 'caseworker',
    severity: 'urgent',
  },
  {
    rule: 'cases.assessment_due',
    risks: ['critical'],
    states: BEFORE_ASSESSMENT,
    doneWhen: 'assessed_at',
    from: ['cycle_started_at'],
    withinHours: 24 * H,
    escalateAfterHours: 12 * H,
    assignTo: 'caseworker',
    severity: 'urgent',
  },
  {
    rule: 'cases.assessment_due',
    states: BEFORE_ASSESSMENT,
    doneWhen: 'assessed_at',
    from: ['cycle_started_at'],
    withinHours: 72 * H,
    escalateAfterHours: 2 * DAY,
    assignTo: 'caseworker',
    severity: 'warning',
  },
  {
    rule: 'cases.bia_due',
    types: ['child_protection', 'trafficking'],
    unaccompanied: true,
    states: ['assessment', 'case_plan'],
    doneWhen: 'bia_at',
    from: ['assessed_at'],
    withinHours: 7 * DAY,
    escalateAfterHours: 3 * DAY,
    assignTo: 'caseworker',
    severity: 'warning',
  },
  {
    rule: 'cases.plan_due',
    types: ['child_protection', 'trafficking', 'gbv'],
    states: ['assessment', 'case_plan'],
    doneWhen: 'plan_created_at',
    from: ['assessed_at'],
    withinHours: 14 * DAY,
    escalateAfterHours: 3 * DAY,
    noticeHours: 7 * DAY,
    assignTo: 'caseworker',
    severity: 'warning',
  },
  {
    rule: 'cases.follow_up_due',
    risks: ['critical'],
    states: ['case_plan', 'implementation'],
    from: ['last_follow_up_at', 'implementation_started_at', 'plan_created_at', 'assessed_at'],
    withinHours: 7 * DAY,
    escalateAfterHours: 2 * DAY,
    noticeHours: 2 * DAY,
    assignTo: 'caseworker',
    severity: 'urgent',
  },
  {
    rule: 'cases.follow_up_due',
    states: ['case_plan', 'implementation'],
    from: ['last_follow_up_at', 'implementation_started_at', 'plan_created_at', 'assessed_at'],
    withinHours: 30 * DAY,
    escalateAfterHours: 7 * DAY,
    noticeHours: 7 * DAY,
    assignTo: 'caseworker',
    severity: 'warning',
  },
  {
    rule: 'cases.inactive',
    states: ACTIVE,
    from: ['last_activity_at'],
    withinHours: 30 * DAY,
    escalateAfterHours: 14 * DAY,
    noticeHours: 0,
    assignTo: 'supervisor',
    severity: 'warning',
  },
];

/** Deadlines of items within a case: plan actions, approvals waiting, referrals waiting for an answer. */
export const ITEM_RULES = {
  action: { rule: 'cases.action_due', noticeHours: 3 * DAY, escalateAfterHours: 3 * DAY },
  approval: { rule: 'cases.approval_pending', withinHours: 3 * DAY, escalateAfterHours: 2 * DAY },
  referral: {
    rule: 'cases.referral_received',
    urgentWithinHours: 24 * H,
    withinHours: 72 * H,
    escalateAfterHours: 2 * DAY,
  },
} as const;

function matches(rule: DeadlineRule, row: CasesTable): boolean {
  if (!rule.states.includes(row.status)) return false;
  if (rule.types && !rule.types.includes(row.type)) return false;
  if (rule.risks && !rule.risks.includes(row.risk)) return false;
  if (rule.unaccompanied && row.unaccompanied !== 1) return false;
  return true;
}

const plusHours = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

export interface CaseItems {
  actions: readonly CaseActionsTable[];
  approvals: readonly CaseApprovalsTable[];
  referrals: readonly CaseReferralsTable[];
}

/** Every alert a case should have open now, from its state, the rules and its pending items. */
export function dueItemsFor(row: CasesTable, items: CaseItems): DesiredAlert[] {
  if (row.status === 'closed') return [];
  const base = {
    orgId: row.org_id,
    personId: row.person_id,
    details: { caseType: row.type, risk: row.risk },
  };
  const toCaseworker = row.assigned_user_id
    ? { assignedUserId: row.assigned_user_id, assignedRole: null }
    : { assignedUserId: null, assignedRole: 'caseworker' as const };
  const toSupervisor = { assignedUserId: null, assignedRole: 'case_supervisor' as const };
  const desired: DesiredAlert[] = [];
  const applied = new Set<string>();
  for (const rule of DEADLINE_RULES) {
    if (applied.has(rule.rule) || !matches(rule, row)) continue;
    applied.add(rule.rule);
    if (rule.doneWhen && row[rule.doneWhen] !== null) continue;
    const anchor = rule.from.map((column) => row[column]).find((value) => value !== null);
    if (!anchor) continue;
    const dueAt = plusHours(anchor, rule.withinHours);
    desired.push({
      ...base,
      ...(rule.assignTo === 'supervisor' ? toSupervisor : toCaseworker),
      rule: rule.rule,
      severity: rule.severity,
      dueAt,
      escalateAt: plusHours(dueAt, rule.escalateAfterHours),
      visibleFrom: rule.noticeHours === undefined ? null : plusHours(dueAt, -rule.noticeHours),
    });
  }
  for (const action of items.actions.filter((a) => a.status === 'pending')) {
    const dueAt = `${action.due_on}T23:59:59.000Z`;
    desired.push({
      ...base,
      ...(action.assignee_kind === 'user' && action.assignee_user_id
        ? { assignedUserId: action.assignee_user_id, assignedRole: null }
        : toCaseworker),
      rule: ITEM_RULES.action.rule,
      subjectId: action.id,
      severity: 'warning',
      dueAt,
      escalateAt: plusHours(dueAt, ITEM_RULES.action.escalateAfterHours),
      visibleFrom: plusHours(dueAt, -ITEM_RULES.action.noticeHours),
    });
  }
  for (const approval of items.approvals.filter((a) => a.status === 'pending')) {
    const dueAt = plusHours(approval.requested_at, ITEM_RULES.approval.withinHours);
    desired.push({
      ...base,
      ...toSupervisor,
      rule: ITEM_RULES.approval.rule,
      subjectId: approval.id,
      severity: 'warning',
      dueAt,
      escalateAt: plusHours(dueAt, ITEM_RULES.approval.escalateAfterHours),
      details: { ...base.details, approvalKind: approval.kind },
    });
  }
  for (const referral of items.referrals.filter((r) => r.status === 'requested')) {
    const rule = ITEM_RULES.referral;
    const dueAt = plusHours(
      referral.requested_at,
      referral.urgent ? rule.urgentWithinHours : rule.withinHours,
    );
    desired.push({
      ...base,
      // The receiving organisation acts on it; it cannot open the case until it accepts.
      orgId: referral.to_org_id,
      personId: null,
      assignedUserId: null,
      assignedRole: 'caseworker',
      rule: rule.rule,
      subjectId: referral.id,
      severity: referral.urgent ? 'urgent' : 'warning',
      dueAt,
      escalateAt: plusHours(dueAt, rule.escalateAfterHours),
      details: {
        ...base.details,
        referralId: referral.id,
        referralKind: referral.kind,
        service: referral.service,
      },
    });
  }
  return desired;
}
