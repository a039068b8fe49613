import { z } from 'zod';
import { Id } from '../../server/http/schema-helpers.js';

export const CardBatchBody = z.strictObject({
  personIds: z
    .array(Id)
    .min(1, 'Required')
    .max(200, 'at most 200 cards per batch')
    .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a person'),
});

export const RevokeCardBody = z.strictObject({
  reason: z.enum(['lost', 'stolen', 'damaged', 'other']),
});

export const CardResponse = z.object({
  id: z.string(),
  code: z.string(),
  status: z.enum(['active', 'revoked']),
  issuedAt: z.string(),
  printedCount: z.number(),
  lastPrintedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});

export const CardsResponse = z.object({
  personId: z.string(),
  currentCode: z.string(),
  cards: z.array(CardResponse),
});
export const RevokeCardResponse = z.object({
  personId: z.string(),
  code: z.string(),
  previousCode: z.string(),
});
