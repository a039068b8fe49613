import { z } from 'zod';
import { Id, IsoDate, text } from '../../../server/http/schema-helpers.js';

// Kept here (not beside the shredders) so the web client can share the list without server code.
export const RECORD_TYPES = ['case', 'tracing_request', 'counselling_session', 'incident', 'person'] as const;

export const RecordTypeSchema = z.enum(RECORD_TYPES);
export const RetentionModeSchema = z.enum(['dry_run', 'active', 'paused']);

// A century: longer is "keep", which is what having no policy means.
const KeepDays = z.number().int().min(1).max(36_500);

export const CreatePolicyBody = z.strictObject({
  recordType: RecordTypeSchema,
  /** One of the record type's statuses (see GET /api/data-protection/retention/record-types). */
  recordStatus: z.string().min(1).max(40),
  keepDays: KeepDays,
  note: text(500).optional(),
});

export const UpdatePolicyBody = z.strictObject({
  keepDays: KeepDays.optional(),
  mode: RetentionModeSchema.optional(),
  note: text(500).nullable().optional(),
  version: z.number().int().min(1),
});

export const PolicyResponse = z.object({
  id: z.string(),
  recordType: z.string(),
  recordStatus: z.string(),
  keepDays: z.number(),
  /** The policy's period, or a legal hold's minimum when that is longer. */
  effectiveKeepDays: z.number(),
  action: z.string(),
  mode: RetentionModeSchema,
  note: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
  allowed: z.array(z.string()),
});

export const PoliciesResponse = z.object({ items: z.array(PolicyResponse) });

export const RecordTypesResponse = z.object({
  items: z.array(z.object({ recordType: z.string(), statuses: z.array(z.string()), action: z.string() })),
});

export const RunBody = z.strictObject({ dryRun: z.boolean() });

export const PolicyReportSchema = z.object({
  policyId: z.string(),
  version: z.number(),
  recordType: z.string(),
  recordStatus: z.string(),
  mode: z.string(),
  keepDays: z.number(),
  effectiveKeepDays: z.number(),
  cutoff: z.string(),
  eligible: z.number(),
  held: z.number(),
  processed: z.number(),
  sampleIds: z.array(z.string()),
});

export const ReportResponse = z.object({
  id: z.string().nullable(),
  dryRun: z.boolean(),
  trigger: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  policies: z.array(PolicyReportSchema),
});

export const RunsResponse = z.object({ items: z.array(ReportResponse) });

export const CreateHoldBody = z
  .strictObject({
    recordType: RecordTypeSchema,
    /** One record; without it the hold sets a legal minimum for the whole record type. */
    recordId: Id.optional(),
    minKeepDays: KeepDays.optional(),
    reason: text(300),
    heldUntil: IsoDate.optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.recordId && body.minKeepDays === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['minKeepDays'],
        message: 'Required for a hold on a whole record type (or give recordId)',
      });
    }
    if (body.recordId && body.minKeepDays !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['minKeepDays'],
        message: 'only for a hold on a whole record type',
      });
    }
  });

export const HoldResponse = z.object({
  id: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  minKeepDays: z.number().nullable(),
  reason: z.string(),
  heldUntil: z.string().nullable(),
  placedBy: z.string().nullable(),
  placedAt: z.string(),
});

export const HoldsResponse = z.object({ items: z.array(HoldResponse) });
