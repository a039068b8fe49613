import { z } from 'zod';
import { Id, IsoDate } from '../../../server/http/schema-helpers.js';

const Format = z.enum(['csv', 'xlsx']).default('csv');

export const AggregateExportParams = z.strictObject({ dataset: z.string().min(1).max(40) });

export const AggregateExportQuery = z.strictObject({
  format: Format,
  hxl: z.enum(['0', '1']).default('0'),
  siteId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  scope: z.enum(['all', 'organisation']).default('all'),
  /** Raise the suppression threshold for this file (never below the deployment's). */
  threshold: z.coerce.number().int().min(2).max(100).optional(),
  /** Coarsen locations: one row per region instead of per site. */
  location: z.enum(['site', 'region']).default('site'),
});

export const PersonalExportBody = z.strictObject({
  dataset: z.enum(['caseload', 'convoy']),
  /** The convoy whose passenger list is exported (dataset convoy). */
  convoyId: Id.optional(),
  format: Format,
  /** A current code from the user's authenticator app: the export needs a second factor now. */
  totp: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from your authenticator app'),
});

export const PersonalExportResponse = z.object({
  id: z.string(),
  dataset: z.string(),
  format: z.string(),
  rows: z.number().int(),
  expiresAt: z.string(),
  downloadUrl: z.string(),
});
