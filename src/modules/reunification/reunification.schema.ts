import { z } from 'zod';
import { Id, IsoDate, page, text } from '../../server/http/schema-helpers.js';
import { Nationality } from '../registry/registry.schema.js';
import { EVIDENCE_ITEMS } from './evidence.js';
import {
  EVIDENCE_STATUSES,
  KINSHIPS,
  LEGAL_BASES,
  LEGAL_STATUSES,
  STAGES,
  TRANSFER_EXTENSIONS,
} from './reunification.enums.js';
import { PastDate, RelativeDetails } from './tracing.schema.js';

export const NewRelative = z
  .strictObject({
    relativePersonId: Id.optional(),
    kinship: z.enum(KINSHIPS),
    country: Nationality,
    legalStatus: z.enum(LEGAL_STATUSES),
    ...RelativeDetails,
  })
  .refine((r) => Boolean(r.relativePersonId || r.givenName || r.originalScriptName), {
    path: ['givenName'],
    message: 'name the relative, or link a registered person (relativePersonId)',
  });
export type NewRelativeInput = z.infer<typeof NewRelative>;

export const CreateFamilyLinkBody = NewRelative;

export const CreateReunificationCaseBody = z.strictObject({
  personId: Id,
  legalBasis: z.enum(LEGAL_BASES),
  applicationLodgedOn: PastDate,
  eurodacHitOn: PastDate.optional(),
  relatives: z
    .array(z.union([z.strictObject({ familyLinkId: Id }), NewRelative]))
    .min(1, 'name at least one relative abroad')
    .max(10),
  tracingRequestId: Id.optional(),
});
export type CreateReunificationCaseInput = z.infer<typeof CreateReunificationCaseBody>;

export const TransitionBody = z.strictObject({
  to: z.enum(STAGES),
  /** The day it happened (Paris date): the request left, the reply came, the person travelled. */
  on: PastDate,
  urgent: z.boolean().optional(),
  /** Acceptance by silence (Dublin III Art. 22(7)): `on` is then the day the reply was due. */
  deemed: z.boolean().optional(),
  /** The planned travel date, for transfer_scheduled (may be in the future). */
  transferDate: IsoDate.optional(),
  reason: text(1000).optional(),
});
export type TransitionInput = z.infer<typeof TransitionBody>;

export const UpdateCaseBody = z.strictObject({
  eurodacHitOn: PastDate.nullable().optional(),
  requestUrgent: z.boolean().optional(),
  transferExtension: z.enum(TRANSFER_EXTENSIONS).optional(),
  appealDecidedOn: PastDate.nullable().optional(),
});
export type UpdateCaseInput = z.infer<typeof UpdateCaseBody>;

export const EvidenceParams = z.strictObject({ id: Id, item: z.enum(EVIDENCE_ITEMS) });
export const EvidenceBody = z.strictObject({ status: z.enum(EVIDENCE_STATUSES) });

export const CasesQuery = z.strictObject({
  stage: z.enum(STAGES).optional(),
  active: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const Verification = z.object({
  status: z.enum(['verified', 'secondary', 'unverified']),
  checkedAgainst: z.string(),
});

export const DeadlineResponse = z.object({
  rule: z.string(),
  legalSource: z.string(),
  dueOn: z.string(),
  daysLeft: z.number(),
  startedOn: z.string(),
  status: z.enum(['running', 'overdue', 'met', 'missed', 'stopped']),
  doneOn: z.string().nullable(),
  consequence: z.string(),
  deemsAcceptance: z.boolean(),
  verification: Verification,
});
export const DeadlinesResponse = z.object({
  ruleSet: z.string(),
  today: z.string(),
  timeZone: z.string(),
  deadlines: z.array(DeadlineResponse),
  notComputed: z.array(z.string()),
});

export const FamilyLinkResponse = z.object({
  id: z.string(),
  personId: z.string(),
  relativePersonId: z.string().nullable(),
  relativeCode: z.string().nullable(),
  kinship: z.enum(KINSHIPS),
  country: z.string().nullable(),
  legalStatus: z.enum(LEGAL_STATUSES).nullable(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  fathersName: z.string().nullable(),
  originalScriptName: z.string().nullable(),
  city: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  tracingRequestId: z.string().nullable(),
  createdAt: z.string(),
});
export const FamilyLinksResponse = z.object({ items: z.array(FamilyLinkResponse) });

const Names = {
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  fathersName: z.string().nullable(),
  originalScriptName: z.string().nullable(),
};

export const CaseSummaryResponse = z.object({
  id: z.string(),
  personId: z.string(),
  person: z.object({ code: z.string(), ...Names }),
  legalBasis: z.enum(LEGAL_BASES),
  ruleSet: z.string(),
  stage: z.enum(STAGES),
  applicantChild: z.boolean(),
  applicationLodgedOn: z.string(),
  relativeCountries: z.array(z.string()),
  nearestDeadline: DeadlineResponse.nullable(),
  createdAt: z.string(),
});
export const CasesPage = page(CaseSummaryResponse);

export const CaseDatesResponse = z.object({
  applicationLodgedOn: z.string(),
  eurodacHitOn: z.string().nullable(),
  requestSentOn: z.string().nullable(),
  requestUrgent: z.boolean(),
  replyOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  deemedAcceptance: z.boolean(),
  rejectedOn: z.string().nullable(),
  reExaminationRequestedOn: z.string().nullable(),
  reExaminationReplyOn: z.string().nullable(),
  appealDecidedOn: z.string().nullable(),
  transferExtension: z.enum(TRANSFER_EXTENSIONS),
  transferPlannedOn: z.string().nullable(),
  transferredOn: z.string().nullable(),
  closedOn: z.string().nullable(),
});

export const CaseDetailResponse = CaseSummaryResponse.extend({
  dates: CaseDatesResponse,
  relatives: z.array(FamilyLinkResponse),
  evidence: z.array(
    z.object({ item: z.enum(EVIDENCE_ITEMS), status: z.enum(EVIDENCE_STATUSES), updatedAt: z.string() }),
  ),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      fromStage: z.enum(STAGES).nullable(),
      toStage: z.enum(STAGES).nullable(),
      occurredOn: z.string(),
      summary: z.record(z.string(), z.unknown()),
      note: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  deadlines: z.array(DeadlineResponse),
  tracingRequestId: z.string().nullable(),
  nextStages: z.array(z.enum(STAGES)),
  allowed: z.array(z.string()),
});

export const DashboardResponse = z.object({
  byStage: z.array(z.object({ stage: z.enum(STAGES), count: z.number() })),
  byUrgency: z.array(
    z.object({
      bucket: z.enum(['overdue', 'within_7_days', 'within_30_days', 'later', 'none']),
      count: z.number(),
    }),
  ),
  soonest: z.array(CaseSummaryResponse),
  today: z.string(),
});

export const AlertSettingsBody = z.strictObject({
  leadDays: z
    .array(z.number().int().min(0).max(90))
    .min(1, 'give at least one lead time')
    .max(5)
    .refine((days) => new Set(days).size === days.length, 'lead times must differ'),
});
export const AlertSettingsResponse = z.object({ leadDays: z.array(z.number()) });
