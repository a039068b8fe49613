import { z } from 'zod';

/** The API takes up to 10 MB of CSV; bigger files go through `passerelle import people`. */
export const MAX_CSV_BYTES = 10 * 1024 * 1024;
/** The API imports synchronously, within one request; the CLI has no row limit. */
export const MAX_API_ROWS = 10_000;

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * POST /api/people/import as JSON. A `text/csv` body is read into `{ csv }` by the route's own
 * content-type parser, with the options in the query string, so both forms meet this schema.
 */
export const ImportPeopleBody = z.strictObject({
  csv: z
    .string()
    .max(MAX_CSV_BYTES, 'must be at most 10 MB: split the file, or use `passerelle import people`'),
  /** Column header → field (`givenName`, `specificNeeds:SC-UC`…), or null to ignore the column. */
  mapping: z.record(z.string().max(300), z.string().max(40).nullable()).optional(),
  dryRun: z.boolean().optional(),
  validOnly: z.boolean().optional(),
  delimiter: z.enum([',', ';', '\t']).optional(),
});
export type ImportPeopleInput = z.infer<typeof ImportPeopleBody>;

export const ImportPeopleQuery = z.strictObject({
  dryRun: Flag.optional(),
  validOnly: Flag.optional(),
});

export const ImportIssue = z.object({
  line: z.number(),
  row: z.number(),
  column: z.string().nullable(),
  field: z.string(),
  message: z.string(),
});

export const ImportReportResponse = z.object({
  dryRun: z.boolean(),
  validOnly: z.boolean(),
  delimiter: z.string(),
  columns: z.array(z.object({ name: z.string(), target: z.string().nullable() })),
  /** Required fields no column feeds: nothing can be imported until one is mapped. */
  missingFields: z.array(z.string()),
  notes: z.array(z.string()),
  rows: z.number(),
  valid: z.number(),
  invalid: z.number(),
  written: z.number(),
  households: z.number(),
  errors: z.array(ImportIssue),
  created: z.array(z.object({ line: z.number(), personId: z.string(), code: z.string() })),
});
export type ImportReport = z.infer<typeof ImportReportResponse>;
