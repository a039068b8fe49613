import { z } from 'zod';
import { Id, page } from '../../server/http/schema-helpers.js';

export const AlertsQuery = z.strictObject({
  entity: z
    .string()
    .max(40)
    .regex(/^[a-z_]+$/, 'must be an entity name like case or person')
    .optional(),
  entityId: Id.optional(),
  rule: z
    .string()
    .max(80)
    .regex(/^[a-z_.]+$/, 'must be a rule name like cases.assessment_due')
    .optional(),
  /** `true`: only alerts assigned to me by name. */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

export const AssignAlertBody = z.strictObject({ userId: Id });

export const AlertResponse = z.object({
  id: z.string(),
  rule: z.string(),
  entity: z.string(),
  entityId: z.string(),
  subjectId: z.string().nullable(),
  personId: z.string().nullable(),
  severity: z.string(),
  state: z.string(),
  deadlineState: z.enum(['due', 'overdue', 'escalated']),
  dueAt: z.string().nullable(),
  escalateAt: z.string().nullable(),
  overdue: z.boolean(),
  assignedRole: z.string().nullable(),
  assignedUserId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: z.string(),
  managed: z.boolean(),
  allowed: z.array(z.string()),
});

export const AlertsPage = page(AlertResponse);
