import { z } from 'zod';
import { Id, IsoDate, page, text } from '../../server/http/schema-helpers.js';
import {
  BirthYear,
  CONSENT_BASES,
  NameText,
  Nationality,
  Phone,
  SEXES,
} from '../registry/registry.schema.js';
import { KINSHIPS, LEGAL_STATUSES, MATCH_STATUSES, TRACING_STATUSES } from './reunification.enums.js';

export const PastDate = IsoDate.refine((d) => d >= '1900-01-01', 'must be 1900-01-01 or later').refine(
  // A day of slack: "today" in Paris can be tomorrow in UTC.
  (d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10),
  'must not be in the future',
);
export const Email = z.email({ error: 'must be an email address' }).max(200);

/** The relative's names and whereabouts: encrypted wherever they are stored. */
export const RelativeDetails = {
  givenName: NameText.optional(),
  familyName: NameText.optional(),
  fathersName: NameText.optional(),
  originalScriptName: NameText.optional(),
  city: text(100).optional(),
  address: text(300).optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  notes: text(2000).optional(),
};

const SoughtPerson = z
  .strictObject({
    givenName: NameText.optional(),
    familyName: NameText.optional(),
    fathersName: NameText.optional(),
    originalScriptName: NameText.optional(),
    otherNames: z.array(NameText).max(10).optional(),
    sex: z.enum(SEXES),
    birthYear: BirthYear.optional(),
    /** Age today, when the enquirer knows an age rather than a year. */
    age: z.number().int().min(0).max(120).optional(),
    ageEstimated: z.boolean().optional(),
    nationality: Nationality.optional(),
    placeOfSeparation: text(200).optional(),
    separatedOn: PastDate.optional(),
    notes: text(2000).optional(),
  })
  .refine((s) => Boolean(s.givenName || s.originalScriptName || s.otherNames?.length), {
    path: ['givenName'],
    message: 'give at least one name of the sought person, in any script',
  })
  .refine((s) => s.birthYear === undefined || s.age === undefined, {
    path: ['age'],
    message: 'give a birth year or an age, not both',
  });
export type SoughtInput = z.infer<typeof SoughtPerson>;

const RegisteredEnquirer = z.strictObject({ kind: z.literal('registered'), personId: Id });
const OutsideEnquirer = z.strictObject({
  kind: z.literal('outside'),
  ...RelativeDetails,
  givenName: NameText,
  country: Nationality,
  legalStatus: z.enum(LEGAL_STATUSES),
  consentToTracing: z.literal(true, {
    error: 'the enquirer must agree to tracing before a request is recorded',
  }),
  consentBasis: z.enum(CONSENT_BASES).default('consent'),
});

export const CreateTracingRequestBody = z.strictObject({
  enquirer: z.discriminatedUnion('kind', [RegisteredEnquirer, OutsideEnquirer], {
    error: 'must say whether the enquirer is registered here or outside (kind)',
  }),
  sought: SoughtPerson,
  /** Who the sought person is to the enquirer. */
  relationship: z.enum(KINSHIPS),
});
export type CreateTracingRequestInput = z.infer<typeof CreateTracingRequestBody>;

export const TracingListQuery = z.strictObject({
  status: z.enum(TRACING_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const MatchDecisionBody = z.strictObject({
  decision: z.enum(['confirmed', 'rejected']),
  note: text(1000).optional(),
});

export const TracingStatusBody = z.strictObject({ status: z.enum(['open', 'closed']) });

export const MatchParams = z.strictObject({ id: Id, matchId: Id });

const NamesOut = {
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  fathersName: z.string().nullable(),
  originalScriptName: z.string().nullable(),
};

export const TracingRequestResponse = z.object({
  id: z.string(),
  status: z.enum(TRACING_STATUSES),
  relationship: z.enum(KINSHIPS),
  enquirer: z.object({
    kind: z.enum(['registered', 'outside']),
    personId: z.string().nullable(),
    code: z.string().nullable(),
    ...NamesOut,
    city: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    country: z.string().nullable(),
    legalStatus: z.enum(LEGAL_STATUSES).nullable(),
  }),
  sought: z.object({
    ...NamesOut,
    otherNames: z.array(z.string()),
    sex: z.string(),
    birthYear: z.number().nullable(),
    ageEstimated: z.boolean(),
    nationality: z.string().nullable(),
    placeOfSeparation: z.string().nullable(),
    separatedOn: z.string().nullable(),
    notes: z.string().nullable(),
  }),
  matches: z.object({ proposed: z.number(), confirmed: z.number(), rejected: z.number() }),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** What the caller may do next (the UI never checks roles). */
  allowed: z.array(z.string()),
});
export const TracingRequestsPage = page(TracingRequestResponse);

export const Contribution = z.object({ field: z.string(), level: z.string(), weight: z.number() });

export const TracingMatchResponse = z.object({
  id: z.string(),
  personId: z.string(),
  code: z.string(),
  score: z.number(),
  band: z.enum(['high', 'medium', 'low']),
  status: z.enum(MATCH_STATUSES),
  source: z.string(),
  explanation: z.array(Contribution),
  person: z.object({
    ...NamesOut,
    sex: z.string(),
    birthYear: z.number().nullable(),
    nationality: z.string().nullable(),
    tracingConsent: z.boolean(),
  }),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  familyLinkId: z.string().nullable(),
});
export const TracingMatchesResponse = z.object({ items: z.array(TracingMatchResponse) });
