import type { CaseRisk, CaseType } from './cases.schema.js';

/**
 * Demo case histories, as data. Each case is opened `openedDaysAgo` days before the seed runs
 * and each step happens `day` days after the opening, through the same services as the API, so
 * the timeline, audit chain and deadlines are real; cases left behind their deadlines show up
 * overdue or escalated. Narrative text is invented and names nobody.
 */
export type SeedStep =
  | 'startAssessment'
  | 'childAssessment'
  | 'bia'
  | 'traffickingChecklist'
  | 'toPlan'
  | 'plan'
  | 'requestPlanApproval'
  | 'approvePlan'
  | 'toImplementation'
  | 'followUp'
  | 'note'
  | 'flagMissing'
  | 'requestClosure'
  | 'approveClosure'
  | 'close'
  | 'referToChildrenNgo'
  | 'childrenNgoAccepts';

export interface SeedCase {
  /** Who the case is for: a child registered alone, or an adult the demo gives trafficking-risk needs. */
  person: 'child' | 'adult';
  type: CaseType;
  risk: CaseRisk;
  riskReason: string;
  openedDaysAgo: number;
  steps: Array<{ day: number; step: SeedStep }>;
}

const upToPlan = (assessedOn: number, planOn: number) => [
  { day: 0, step: 'startAssessment' as const },
  { day: assessedOn, step: 'childAssessment' as const },
  { day: assessedOn + 1, step: 'bia' as const },
  { day: assessedOn + 1, step: 'toPlan' as const },
  { day: planOn, step: 'plan' as const },
];

const toImplementation = (assessedOn: number, planOn: number) => [
  ...upToPlan(assessedOn, planOn),
  { day: planOn, step: 'requestPlanApproval' as const },
  { day: planOn + 1, step: 'approvePlan' as const },
  { day: planOn + 1, step: 'toImplementation' as const },
];

export const SEED_CASES: readonly SeedCase[] = [
  // Waiting for assessment: one due today, one three days late (escalated to the supervisor).
  {
    person: 'child',
    type: 'child_protection',
    risk: 'high',
    riskReason: 'Sleeping in the dunes near the ring road',
    openedDaysAgo: 0.1,
    steps: [],
  },
  {
    person: 'child',
    type: 'child_protection',
    risk: 'high',
    riskReason: 'Seen trying to board lorries at night',
    openedDaysAgo: 3,
    steps: [],
  },
  // Assessed but no best-interests assessment after ten days.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'medium',
    riskReason: 'Alone since his cousin crossed to England',
    openedDaysAgo: 10,
    steps: [
      { day: 0, step: 'startAssessment' },
      { day: 0.5, step: 'childAssessment' },
    ],
  },
  // Assessed 17 days ago, BIA done, no plan yet: the plan is overdue.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'medium',
    riskReason: 'Out of school, works for food at a café',
    openedDaysAgo: 18,
    steps: [
      { day: 0, step: 'startAssessment' },
      { day: 1, step: 'childAssessment' },
      { day: 2, step: 'bia' },
      { day: 2, step: 'toPlan' },
    ],
  },
  // Plan waiting for the supervisor's approval.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'high',
    riskReason: 'Wants to join his brother; smugglers ask him for money',
    openedDaysAgo: 9,
    steps: [...upToPlan(1, 6), { day: 6, step: 'requestPlanApproval' }],
  },
  // In implementation, followed up recently.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'medium',
    riskReason: 'Placed in the centre for minors, runs away at night',
    openedDaysAgo: 25,
    steps: [...toImplementation(1, 5), { day: 15, step: 'followUp' }, { day: 20, step: 'note' }],
  },
  // In implementation, nobody has seen him for six weeks: follow-up overdue, case inactive.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'high',
    riskReason: 'Injured on the motorway, discharged from hospital',
    openedDaysAgo: 60,
    steps: [...toImplementation(1, 4), { day: 10, step: 'followUp' }, { day: 12, step: 'flagMissing' }],
  },
  // Referred to the children's NGO for a night shelter, accepted there.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'high',
    riskReason: 'Twelve years old, no adult with him',
    openedDaysAgo: 6,
    steps: [
      { day: 0, step: 'startAssessment' },
      { day: 0.5, step: 'childAssessment' },
      { day: 1, step: 'referToChildrenNgo' },
      { day: 1.5, step: 'childrenNgoAccepts' },
      { day: 1.5, step: 'bia' },
    ],
  },
  // Closed: reached his family in the UK.
  {
    person: 'child',
    type: 'child_protection',
    risk: 'medium',
    riskReason: 'Brother in Manchester, Dublin article 8 request',
    openedDaysAgo: 40,
    steps: [
      ...toImplementation(1, 4),
      { day: 20, step: 'followUp' },
      { day: 30, step: 'requestClosure' },
      { day: 31, step: 'approveClosure' },
      { day: 31, step: 'close' },
    ],
  },
  // Trafficking: a checklist that raised the risk; one waiting for its checklist for two days.
  {
    person: 'adult',
    type: 'trafficking',
    risk: 'medium',
    riskReason: 'Owes money for the journey, works without pay',
    openedDaysAgo: 12,
    steps: [
      { day: 0, step: 'startAssessment' },
      { day: 1, step: 'traffickingChecklist' },
    ],
  },
  {
    person: 'adult',
    type: 'trafficking',
    risk: 'high',
    riskReason: 'Passport kept by the man who brought her',
    openedDaysAgo: 2,
    steps: [],
  },
  {
    person: 'child',
    type: 'trafficking',
    risk: 'high',
    riskReason: 'Made to sell in the camp to pay a debt',
    openedDaysAgo: 20,
    steps: [
      { day: 0, step: 'startAssessment' },
      { day: 0.5, step: 'traffickingChecklist' },
      { day: 1, step: 'bia' },
      { day: 1, step: 'toPlan' },
      { day: 4, step: 'plan' },
      { day: 4, step: 'requestPlanApproval' },
      { day: 5, step: 'approvePlan' },
      { day: 5, step: 'toImplementation' },
      { day: 12, step: 'followUp' },
    ],
  },
];
