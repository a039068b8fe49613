import type { TRAFFICKING_INDICATOR_GROUPS } from '../../../../../src/modules/cases/assessments.schema';
import type { AssessmentInput } from '../types';

/*
 * Option lists of the assessment forms. They mirror the server's schema; `satisfies` against the
 * schema's types makes the build fail if the two drift apart (the schema module itself is not
 * imported at run time, so zod never reaches the browser).
 */
type Answers<K extends AssessmentInput['kind']> = Extract<AssessmentInput, { kind: K }>['answers'];
type Cp = Answers<'child_protection'>;
type General = Answers<'general'>;

export const CARE_ARRANGEMENTS = [
  'alone',
  'with_peers',
  'with_unrelated_adult',
  'with_relative',
  'foster_or_institution',
  'other',
] as const satisfies readonly Cp['careArrangement'][];
export const ACCOMMODATIONS = [
  'sleeping_rough',
  'tent_in_camp',
  'shelter',
  'reception_centre',
  'other',
] as const satisfies readonly Cp['accommodation'][];
export const CHILD_SAFETY_CONCERNS = [
  'violence',
  'sexual_abuse',
  'exploitation',
  'smuggler_pressure',
  'dangerous_crossings',
  'self_harm',
  'other',
] as const satisfies readonly Cp['safetyConcerns'][number][];
export const EDUCATION_STATUSES = [
  'in_school',
  'not_in_school',
  'never_attended',
  'unknown',
] as const satisfies readonly Cp['education'][];
export const FAMILY_CONTACT = [
  'regular',
  'occasional',
  'none',
  'tracing_needed',
] as const satisfies readonly Cp['familyContact'][];
export const GENERAL_SAFETY_CONCERNS = [
  'violence',
  'sexual_violence',
  'intimate_partner_violence',
  'exploitation',
  'threats',
  'discrimination',
  'other',
] as const satisfies readonly General['safetyConcerns'][number][];
export const DURABLE_OPTIONS = [
  'family_reunification',
  'local_integration',
  'resettlement',
  'voluntary_return',
  'alternative_care',
] as const satisfies readonly Answers<'bia'>['options'][number][];

/** The ILO/IOM indicator groups, as the server defines them (see assessments.schema.ts). */
export const INDICATOR_GROUPS = {
  deceptive_recruitment: [
    'deceived_about_work',
    'deceived_about_conditions',
    'deceived_about_journey',
    'promised_school_or_reunion',
  ],
  coercion: [
    'violence_or_threats',
    'threats_to_family',
    'threatened_with_denunciation',
    'forced_into_illegal_activity',
  ],
  exploitation: [
    'sexual_exploitation',
    'excessive_hours',
    'hazardous_work',
    'little_or_no_pay',
    'degrading_living_conditions',
  ],
  abuse_of_vulnerability: [
    'child_under_control_of_non_carer',
    'irregular_status_used_as_hold',
    'dependent_on_exploiters',
    'no_language_or_information',
  ],
  debt_bondage: ['journey_debt_to_work_off', 'debt_keeps_growing', 'family_owes_recruiter'],
  confiscated_documents: ['documents_held_by_others', 'refused_documents_on_request'],
  restricted_movement: ['confined', 'always_accompanied', 'cut_off_from_contacts'],
} as const satisfies {
  [G in keyof typeof TRAFFICKING_INDICATOR_GROUPS]: readonly (keyof (typeof TRAFFICKING_INDICATOR_GROUPS)[G])[];
};
