import { z } from 'zod';
import { Id } from '../../../server/http/schema-helpers.js';

/** How the person asking was recognised as the person the data is about. */
export const VERIFICATIONS = ['identity_document', 'registration_card', 'known_to_staff', 'other'] as const;

/** GDPR article 12(5) and 12(6): when a request may be refused. */
export const ACCESS_REFUSALS = ['identity_not_verified', 'manifestly_unfounded', 'excessive'] as const;

export const CreateAccessBody = z.strictObject({
  personId: Id,
  /** BCP 47 tag; the PDF uses its template when there is one (en, fr, ar), English otherwise. */
  language: z
    .string()
    .max(20)
    .regex(/^[a-zA-Z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag like ar, fr or fa-AF'),
  verification: z.enum(VERIFICATIONS),
});

export const RefuseAccessBody = z.strictObject({ reason: z.enum(ACCESS_REFUSALS) });

export const AccessResponse = z.object({
  id: z.string(),
  personId: z.string(),
  personCode: z.string().nullable(),
  personStatus: z.string(),
  language: z.string(),
  /** The language the PDF is written in (the request's, or English without a template). */
  templateLanguage: z.string(),
  verification: z.string(),
  status: z.string(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  dueOn: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  refusalReason: z.string().nullable(),
  exportCount: z.number(),
  lastExportedAt: z.string().nullable(),
  allowed: z.array(z.string()),
});

export const AccessesResponse = z.object({ items: z.array(AccessResponse) });
