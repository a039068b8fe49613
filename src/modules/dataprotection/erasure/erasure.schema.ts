import { z } from 'zod';
import { Id, text } from '../../../server/http/schema-helpers.js';

/** GDPR article 17(1): why the person's data must be erased. */
export const ERASURE_GROUNDS = [
  'no_longer_necessary',
  'consent_withdrawn',
  'objection',
  'unlawful_processing',
  'legal_obligation',
  'child_information_society',
] as const;

/**
 * Why an erasure is refused: the exceptions of GDPR article 17(3) (a) to (e), or that none of the
 * grounds of 17(1) applies.
 */
export const REFUSAL_GROUNDS = [
  'freedom_of_expression',
  'legal_obligation_or_public_task',
  'public_health',
  'archiving_research_statistics',
  'legal_claims',
  'no_ground_applies',
] as const;

export const CreateErasureBody = z.strictObject({
  personId: Id,
  ground: z.enum(ERASURE_GROUNDS),
  note: text(2000).optional(),
});

export const RefuseErasureBody = z.strictObject({
  ground: z.enum(REFUSAL_GROUNDS),
  note: text(2000).optional(),
});

export const RequestsQuery = z.strictObject({
  status: z.enum(['pending', 'completed', 'approved', 'refused', 'cancelled']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ErasureResponse = z.object({
  id: z.string(),
  personId: z.string(),
  /** The card code while the person exists; null once erased. */
  personCode: z.string().nullable(),
  personStatus: z.string(),
  ground: z.string(),
  note: z.string().nullable(),
  status: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  dueOn: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusalGround: z.string().nullable(),
  decisionNote: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  allowed: z.array(z.string()),
});

export const ErasuresResponse = z.object({ items: z.array(ErasureResponse) });
