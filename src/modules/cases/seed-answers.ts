import type { AssessmentInput } from './assessments.schema.js';

// Assessment answers for the demo cases: invented, naming nobody.

export const childAssessmentSeed: AssessmentInput = {
  kind: 'child_protection',
  answers: {
    careArrangement: 'with_peers',
    accommodation: 'tent_in_camp',
    safetyConcerns: ['smuggler_pressure', 'dangerous_crossings'],
    urgentHealthNeed: false,
    education: 'not_in_school',
    familyContact: 'occasional',
    relativesAbroad: true,
    wishes: 'Wants to reach his brother in England and go to school there',
    summary: 'Shares a tent with three older boys; tries the lorries most nights',
  },
};

export const biaSeed: AssessmentInput = {
  kind: 'bia',
  answers: {
    childViews: 'Wants to be with his brother; afraid of being sent back',
    familySituation: 'Brother legally in the UK; parents in the country of origin, in contact by phone',
    safety: 'Exposed to smugglers and to the motorway at night',
    options: ['family_reunification', 'alternative_care'],
    recommendation: 'Reception centre for minors now; family reunification request to the UK',
    bidRequired: true,
  },
};

export const traffickingSeed: AssessmentInput = {
  kind: 'trafficking',
  answers: {
    indicators: ['journey_debt_to_work_off', 'documents_held_by_others', 'forced_into_illegal_activity'],
    source: 'interview',
    summary: 'Must work for the man who organised the journey until the debt is paid; he keeps the passport',
  },
};
