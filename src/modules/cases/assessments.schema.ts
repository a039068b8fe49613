import { z } from 'zod';
import { Narrative, SERVICE_KINDS } from './cases.schema.js';

/**
 * Trafficking indicators, grouped as DOMAIN.md lists them. The groups follow the dimensions of
 * the ILO and European Commission "Operational indicators of trafficking in human beings" (2009:
 * deceptive recruitment, coercive recruitment, recruitment by abuse of vulnerability, exploitative
 * conditions, coercion and abuse of vulnerability at destination), with three of its strong
 * coercion indicators (debt bondage, confiscation of documents, restricted movement) kept as groups
 * of their own, as IOM screening forms do. Strength is the ILO's strong / medium / weak rating.
 *
 * The checklist raises a case's risk; it never labels anyone a victim. Identification is a legal
 * act for the competent authority, not for a checkbox.
 */
export const TRAFFICKING_INDICATOR_GROUPS = {
  deceptive_recruitment: {
    deceived_about_work: 'strong',
    deceived_about_conditions: 'medium',
    deceived_about_journey: 'medium',
    promised_school_or_reunion: 'medium',
  },
  coercion: {
    violence_or_threats: 'strong',
    threats_to_family: 'strong',
    threatened_with_denunciation: 'medium',
    forced_into_illegal_activity: 'medium',
  },
  exploitation: {
    sexual_exploitation: 'strong',
    excessive_hours: 'strong',
    hazardous_work: 'medium',
    little_or_no_pay: 'medium',
    degrading_living_conditions: 'medium',
  },
  abuse_of_vulnerability: {
    child_under_control_of_non_carer: 'medium',
    irregular_status_used_as_hold: 'medium',
    dependent_on_exploiters: 'medium',
    no_language_or_information: 'weak',
  },
  debt_bondage: {
    journey_debt_to_work_off: 'strong',
    debt_keeps_growing: 'strong',
    family_owes_recruiter: 'medium',
  },
  confiscated_documents: {
    documents_held_by_others: 'strong',
    refused_documents_on_request: 'medium',
  },
  restricted_movement: {
    confined: 'strong',
    always_accompanied: 'medium',
    cut_off_from_contacts: 'medium',
  },
} as const satisfies Record<string, Record<string, 'strong' | 'medium' | 'weak'>>;

export type IndicatorGroup = keyof typeof TRAFFICKING_INDICATOR_GROUPS;
export const INDICATOR_GROUPS = Object.keys(TRAFFICKING_INDICATOR_GROUPS) as IndicatorGroup[];
export const ALL_INDICATORS = Object.values(TRAFFICKING_INDICATOR_GROUPS).flatMap((group) =>
  Object.keys(group),
);

export const CARE_ARRANGEMENTS = [
  'alone',
  'with_peers',
  'with_unrelated_adult',
  'with_relative',
  'foster_or_institution',
  'other',
] as const;
export const ACCOMMODATIONS = [
  'sleeping_rough',
  'tent_in_camp',
  'shelter',
  'reception_centre',
  'other',
] as const;
export const CHILD_SAFETY_CONCERNS = [
  'violence',
  'sexual_abuse',
  'exploitation',
  'smuggler_pressure',
  'dangerous_crossings',
  'self_harm',
  'other',
] as const;
export const EDUCATION_STATUSES = ['in_school', 'not_in_school', 'never_attended', 'unknown'] as const;
export const FAMILY_CONTACT = ['regular', 'occasional', 'none', 'tracing_needed'] as const;
export const GENERAL_SAFETY_CONCERNS = [
  'violence',
  'sexual_violence',
  'intimate_partner_violence',
  'exploitation',
  'threats',
  'discrimination',
  'other',
] as const;
export const DURABLE_OPTIONS = [
  'family_reunification',
  'local_integration',
  'resettlement',
  'voluntary_return',
  'alternative_care',
] as const;

function unique<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .array(z.enum(values))
    .max(values.length)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an item');
}

const ChildProtectionAnswers = z.strictObject({
  careArrangement: z.enum(CARE_ARRANGEMENTS),
  accommodation: z.enum(ACCOMMODATIONS),
  safetyConcerns: unique(CHILD_SAFETY_CONCERNS),
  urgentHealthNeed: z.boolean(),
  health: Narrative(2000).optional(),
  education: z.enum(EDUCATION_STATUSES),
  familyContact: z.enum(FAMILY_CONTACT),
  relativesAbroad: z.boolean(),
  /** The child's own words about what they want: recorded, heard, and weighed in the plan. */
  wishes: Narrative(2000),
  summary: Narrative(4000).optional(),
});

const TraffickingAnswers = z.strictObject({
  indicators: z
    .array(z.string().refine((code) => ALL_INDICATORS.includes(code), 'is not a known indicator'))
    .max(ALL_INDICATORS.length)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an indicator'),
  /** How the information was gathered (interview with interpreter, observation, third party). */
  source: z.enum(['interview', 'observation', 'third_party']),
  summary: Narrative(4000).optional(),
});

const GeneralAnswers = z.strictObject({
  immediateDanger: z.boolean(),
  safetyConcerns: unique(GENERAL_SAFETY_CONCERNS),
  needs: unique(SERVICE_KINDS),
  wishes: Narrative(2000),
  summary: Narrative(4000).optional(),
});

const BestInterestsAnswers = z.strictObject({
  childViews: Narrative(2000),
  familySituation: Narrative(2000),
  safety: Narrative(2000),
  options: unique(DURABLE_OPTIONS).refine((items) => items.length > 0, 'choose at least one option'),
  recommendation: Narrative(2000),
  /** A major decision (durable solution) goes to a best-interests determination panel. */
  bidRequired: z.boolean(),
});

export const AssessmentBody = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('child_protection'), answers: ChildProtectionAnswers }),
  z.strictObject({ kind: z.literal('trafficking'), answers: TraffickingAnswers }),
  z.strictObject({ kind: z.literal('general'), answers: GeneralAnswers }),
  z.strictObject({ kind: z.literal('bia'), answers: BestInterestsAnswers }),
]);
export type AssessmentInput = z.infer<typeof AssessmentBody>;
export type ChildProtectionAnswersInput = z.infer<typeof ChildProtectionAnswers>;
export type TraffickingAnswersInput = z.infer<typeof TraffickingAnswers>;
export type GeneralAnswersInput = z.infer<typeof GeneralAnswers>;

export const AssessmentResponse = z.object({
  id: z.string(),
  kind: z.enum(['child_protection', 'trafficking', 'general', 'bia']),
  suggestedRisk: z.string().nullable(),
  concernsNoted: z.number(),
  /** Null for callers without full access to the case. */
  answers: z.record(z.string(), z.unknown()).nullable(),
  completedBy: z.string().nullable(),
  completedAt: z.string(),
});
