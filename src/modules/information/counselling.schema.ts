import { z } from 'zod';
import { hasControlCharacters, Id, IsoDate, page, text } from '../../server/http/schema-helpers.js';
import { COUNSELLING_OPTIONS, REFERRAL_SERVICES, STATED_INTENTIONS } from './information.languages.js';
import { TopicSchema } from './information.schema.js';

/** Any BCP 47 language tag: people are counselled in languages beyond the site's list (Somali, Tamil…). */
export const SessionLanguage = z
  .string()
  .min(2, 'Required')
  .max(35, 'must be at most 35 characters')
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as ar, fa-AF or ti');

const Notes = z
  .string()
  .max(10_000, 'must be at most 10000 characters')
  .refine((value) => !hasControlCharacters(value), 'must not contain control characters');

const unique = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((list) => new Set(list).size === list.length, 'must not repeat an item');

export const Referral = z.strictObject({
  service: z.enum(REFERRAL_SERVICES),
  organisation: text(160).optional(),
});

export const CreateCounsellingBody = z.strictObject({
  heldOn: IsoDate,
  /** Defaults to the user recording the session. */
  counsellorId: Id.optional(),
  language: SessionLanguage,
  interpreterUsed: z.boolean(),
  /** A registered person in scope, or `anonymous: true`: exactly one. */
  personId: Id.optional(),
  anonymous: z.literal(true).optional(),
  topics: unique(TopicSchema, 9).optional(),
  optionsDiscussed: unique(z.enum(COUNSELLING_OPTIONS), COUNSELLING_OPTIONS.length).optional(),
  statedIntention: z.enum(STATED_INTENTIONS),
  referrals: z.array(Referral).max(10).optional(),
  followUpOn: IsoDate.optional(),
  notes: Notes.optional(),
});
export type CreateCounsellingInput = z.infer<typeof CreateCounsellingBody>;

export const SessionsQuery = z.strictObject({
  personId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

export const FollowUpsQuery = z.strictObject({ dueBy: IsoDate.optional() });
export const AggregatesQuery = z.strictObject({ from: IsoDate, to: IsoDate });

const SessionFields = {
  id: z.string(),
  personId: z.string().nullable(),
  personCode: z.string().nullable(),
  anonymous: z.boolean(),
  heldOn: z.string(),
  counsellorId: z.string(),
  language: z.string(),
  interpreterUsed: z.boolean(),
  topics: z.array(z.string()),
  optionsDiscussed: z.array(z.string()),
  statedIntention: z.string(),
  referrals: z.array(z.object({ service: z.string(), organisation: z.string().optional() })),
  followUpOn: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  allowed: z.array(z.string()),
};

/** Lists leave the notes out: reading them is a read of one session, audited as such. */
export const SessionListItem = z.object(SessionFields);
export const SessionResponse = z.object({ ...SessionFields, notes: z.string().nullable() });
export const SessionsPage = page(SessionListItem);
export const FollowUpsResponse = z.object({
  dueBy: z.string(),
  items: z.array(SessionListItem.extend({ overdue: z.boolean() })),
});

const Count = z.object({ key: z.string(), count: z.number().nullable(), suppressed: z.boolean() });
export const AggregatesResponse = z.object({
  from: z.string(),
  to: z.string(),
  suppressedBelow: z.number(),
  total: Count,
  byTopic: z.array(Count),
  byLanguage: z.array(Count),
  byIntention: z.array(Count),
  byOption: z.array(Count),
  interpreterUsed: Count,
});

export const SessionParams = z.strictObject({ id: Id });
export const EmptyBody = z.strictObject({});
