import { z } from 'zod';
import { Id, IsoDate, page, text } from '../../server/http/schema-helpers.js';
import { isCountryCode } from './countries.js';
import { findNeed } from './specific-needs.js';

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export const CONSENT_BASES = [
  'consent',
  'vital_interest',
  'public_interest',
  'legitimate_interest',
  'legal_obligation',
] as const;
export const CONSENT_PURPOSES = ['services', 'referral', 'tracing', 'information_sharing'] as const;
export const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'sibling',
  'parent',
  'other_relative',
  'non_relative',
] as const;
export const DOCUMENT_TYPES = [
  'passport',
  'national_id',
  'birth_certificate',
  'asylum_certificate',
  'residence_permit',
  'other',
] as const;

const MAX_NAME = 100;

export const NameText = text(MAX_NAME);
export const Nationality = z
  .string()
  .trim()
  .toUpperCase()
  .refine(isCountryCode, 'must be an ISO 3166-1 alpha-3 country code, e.g. SYR, AFG, ERI');
export const LanguageTag = z
  .string()
  .trim()
  .max(20)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag, e.g. ar, ps, fa-AF, ti');
export const NeedCode = z
  .string()
  .trim()
  .max(8)
  .refine(
    (code) => findNeed(code) !== undefined,
    'is not a UNHCR specific-needs code (e.g. SC-UC, CR-LW, DS-PM)',
  )
  .transform((code) => code.toUpperCase());
export const Phone = z
  .string()
  .trim()
  .max(32)
  .regex(/^\+?[0-9 ().-]{4,31}$/, 'must be a phone number of digits, with an optional leading +');

const currentYear = () => new Date().getUTCFullYear();
export const BirthYear = z
  .number()
  .int('must be a whole year')
  .min(1900, 'must be 1900 or later')
  .refine((y) => y <= currentYear(), 'must not be in the future');
export const BirthDate = IsoDate.refine((d) => d >= '1900-01-01', 'must be 1900-01-01 or later').refine(
  (d) => d <= new Date().toISOString().slice(0, 10),
  'must not be in the future',
);

export const Consent = z.strictObject({
  basis: z.enum(CONSENT_BASES),
  purposes: z
    .array(z.enum(CONSENT_PURPOSES))
    .min(1, 'choose at least one purpose')
    .max(CONSENT_PURPOSES.length),
});

export const DocumentInput = z.strictObject({
  type: z.enum(DOCUMENT_TYPES),
  number: text(64),
  issuingCountry: Nationality.optional(),
});

const identityFields = {
  givenName: NameText,
  familyName: NameText.optional(),
  fathersName: NameText.optional(),
  originalScriptName: text(200).optional(),
  otherNames: z.array(NameText).max(10).optional(),
  sex: z.enum(SEXES),
  birthDate: BirthDate.optional(),
  birthYear: BirthYear.optional(),
  ageEstimated: z.boolean().optional(),
  nationality: Nationality.optional(),
  languages: z.array(LanguageTag).max(10).optional(),
  phone: Phone.optional(),
  placeOfOrigin: text(120).optional(),
  documents: z.array(DocumentInput).max(10).optional(),
  notes: text(4000).optional(),
  siteId: Id.optional(),
};

export const RegisterPersonBody = z
  .strictObject({
    ...identityFields,
    householdId: Id.optional(),
    relationship: z.enum(RELATIONSHIPS).optional(),
    specificNeeds: z.array(NeedCode).max(30).optional(),
    consent: Consent,
  })
  .superRefine((body, ctx) => {
    if (
      body.birthDate &&
      body.birthYear !== undefined &&
      Number(body.birthDate.slice(0, 4)) !== body.birthYear
    ) {
      ctx.addIssue({ code: 'custom', path: ['birthYear'], message: 'does not match birthDate' });
    }
    if (body.relationship && !body.householdId) {
      ctx.addIssue({ code: 'custom', path: ['relationship'], message: 'needs householdId' });
    }
  });
export type RegisterPersonInput = z.infer<typeof RegisterPersonBody>;

export const UpdatePersonBody = z.strictObject({
  givenName: NameText.optional(),
  familyName: NameText.nullable().optional(),
  fathersName: NameText.nullable().optional(),
  originalScriptName: text(200).nullable().optional(),
  otherNames: z.array(NameText).max(10).optional(),
  sex: z.enum(SEXES).optional(),
  birthDate: BirthDate.nullable().optional(),
  birthYear: BirthYear.nullable().optional(),
  ageEstimated: z.boolean().optional(),
  nationality: Nationality.nullable().optional(),
  languages: z.array(LanguageTag).max(10).optional(),
  phone: Phone.nullable().optional(),
  placeOfOrigin: text(120).nullable().optional(),
  documents: z.array(DocumentInput).max(10).optional(),
  notes: text(4000).nullable().optional(),
  siteId: Id.nullable().optional(),
  /** The version the client last read; a stale version answers 409 instead of overwriting. */
  version: z.number().int().min(1).optional(),
});
export type UpdatePersonInput = z.infer<typeof UpdatePersonBody>;

export const SearchPeopleQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  siteId: Id.optional(),
  nationality: Nationality.optional(),
  sex: z.enum(SEXES).optional(),
  ageBand: z.enum(['0-4', '5-11', '12-17', '18-59', '60+']).optional(),
  need: z.string().trim().max(8).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
});

export const NeedsBody = z.strictObject({
  add: z.array(NeedCode).max(30).optional(),
  remove: z.array(NeedCode).max(30).optional(),
});

export const ConsentChangeBody = z.strictObject({
  basis: z.enum(CONSENT_BASES).optional(),
  give: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).optional(),
  withdraw: z.array(z.enum(CONSENT_PURPOSES)).max(CONSENT_PURPOSES.length).optional(),
});

export const CreateHouseholdBody = z.strictObject({ siteId: Id.optional() });
export const AddMemberBody = z.strictObject({ personId: Id, relationship: z.enum(RELATIONSHIPS) });

const DocumentOut = z.object({ type: z.string(), number: z.string(), issuingCountry: z.string().optional() });
const NeedOut = z.object({ code: z.string(), category: z.string(), label: z.string(), notedAt: z.string() });
const ConsentOut = z.object({
  purpose: z.string(),
  basis: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
});

export const PersonResponse = z.object({
  id: z.string(),
  code: z.string(),
  orgId: z.string(),
  sex: z.string(),
  birthYear: z.number().nullable(),
  ageEstimated: z.boolean(),
  age: z.number().nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  siteId: z.string().nullable(),
  householdId: z.string().nullable(),
  status: z.string(),
  unaccompanied: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  givenName: z.string().optional(),
  familyName: z.string().nullable().optional(),
  fathersName: z.string().nullable().optional(),
  originalScriptName: z.string().nullable().optional(),
  otherNames: z.array(z.string()).optional(),
  birthDate: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
  placeOfOrigin: z.string().nullable().optional(),
  documents: z.array(DocumentOut).optional(),
  notes: z.string().nullable().optional(),
  specificNeeds: z.array(NeedOut).optional(),
  needCategories: z.array(z.string()).optional(),
  consent: z.array(ConsentOut).optional(),
  allowed: z.array(z.string()),
});

export const MatchExplanation = z.object({ field: z.string(), level: z.string(), detail: z.string() });

export const DuplicateCandidate = z.object({
  personId: z.string(),
  code: z.string(),
  score: z.number(),
  band: z.enum(['high', 'medium', 'low']),
  explanation: z.array(MatchExplanation),
});

export const RegisterPersonResponse = z.object({
  person: PersonResponse,
  possibleDuplicates: z.array(DuplicateCandidate),
});

export const SearchResult = PersonResponse.extend({
  match: z.object({ score: z.number(), explanation: z.array(MatchExplanation) }).optional(),
});

export const SearchPeopleResponse = page(SearchResult);

export const HistoryEntry = z.object({
  id: z.string(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  fields: z.array(z.string()),
  change: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).optional(),
});

export const HouseholdResponse = z.object({
  id: z.string(),
  code: z.string(),
  orgId: z.string(),
  siteId: z.string().nullable(),
  createdAt: z.string(),
  members: z.array(
    z.object({
      personId: z.string(),
      code: z.string(),
      relationship: z.string(),
      givenName: z.string().optional(),
      familyName: z.string().nullable().optional(),
      age: z.number().nullable(),
      sex: z.string(),
    }),
  ),
});
