import { z } from 'zod';
import { Id, text } from '../../server/http/schema-helpers.js';
import { Category, ReturnReason } from './reception.schema.js';

export const RELOCATION_STATUSES = [
  'proposed',
  'accepted',
  'scheduled',
  'departed',
  'arrived',
  'left',
  'returned',
  'declined',
  'cancelled',
  'no_show',
] as const;
export const RelocationStatus = z.enum(RELOCATION_STATUSES);

const PersonIds = z
  .array(Id)
  .min(1, 'give at least one person')
  .max(20, 'at most 20 people travel as one group')
  .refine((ids) => new Set(ids).size === ids.length, 'must not list a person twice');

export const CreateRelocationBody = z.strictObject({
  personIds: PersonIds,
  toSiteId: Id,
  fromSiteId: Id.optional(),
  /** Overrides the category derived from the people (e.g. a family place for a single parent). */
  category: Category.optional(),
});

const At = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

export const TransitionBody = z.strictObject({
  to: RelocationStatus,
  reason: text(500).optional(),
  /** When it happened, if earlier than now (a departure recorded after the bus left). */
  at: At.optional(),
  /** Required with `scheduled`. */
  convoyId: Id.optional(),
  /** Required with `returned`. */
  returnReason: ReturnReason.optional(),
  /** With `returned`: where the person was seen again; the origin by default. */
  siteId: Id.optional(),
});

export const BulkTransitionBody = z.strictObject({
  relocationIds: z
    .array(Id)
    .min(1)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, 'must not list a relocation twice'),
  transition: TransitionBody,
});

export const RelocationsQuery = z.strictObject({
  status: RelocationStatus.optional(),
  toSiteId: Id.optional(),
  personId: Id.optional(),
  convoyId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

const PersonSummary = z.object({
  id: z.string(),
  code: z.string(),
  sex: z.string(),
  age: z.number().nullable(),
  nationality: z.string().nullable(),
  givenName: z.string().optional(),
  familyName: z.string().nullable().optional(),
});

export const RelocationResponse = z.object({
  id: z.string(),
  status: RelocationStatus,
  category: z.string(),
  peopleCount: z.number(),
  fromSiteId: z.string().nullable(),
  toSiteId: z.string(),
  toSiteName: z.string(),
  convoyId: z.string().nullable(),
  returnReason: ReturnReason.nullable(),
  planId: z.string().nullable(),
  people: z.array(PersonSummary),
  events: z.array(
    z.object({
      from: RelocationStatus.nullable(),
      to: RelocationStatus,
      at: z.string(),
      recordedAt: z.string(),
      actorId: z.string().nullable(),
      reason: z.string().nullable(),
      returnReason: ReturnReason.nullable(),
      siteId: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowed: z.array(z.string()),
});

export const BulkTransitionResponse = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      status: z.string().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
