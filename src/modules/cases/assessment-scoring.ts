import {
  type AssessmentInput,
  type ChildProtectionAnswersInput,
  type GeneralAnswersInput,
  type IndicatorGroup,
  TRAFFICKING_INDICATOR_GROUPS,
  type TraffickingAnswersInput,
} from './assessments.schema.js';
import { CASE_RISKS, type CaseRisk } from './cases.schema.js';

const WEIGHT = { strong: 3, medium: 2, weak: 1 } as const;

/**
 * Thresholds of the trafficking checklist, as data. Strong indicators in two or more groups, or
 * a high total, suggest critical risk (the ILO guidance reads several strong indicators across
 * dimensions as the clearest sign); one strong indicator suggests high. The suggestion only ever
 * raises the case's risk, and says nothing about whether anyone is a victim.
 */
export const TRAFFICKING_THRESHOLDS = {
  critical: 9,
  high: 5,
  medium: 2,
  strongGroupsForCritical: 2,
} as const;

export interface Scored {
  suggestedRisk: CaseRisk | null;
  concernsNoted: number;
  /** Plain, non-personal facts for the timeline: group names and counts, never answers. */
  facts: Record<string, unknown>;
}

export function scoreTrafficking(answers: TraffickingAnswersInput): Scored {
  let score = 0;
  const strongGroups = new Set<IndicatorGroup>();
  const groups = new Set<IndicatorGroup>();
  for (const [group, indicators] of Object.entries(TRAFFICKING_INDICATOR_GROUPS) as Array<
    [IndicatorGroup, Record<string, keyof typeof WEIGHT>]
  >) {
    for (const [code, strength] of Object.entries(indicators)) {
      if (!answers.indicators.includes(code)) continue;
      score += WEIGHT[strength];
      groups.add(group);
      if (strength === 'strong') strongGroups.add(group);
    }
  }
  const t = TRAFFICKING_THRESHOLDS;
  const suggestedRisk: CaseRisk | null =
    score >= t.critical || strongGroups.size >= t.strongGroupsForCritical
      ? 'critical'
      : score >= t.high || strongGroups.size > 0
        ? 'high'
        : score >= t.medium
          ? 'medium'
          : null;
  return {
    suggestedRisk,
    concernsNoted: answers.indicators.length,
    facts: { indicatorGroups: [...groups].sort(), score },
  };
}

export function scoreChildProtection(answers: ChildProtectionAnswersInput): Scored {
  const grave = answers.safetyConcerns.some(
    (c) => c === 'sexual_abuse' || c === 'exploitation' || c === 'self_harm',
  );
  const exposed = answers.careArrangement === 'alone' || answers.accommodation === 'sleeping_rough';
  const concerns = answers.safetyConcerns.length + (answers.urgentHealthNeed ? 1 : 0);
  const suggestedRisk: CaseRisk | null =
    grave || (exposed && answers.urgentHealthNeed)
      ? 'critical'
      : exposed && concerns > 0
        ? 'high'
        : concerns > 0 || exposed
          ? 'medium'
          : null;
  return {
    suggestedRisk,
    concernsNoted: concerns,
    facts: { careArrangement: answers.careArrangement, concerns, familyContact: answers.familyContact },
  };
}

export function scoreGeneral(answers: GeneralAnswersInput): Scored {
  const concerns = answers.safetyConcerns.length;
  const suggestedRisk: CaseRisk | null = answers.immediateDanger
    ? 'critical'
    : concerns >= 2
      ? 'high'
      : concerns === 1
        ? 'medium'
        : null;
  return { suggestedRisk, concernsNoted: concerns, facts: { concerns, needs: answers.needs.length } };
}

export function scoreAssessment(input: AssessmentInput): Scored {
  switch (input.kind) {
    case 'trafficking':
      return scoreTrafficking(input.answers);
    case 'child_protection':
      return scoreChildProtection(input.answers);
    case 'general':
      return scoreGeneral(input.answers);
    case 'bia':
      return {
        suggestedRisk: null,
        concernsNoted: 0,
        facts: { options: input.answers.options, bidRequired: input.answers.bidRequired },
      };
  }
}

/** The higher of two risks: a suggestion raises risk, never lowers it. */
export function higherRisk(current: CaseRisk, suggested: CaseRisk | null): CaseRisk {
  if (!suggested) return current;
  return CASE_RISKS.indexOf(suggested) > CASE_RISKS.indexOf(current) ? suggested : current;
}
