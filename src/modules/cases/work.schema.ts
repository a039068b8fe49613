import { z } from 'zod';
import { Id, IsoDate } from '../../server/http/schema-helpers.js';
import { AssessmentResponse } from './assessments.schema.js';
import {
  CaseSummaryResponse,
  CLOSURE_REASONS,
  FLAG_KINDS,
  Narrative,
  REFERRAL_KINDS,
  REFERRAL_STATUSES,
  SERVICE_KINDS,
} from './cases.schema.js';

export const ACTION_ASSIGNEES = ['caseworker', 'user', 'organisation', 'person', 'other'] as const;
export const FOLLOW_UP_KINDS = ['visit', 'phone', 'meeting', 'other'] as const;
export const OVERRIDE_REASONS = [
  'vital_interest',
  'best_interests_of_child',
  'unable_to_consent',
  'legal_obligation',
] as const;

export const PlanAction = z
  .strictObject({
    what: Narrative(1000),
    who: z.enum(ACTION_ASSIGNEES),
    userId: Id.optional(),
    orgId: Id.optional(),
    /** Free text only for `other` (a relative, a lawyer): encrypted like the rest. */
    whoLabel: Narrative(200).optional(),
    byWhen: IsoDate,
  })
  .superRefine((action, ctx) => {
    if (action.who === 'user' && !action.userId)
      ctx.addIssue({ code: 'custom', path: ['userId'], message: 'Required when who is user' });
    if (action.who === 'organisation' && !action.orgId)
      ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'Required when who is organisation' });
    if (action.who === 'other' && !action.whoLabel)
      ctx.addIssue({ code: 'custom', path: ['whoLabel'], message: 'Required when who is other' });
  });

export const PlanBody = z.strictObject({
  goals: Narrative(4000),
  actions: z.array(PlanAction).min(1, 'a plan needs at least one action').max(30),
});
export type PlanInput = z.infer<typeof PlanBody>;

export const ActionUpdateBody = z.strictObject({ status: z.enum(['done', 'cancelled']) });

export const FollowUpBody = z.strictObject({
  kind: z.enum(FOLLOW_UP_KINDS),
  occurredOn: IsoDate,
  notes: Narrative(4000),
  /** Seen in person and safe: false raises the follow-up's urgency in the timeline. */
  childSeenSafe: z.boolean().optional(),
});
export type FollowUpInput = z.infer<typeof FollowUpBody>;

export const NoteBody = z.strictObject({ text: Narrative(8000) });

export const ServiceBody = z.strictObject({
  service: z.enum(SERVICE_KINDS),
  providedOn: IsoDate,
  provider: Narrative(200).optional(),
  notes: Narrative(2000).optional(),
});
export type ServiceInput = z.infer<typeof ServiceBody>;

export const FlagBody = z.strictObject({ flag: z.enum(FLAG_KINDS), reason: Narrative(1000) });
export const FlagRemoveBody = z.strictObject({ reason: Narrative(1000) });

export const ApprovalRequestBody = z
  .strictObject({
    kind: z.enum(['plan', 'closure']),
    closureReason: z.enum(CLOSURE_REASONS).optional(),
    note: Narrative(2000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.kind === 'closure' && !body.closureReason)
      ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'Required when asking to close' });
    if (body.kind === 'plan' && body.closureReason)
      ctx.addIssue({ code: 'custom', path: ['closureReason'], message: 'only for closure' });
  });
export type ApprovalRequestInput = z.infer<typeof ApprovalRequestBody>;

export const ApprovalDecisionBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  note: Narrative(2000).optional(),
});

/** Attachment bytes come as base64 in JSON; the type is read from the bytes, never from a claim. */
export const AttachmentBody = z.strictObject({
  filename: Narrative(200),
  description: Narrative(1000).optional(),
  content: z
    .string()
    .min(1, 'Required')
    .max(12 * 1024 * 1024, 'is far over the size limit')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
export type AttachmentInput = z.infer<typeof AttachmentBody>;

export const ReferralBody = z.strictObject({
  kind: z.enum(REFERRAL_KINDS),
  toOrgId: Id,
  service: z.enum(SERVICE_KINDS),
  urgent: z.boolean().optional(),
  note: Narrative(2000).optional(),
  /** Only when the person's referral consent is missing: a permitted role overrides, with a reason. */
  consentOverride: z.strictObject({ reason: z.enum(OVERRIDE_REASONS), note: Narrative(1000) }).optional(),
});
export type ReferralInput = z.infer<typeof ReferralBody>;

export const ReferralDecisionBody = z.strictObject({
  decision: z.enum(['accepted', 'rejected']),
  note: Narrative(2000).optional(),
});
export const ReferralRevokeBody = z.strictObject({ reason: Narrative(1000) });

export const ReferralsQuery = z.strictObject({
  direction: z.enum(['incoming', 'outgoing']).default('incoming'),
  status: z.enum(REFERRAL_STATUSES).optional(),
});

export const ReferralResponse = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(REFERRAL_KINDS),
  fromOrgId: z.string(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string(),
  toOrgName: z.string().nullable(),
  service: z.enum(SERVICE_KINDS),
  urgent: z.boolean(),
  status: z.enum(REFERRAL_STATUSES),
  caseType: z.string(),
  caseRisk: z.string(),
  consentBasis: z.enum(['consent', 'override']),
  overrideReason: z.string().nullable(),
  note: z.string().nullable(),
  decisionNote: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  allowed: z.array(z.string()),
});

const ActionResponse = z.object({
  id: z.string(),
  what: z.string().nullable(),
  who: z.enum(ACTION_ASSIGNEES),
  userId: z.string().nullable(),
  orgId: z.string().nullable(),
  whoLabel: z.string().nullable(),
  byWhen: z.string(),
  status: z.enum(['pending', 'done', 'cancelled']),
  doneAt: z.string().nullable(),
});

export const CaseDetailResponse = CaseSummaryResponse.extend({
  assessments: z.array(AssessmentResponse),
  plan: z
    .object({
      id: z.string(),
      version: z.number(),
      goals: z.string().nullable(),
      createdAt: z.string(),
      approvedAt: z.string().nullable(),
      actions: z.array(ActionResponse),
    })
    .nullable(),
  approvals: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['plan', 'closure']),
      status: z.string(),
      closureReason: z.string().nullable(),
      requestNote: z.string().nullable(),
      decisionNote: z.string().nullable(),
      requestedBy: z.string().nullable(),
      requestedAt: z.string(),
      decidedAt: z.string().nullable(),
    }),
  ),
  referrals: z.array(ReferralResponse),
  flags: z.array(
    z.object({
      id: z.string(),
      flag: z.enum(FLAG_KINDS),
      reason: z.string().nullable(),
      raisedAt: z.string(),
      raisedBy: z.string().nullable(),
    }),
  ),
  attachments: z.array(
    z.object({
      id: z.string(),
      mediaType: z.string(),
      sizeBytes: z.number(),
      filename: z.string().nullable(),
      description: z.string().nullable(),
      uploadedAt: z.string(),
    }),
  ),
  dueItems: z.array(
    z.object({
      alertId: z.string(),
      rule: z.string(),
      dueAt: z.string().nullable(),
      deadlineState: z.string(),
      overdue: z.boolean(),
    }),
  ),
});

export const TimelineEntry = z.object({
  id: z.string(),
  kind: z.string(),
  summary: z.record(z.string(), z.unknown()),
  body: z.record(z.string(), z.unknown()).nullable(),
  orgId: z.string(),
  occurredAt: z.string(),
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export const TimelineResponse = z.object({ items: z.array(TimelineEntry) });

export const ApprovalResponse = CaseDetailResponse.shape.approvals.element;
export const FlagResponse = CaseDetailResponse.shape.flags.element;
export const AttachmentResponse = CaseDetailResponse.shape.attachments.element;
export const WorkRecordResponse = z.object({ id: z.string(), kind: z.string(), occurredAt: z.string() });
export const PlanCreatedResponse = z.object({
  id: z.string(),
  version: z.number(),
  createdAt: z.string(),
  actions: z.number(),
});
export const AssessmentCreatedResponse = AssessmentResponse.extend({
  caseRisk: z.string(),
  /** The checklist raised the case's risk (it never concludes anyone is a victim). */
  riskRaised: z.boolean(),
});

export const CaseItemParams = z.strictObject({ id: Id, itemId: Id });
