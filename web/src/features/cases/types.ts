/**
 * Types of the cases API, inferred from the server's zod schemas (type-only imports: no zod code
 * reaches the browser bundle).
 */
import type { z } from 'zod';
import type { AlertResponse } from '../../../../src/modules/alerts/alerts.schema';
import type { AssessmentBody } from '../../../../src/modules/cases/assessments.schema';
import type {
  CaseloadResponse,
  CaseSummaryResponse,
  CasesQuery,
  OpenCaseBody,
} from '../../../../src/modules/cases/cases.schema';
import type {
  CaseDetailResponse,
  FollowUpBody,
  PlanBody,
  ReferralBody,
  ReferralResponse,
  TimelineEntry,
} from '../../../../src/modules/cases/work.schema';

export type CaseSummary = z.infer<typeof CaseSummaryResponse>;
export type CaseDetail = z.infer<typeof CaseDetailResponse>;
export type Caseload = z.infer<typeof CaseloadResponse>;
export type Referral = z.infer<typeof ReferralResponse>;
export type TimelineItem = z.infer<typeof TimelineEntry>;
export type Alert = z.infer<typeof AlertResponse>;
export type OpenCaseInput = z.input<typeof OpenCaseBody>;
export type AssessmentInput = z.input<typeof AssessmentBody>;
export type PlanInput = z.input<typeof PlanBody>;
export type FollowUpInput = z.input<typeof FollowUpBody>;
export type ReferralInput = z.input<typeof ReferralBody>;
export type CaseFilter = Omit<z.input<typeof CasesQuery>, 'limit' | 'cursor'>;

export type CaseType = CaseSummary['type'];
export type CaseRisk = CaseSummary['risk'];
export type CaseStatus = CaseSummary['status'];

// Runtime lists (the schema modules hold them too, but importing them would ship zod).
export const CASE_TYPES: readonly CaseType[] = [
  'child_protection',
  'trafficking',
  'gbv',
  'general_protection',
];
export const CASE_RISKS: readonly CaseRisk[] = ['low', 'medium', 'high', 'critical'];
export const CASE_STATUSES: readonly CaseStatus[] = [
  'open',
  'assessment',
  'case_plan',
  'implementation',
  'closed',
];
export const SERVICE_KINDS = [
  'child_protection',
  'health',
  'mental_health',
  'legal',
  'shelter',
  'education',
  'family_tracing',
  'gbv_response',
  'anti_trafficking',
  'material_assistance',
  'other',
] as const satisfies readonly ReferralInput['service'][];
export const FLAG_KINDS = [
  'safety_risk',
  'missing',
  'do_not_contact_family',
  'exploiter_contact',
  'urgent_medical',
  'legal_deadline',
  'other',
] as const;
export const CLOSURE_REASONS = [
  'goals_met',
  'transferred_out',
  'moved_away',
  'turned_18',
  'lost_contact',
  'declined_services',
  'deceased',
  'other',
] as const;

export const RISK_COLOURS: Record<CaseRisk, string> = {
  low: 'gray',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};
