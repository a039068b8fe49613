import { z } from 'zod';
import { Id } from '../../server/http/schema-helpers.js';

const Pair = z.strictObject({ personId: Id, siteId: Id });
const Weight = z.number().min(0, 'must not be negative').max(1000, 'must be at most 1000');

export const PlanBody = z
  .strictObject({
    /** Plan for everyone waiting at this site (the camp, a zone, the reception centre)… */
    siteId: Id.optional(),
    /** …or for these people. */
    personIds: z.array(Id).min(1).max(20_000).optional(),
    /** Only these centres (all open reception and orientation centres by default). */
    centreIds: z.array(Id).min(1).max(500).optional(),
    /** Keep a person's household at this centre. */
    pins: z.array(Pair).max(2000).default([]),
    /** Never propose this centre for a person's household. */
    exclusions: z.array(Pair).max(5000).default([]),
    weights: z
      .strictObject({
        placement: Weight.optional(),
        vulnerability: Weight.optional(),
        preference: Weight.optional(),
        relatives: Weight.optional(),
        language: Weight.optional(),
        returnRate: Weight.optional(),
      })
      .optional(),
    timeLimitSeconds: z.number().min(1).max(60).default(15),
  })
  .refine((b) => (b.siteId === undefined) !== (b.personIds === undefined), {
    message: 'give either siteId or personIds',
    path: ['siteId'],
  });

const PlanPerson = z.object({
  id: z.string(),
  code: z.string(),
  givenName: z.string().optional(),
  familyName: z.string().nullable().optional(),
});

const ReasonSchema = z.object({ code: z.string(), people: z.number(), detail: z.string().optional() });

export const PlanResponse = z.object({
  id: z.string(),
  status: z.enum(['proposed', 'accepted']),
  createdAt: z.string(),
  proposals: z.array(
    z.object({
      key: z.string(),
      householdId: z.string().nullable(),
      category: z.string(),
      toSiteId: z.string(),
      toSiteName: z.string(),
      region: z.string().nullable(),
      score: z.number(),
      pinned: z.boolean(),
      reasons: z.array(ReasonSchema),
      people: z.array(PlanPerson),
    }),
  ),
  unassigned: z.array(
    z.object({
      key: z.string(),
      category: z.string(),
      reasons: z.array(z.string()),
      people: z.array(PlanPerson),
    }),
  ),
  solution: z.object({
    method: z.string(),
    objective: z.number(),
    upperBound: z.number().nullable(),
    gap: z.number().nullable(),
    greedyObjective: z.number(),
    households: z.number(),
    people: z.number(),
    placedPeople: z.number(),
    candidateColumns: z.number(),
    fractionalHouseholds: z.number(),
    seconds: z.number(),
    limitHit: z.boolean(),
    limitMessage: z.string().nullable(),
  }),
});

export const AcceptPlanBody = z.strictObject({
  /** Accept only these proposals (their keys); all by default. */
  keys: z.array(z.string().max(64)).min(1).max(20_000).optional(),
});

export const AcceptPlanResponse = z.object({ relocationIds: z.array(z.string()) });
