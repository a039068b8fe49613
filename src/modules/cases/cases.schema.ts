import { z } from 'zod';
import { Id, text } from '../../server/http/schema-helpers.js';

// Enumerations of the contract (DESIGN.md): extend, never rename.
export const CASE_TYPES = ['child_protection', 'trafficking', 'gbv', 'general_protection'] as const;
export const CASE_RISKS = ['low', 'medium', 'high', 'critical'] as const;
export const CASE_STATUSES = ['open', 'assessment', 'case_plan', 'implementation', 'closed'] as const;
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
export const FLAG_KINDS = [
  'safety_risk',
  'missing',
  'do_not_contact_family',
  'exploiter_contact',
  'urgent_medical',
  'legal_deadline',
  'other',
] as const;
export const REFERRAL_KINDS = ['referral', 'transfer'] as const;
export const REFERRAL_STATUSES = ['requested', 'accepted', 'rejected', 'revoked'] as const;
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
] as const;
export const ASSESSMENT_KINDS = ['child_protection', 'trafficking', 'general', 'bia'] as const;

export type CaseType = (typeof CASE_TYPES)[number];
export type CaseRisk = (typeof CASE_RISKS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export type FlagKind = (typeof FLAG_KINDS)[number];
export type ReferralKind = (typeof REFERRAL_KINDS)[number];
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

/** Free text that may name people: always stored encrypted under the case's key. */
export const Narrative = (max = 4000) => text(max);

export const OpenCaseBody = z.strictObject({
  personId: Id,
  type: z.enum(CASE_TYPES),
  risk: z.enum(CASE_RISKS),
  riskReason: Narrative(1000).optional(),
  householdId: Id.optional(),
  /** Defaults to the caseworker opening it; a supervisor may name a caseworker of the organisation. */
  assignedUserId: Id.optional(),
});
export type OpenCaseInput = z.infer<typeof OpenCaseBody>;

export const UpdateCaseBody = z.strictObject({
  risk: z.enum(CASE_RISKS).optional(),
  riskReason: Narrative(1000).optional(),
  householdId: Id.nullable().optional(),
  /** The version the client last read; a stale version answers 409 instead of overwriting. */
  version: z.number().int().min(1).optional(),
});
export type UpdateCaseInput = z.infer<typeof UpdateCaseBody>;

export const TransitionBody = z.strictObject({
  to: z.enum(CASE_STATUSES),
  reason: Narrative(1000).optional(),
});
export type TransitionInput = z.infer<typeof TransitionBody>;

export const ReassignBody = z.strictObject({
  userId: Id,
  reason: Narrative(500).optional(),
});

export const CasesQuery = z.strictObject({
  status: z.enum([...CASE_STATUSES, 'active']).optional(),
  type: z.enum(CASE_TYPES).optional(),
  risk: z.enum(CASE_RISKS).optional(),
  /** `me`, `unassigned`, or a user id. */
  assigned: z.union([z.literal('me'), z.literal('unassigned'), Id]).optional(),
  personId: Id.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export type CasesFilter = Omit<z.infer<typeof CasesQuery>, 'limit' | 'cursor'>;

const CasePerson = z.object({
  id: z.string(),
  code: z.string(),
  /** Null when the name is hidden (gbv or trafficking case without case access) or erased. */
  name: z.string().nullable(),
  nameHidden: z.boolean(),
  sex: z.string(),
  age: z.number().nullable(),
});

export const NextStep = z.object({
  to: z.enum(CASE_STATUSES),
  ready: z.boolean(),
  /** What is missing, e.g. `assessment`, `approved_plan`, `closure_approval`. */
  blockedBy: z.string().nullable(),
});

export const CaseSummaryResponse = z.object({
  id: z.string(),
  orgId: z.string(),
  owner: z.boolean(),
  access: z.enum(['full', 'restricted']),
  person: CasePerson,
  householdId: z.string().nullable(),
  type: z.enum(CASE_TYPES),
  risk: z.enum(CASE_RISKS),
  riskReason: z.string().nullable(),
  status: z.enum(CASE_STATUSES),
  assignedUserId: z.string().nullable(),
  unaccompanied: z.boolean(),
  openedAt: z.string(),
  statusChangedAt: z.string(),
  assessedAt: z.string().nullable(),
  biaAt: z.string().nullable(),
  planCreatedAt: z.string().nullable(),
  planApprovedAt: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  lastActivityAt: z.string(),
  closedAt: z.string().nullable(),
  closureReason: z.enum(CLOSURE_REASONS).nullable(),
  overdueItems: z.number(),
  nextDueAt: z.string().nullable(),
  version: z.number(),
  allowed: z.array(z.string()),
  nextSteps: z.array(NextStep),
});

export const CasesPage = z.object({
  items: z.array(CaseSummaryResponse),
  nextCursor: z.string().nullable(),
});

export const CaseloadResponse = z.object({
  total: z.number(),
  byRisk: z.record(z.string(), z.number()),
  byStatus: z.record(z.string(), z.number()),
  byType: z.record(z.string(), z.number()),
  byAge: z.record(z.string(), z.number()),
  byCaseworker: z.array(
    z.object({
      userId: z.string().nullable(),
      name: z.string().nullable(),
      open: z.number(),
      overdue: z.number(),
    }),
  ),
  overdueCases: z.number(),
  pendingApprovals: z.array(
    z.object({ id: z.string(), caseId: z.string(), kind: z.string(), requestedAt: z.string() }),
  ),
});
