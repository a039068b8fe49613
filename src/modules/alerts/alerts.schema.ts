import { z } from 'zod';
import { Id, page } from '../../server/http/schema-helpers.js';

export const AlertsQuery = z.strictObject({
  entity: z
    .string()
    .max(40)
    .regex(/^[a-z_]+$/, 'must be an entity name like case or person')
    .optional(),
  entityId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

export const AlertResponse = z.object({
  id: z.string(),
  rule: z.string(),
  entity: z.string(),
  entityId: z.string(),
  personId: z.string().nullable(),
  severity: z.string(),
  state: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  assignedRole: z.string().nullable(),
  assignedUserId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
});

export const AlertsPage = page(AlertResponse);
