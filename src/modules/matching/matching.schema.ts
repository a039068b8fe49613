import { z } from 'zod';
import { Id, text } from '../../server/http/schema-helpers.js';
import {
  BirthDate,
  BirthYear,
  NameText,
  Nationality,
  PersonResponse,
  SEXES,
} from '../registry/registry.schema.js';

/** What each field contributed to a match, in bits (log2 of m/u); the prior comes first. */
export const Contribution = z.object({ field: z.string(), level: z.string(), weight: z.number() });
export const Band = z.enum(['high', 'medium', 'low']);

export const MatchingSearchBody = z
  .strictObject({
    givenName: NameText.optional(),
    familyName: NameText.optional(),
    fathersName: NameText.optional(),
    originalScriptName: text(200).optional(),
    fullName: text(300).optional(),
    birthDate: BirthDate.optional(),
    birthYear: BirthYear.optional(),
    ageEstimated: z.boolean().optional(),
    sex: z.enum(SEXES).optional(),
    nationality: Nationality.optional(),
    limit: z.number().int().min(1).max(50).default(10),
  })
  .superRefine((body, ctx) => {
    if (
      ![body.givenName, body.familyName, body.fathersName, body.originalScriptName, body.fullName].some(
        Boolean,
      )
    )
      ctx.addIssue({
        code: 'custom',
        path: ['fullName'],
        message: 'give a name: fullName, or givenName / familyName / originalScriptName',
      });
  });
export type MatchingSearchInput = z.output<typeof MatchingSearchBody>;

export const MatchCandidate = z.object({
  personId: z.string(),
  code: z.string(),
  score: z.number(),
  band: Band,
  explanation: z.array(Contribution),
  /** The registered person, with the fields the caller's role may read. */
  person: PersonResponse,
});

export const MatchingSearchResponse = z.object({ candidates: z.array(MatchCandidate) });

export const StartRunBody = z.strictObject({});

export const RunResponse = z.object({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z.object({ stage: z.string(), done: z.number(), total: z.number() }).nullable(),
  result: z
    .object({
      people: z.number(),
      candidatePairs: z.number(),
      proposed: z.number(),
      skippedDecided: z.number(),
      withdrawn: z.number(),
      model: z.object({ lambda: z.number(), trainedOnRecords: z.number() }),
    })
    .nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const RunParams = z.strictObject({ id: Id });

const PairSide = z.object({
  personId: z.string(),
  code: z.string().nullable(),
  orgId: z.string(),
  status: z.string(),
  visible: z.boolean(),
});

export const PairResponse = z.object({
  id: z.string(),
  status: z.enum(['open', 'same', 'different']),
  score: z.number(),
  band: Band,
  weight: z.number(),
  explanation: z.array(Contribution),
  older: PairSide,
  newer: PairSide,
  crossOrganisation: z.boolean(),
  foundAt: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  allowed: z.array(z.enum(['same', 'different', 'unmerge'])),
});

export const PairDetailResponse = PairResponse.extend({
  /** The reviewer's reason, for those who may see both records. */
  reason: z.string().nullable(),
  merge: z
    .object({
      survivorId: z.string(),
      mergedId: z.string(),
      mergedAt: z.string(),
      mergedBy: z.string().nullable(),
    })
    .nullable(),
});

export const DuplicatesQuery = z.strictObject({
  status: z.enum(['open', 'same', 'different']).default('open'),
  personId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export const DuplicatesPage = z.object({ items: z.array(PairResponse), nextCursor: z.string().nullable() });

export const DecisionBody = z.strictObject({
  decision: z.enum(['same', 'different']),
  reason: text(500).optional(),
});
export type DecisionInput = z.output<typeof DecisionBody>;

export const UnmergeBody = z.strictObject({});
