import { z } from 'zod';
import { Id, IsoDateTime, page } from '../../server/http/schema-helpers.js';

export const AuditQuery = z.strictObject({
  actorId: Id.optional(),
  entity: z
    .string()
    .max(60)
    .regex(/^[a-z_]+$/, 'must be an entity name like person or user')
    .optional(),
  entityId: Id.optional(),
  action: z
    .string()
    .max(80)
    .regex(/^[a-z_.]+$/, 'must be an action name like person.read')
    .optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(40).optional(),
});

export const AuditEntryResponse = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  orgId: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  purpose: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
});

export const AuditPage = page(AuditEntryResponse);
