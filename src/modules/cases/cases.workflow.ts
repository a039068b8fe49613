import type { AssessmentKind, CaseStatus, CaseType } from './cases.schema.js';
import type { CasesTable } from './cases.tables.js';

/**
 * What a transition needs first. `assessment`: the type's required assessment in this cycle;
 * `bia`: a best-interests assessment when the person is an unaccompanied or separated child;
 * `plan` / `approved_plan`: a case plan, approved by a supervisor where the type asks for it;
 * `closure_approval`: a supervisor's approval to close; `reason`: a stated reason.
 */
export type Requirement = 'assessment' | 'bia' | 'plan' | 'approved_plan' | 'closure_approval' | 'reason';

export interface Workflow {
  /** The states this type goes through, in order (the Interagency Guidelines' steps). */
  steps: readonly CaseStatus[];
  /** From each state, the states it may move to. */
  transitions: Readonly<Partial<Record<CaseStatus, readonly CaseStatus[]>>>;
  /** What entering each state needs. Moving back a step (re-assessing, re-planning) also needs a reason. */
  requirements: Readonly<Partial<Record<CaseStatus, readonly Requirement[]>>>;
  /** The assessment that completes the assessment step. */
  assessment: AssessmentKind;
}

const WITH_PLAN: Pick<Workflow, 'steps' | 'transitions'> = {
  steps: ['open', 'assessment', 'case_plan', 'implementation', 'closed'],
  transitions: {
    open: ['assessment', 'closed'],
    assessment: ['case_plan', 'closed'],
    case_plan: ['implementation', 'assessment', 'closed'],
    implementation: ['case_plan', 'closed'],
    closed: ['open'],
  },
};

const CLOSING: Pick<Workflow['requirements'], 'closed' | 'open'> = {
  // The missing approval is the state's refusal (409); the reason is input (400) once it is approved.
  closed: ['closure_approval', 'reason'],
  // Reopening: the reason is recorded, and a new cycle of assessment and planning begins.
  open: ['reason'],
};

/**
 * Workflows as data, one per case type. Child protection and trafficking cases of unaccompanied
 * children need a best-interests assessment before the plan (UNHCR, Guidelines on Assessing and
 * Determining the Best Interests of the Child, 2018); plans of the three specialised types need a
 * supervisor's approval before implementation; general protection goes from assessment straight
 * to implementation (services and referrals), without a formal plan.
 */
export const WORKFLOWS: Readonly<Record<CaseType, Workflow>> = {
  child_protection: {
    ...WITH_PLAN,
    assessment: 'child_protection',
    requirements: { case_plan: ['assessment', 'bia'], implementation: ['plan', 'approved_plan'], ...CLOSING },
  },
  trafficking: {
    ...WITH_PLAN,
    assessment: 'trafficking',
    requirements: { case_plan: ['assessment', 'bia'], implementation: ['plan', 'approved_plan'], ...CLOSING },
  },
  gbv: {
    ...WITH_PLAN,
    assessment: 'general',
    requirements: { case_plan: ['assessment'], implementation: ['plan', 'approved_plan'], ...CLOSING },
  },
  general_protection: {
    steps: ['open', 'assessment', 'implementation', 'closed'],
    transitions: {
      open: ['assessment', 'closed'],
      assessment: ['implementation', 'closed'],
      implementation: ['assessment', 'closed'],
      closed: ['open'],
    },
    assessment: 'general',
    requirements: { implementation: ['assessment'], ...CLOSING },
  },
};

export interface TransitionFacts {
  row: Pick<
    CasesTable,
    'type' | 'status' | 'assessed_at' | 'bia_at' | 'unaccompanied' | 'plan_created_at' | 'plan_approved_at'
  >;
  hasApprovedClosure: boolean;
  hasReason: boolean;
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; problem: 'not_allowed' }
  | { ok: false; problem: Requirement };

function isBackward(workflow: Workflow, from: CaseStatus, to: CaseStatus): boolean {
  if (from === 'closed' || to === 'closed') return false;
  return workflow.steps.indexOf(to) < workflow.steps.indexOf(from);
}

/** Requirements of one move, in the order they are checked. */
export function requirementsOf(workflow: Workflow, from: CaseStatus, to: CaseStatus): Requirement[] {
  const own = [...(workflow.requirements[to] ?? [])];
  if (isBackward(workflow, from, to) && !own.includes('reason')) own.unshift('reason');
  return own;
}

function satisfied(requirement: Requirement, facts: TransitionFacts): boolean {
  const { row } = facts;
  switch (requirement) {
    case 'assessment':
      return row.assessed_at !== null;
    case 'bia':
      return row.unaccompanied === 0 || row.bia_at !== null;
    case 'plan':
      return row.plan_created_at !== null;
    case 'approved_plan':
      return row.plan_approved_at !== null;
    case 'closure_approval':
      return facts.hasApprovedClosure;
    case 'reason':
      return facts.hasReason;
  }
}

export function checkTransition(to: CaseStatus, facts: TransitionFacts): TransitionCheck {
  const workflow = WORKFLOWS[facts.row.type];
  const from = facts.row.status;
  if (!(workflow.transitions[from] ?? []).includes(to)) return { ok: false, problem: 'not_allowed' };
  const missing = requirementsOf(workflow, from, to).find((r) => !satisfied(r, facts));
  return missing ? { ok: false, problem: missing } : { ok: true };
}

/** The moves open from here, each with what still blocks it (a reason is asked for at the time). */
export function nextSteps(facts: Omit<TransitionFacts, 'hasReason'>) {
  const workflow = WORKFLOWS[facts.row.type];
  return (workflow.transitions[facts.row.status] ?? []).map((to) => {
    const check = checkTransition(to, { ...facts, hasReason: true });
    return { to, ready: check.ok, blockedBy: check.ok ? null : check.problem };
  });
}

export const REQUIREMENT_MESSAGES: Record<Requirement | 'not_allowed', string> = {
  not_allowed: 'this case type does not go from {from} to {to}',
  assessment: 'record the {assessment} assessment first',
  bia: 'an unaccompanied or separated child needs a best-interests assessment (BIA) before the plan',
  plan: 'record a case plan first',
  approved_plan: 'the case plan needs a supervisor’s approval first',
  closure_approval: 'closing needs a supervisor’s approval: ask for it first',
  reason: 'give a reason',
};
