import { z } from 'zod';
import { hasControlCharacters, Id, IsoDate, IsoDateTime } from '../../server/http/schema-helpers.js';
import { PROCEDURE_COUNTRIES } from './rules/rule-sets.js';
import { ASYLUM_STAGES, CUSTODY, RETURN_STAGES } from './rules/rule-types.js';

export const ROUTES = [
  'asylum_france',
  'dublin',
  'family_reunification',
  'voluntary_return',
  'relocation',
  'undecided',
] as const;

export const Notes = z
  .string()
  .max(10_000, 'must be at most 10000 characters')
  .refine((value) => !hasControlCharacters(value), 'must not contain control characters');

export const ChoosePathwayBody = z.strictObject({
  route: z.enum(ROUTES),
  /** Defaults to today. */
  since: IsoDate.optional(),
  /** The counselling session after which the route was chosen (same organisation's record). */
  counsellingSessionId: Id.optional(),
  /** For family_reunification: the reunification case it follows. */
  reunificationCaseId: Id.optional(),
  notes: Notes.optional(),
});
export type ChoosePathwayInput = z.infer<typeof ChoosePathwayBody>;

export const PathwayResponse = z.object({
  id: z.string(),
  personId: z.string(),
  route: z.enum(ROUTES),
  since: z.string(),
  until: z.string().nullable(),
  current: z.boolean(),
  counsellingSessionId: z.string().nullable(),
  reunificationCaseId: z.string().nullable(),
  notes: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

export const OpenProcedureBody = z.strictObject({
  kind: z.enum(['asylum', 'voluntary_return']),
  /** Asylum only: normal, accelerated or dublin. */
  procedureType: z.enum(['normal', 'accelerated', 'dublin']).optional(),
  country: z.enum(PROCEDURE_COUNTRIES).default('FRA'),
  /** Voluntary return only: ISO 3166-1 alpha-3 of the country of return. */
  destinationCountry: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code')
    .optional(),
});
export type OpenProcedureInput = z.infer<typeof OpenProcedureBody>;

const STAGES = [...new Set([...ASYLUM_STAGES, ...RETURN_STAGES])] as [string, ...string[]];

export const RecordStageBody = z.strictObject({
  stage: z.enum(STAGES),
  occurredOn: IsoDate,
  /** When the decision was notified, for limits counted in hours (a transfer decision in retention). */
  occurredAt: IsoDateTime.optional(),
  result: z.string().max(40).optional(),
  custody: z.enum(CUSTODY).optional(),
  counsellingSessionId: Id.optional(),
  notes: Notes.optional(),
});
export type RecordStageInput = z.infer<typeof RecordStageBody>;

export const DOCUMENT_KINDS = [
  'asylum_certificate',
  'ofpra_registration_letter',
  'decision_letter',
  'cnda_receipt',
  'transfer_decision',
  'travel_document',
  'return_ticket',
  'other',
] as const;

export const AddDocumentBody = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS),
  issuedOn: IsoDate,
  expiresOn: IsoDate.optional(),
  number: z
    .string()
    .trim()
    .min(1, 'Required')
    .max(60, 'must be at most 60 characters')
    .refine((v) => !hasControlCharacters(v), 'must not contain control characters')
    .optional(),
});
export type AddDocumentInput = z.infer<typeof AddDocumentBody>;

const Verification = z.object({
  status: z.enum(['verified', 'secondary', 'unverified']),
  checkedAgainst: z.string(),
});

export const DeadlineResponse = z.object({
  rule: z.string(),
  label: z.string(),
  legalSource: z.string(),
  ruleSetId: z.string(),
  startedOn: z.string(),
  dueOn: z.string(),
  dueAt: z.string(),
  daysLeft: z.number(),
  extended: z.boolean(),
  met: z.boolean(),
  metOn: z.string().nullable(),
  consequence: z.string(),
  verification: Verification,
});

export const ProcedureResponse = z.object({
  id: z.string(),
  personId: z.string(),
  pathwayId: z.string().nullable(),
  kind: z.enum(['asylum', 'voluntary_return']),
  procedureType: z.enum(['normal', 'accelerated', 'dublin', 'return']),
  country: z.string(),
  destinationCountry: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  outcome: z.string().nullable(),
  followedBy: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  events: z.array(
    z.object({
      id: z.string(),
      stage: z.string(),
      occurredOn: z.string(),
      occurredAt: z.string().nullable(),
      result: z.string().nullable(),
      custody: z.string().nullable(),
      counsellingSessionId: z.string().nullable(),
      notes: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      issuedOn: z.string(),
      expiresOn: z.string().nullable(),
      replacedBy: z.string().nullable(),
      number: z.string().nullable(),
      daysToExpiry: z.number().nullable(),
    }),
  ),
  deadlines: z.array(DeadlineResponse),
  nextStages: z.array(z.string()),
  allowed: z.array(z.string()),
});

export const PersonPathwaysResponse = z.object({
  personId: z.string(),
  current: PathwayResponse.nullable(),
  history: z.array(PathwayResponse),
  procedures: z.array(ProcedureResponse),
  allowed: z.array(z.string()),
});
