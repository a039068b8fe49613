import { z } from 'zod';
import { hasControlCharacters, Id, page, text } from '../../server/http/schema-helpers.js';
import { LANGUAGE_TAGS, TOPICS } from './information.languages.js';

export const LanguageTagSchema = z.enum(LANGUAGE_TAGS);
export const TopicSchema = z.enum(TOPICS);

/** Language-independent, ASCII, never changed once printed on a leaflet's QR code. */
export const Slug = z
  .string()
  .min(3, 'must be at least 3 characters')
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase letters, digits and single hyphens only');

/** Markdown allows newlines and tabs; other control characters are refused like everywhere else. */
const Markdown = z
  .string()
  .max(20_000, 'must be at most 20000 characters')
  .refine((value) => value.trim().length > 0, 'Required')
  .refine((value) => !hasControlCharacters(value), 'must not contain control characters');

const PhoneNumber = z
  .string()
  .trim()
  .min(2, 'Required')
  .max(30, 'must be at most 30 characters')
  .regex(/^\+?[0-9][0-9 ().-]*$/, 'digits, spaces, brackets, dots and hyphens only, optionally after +');

export const PhoneBlock = z.strictObject({
  type: z.literal('phone'),
  label: text(160),
  number: PhoneNumber,
  hours: text(160).optional(),
  note: text(300).optional(),
});

export const AddressBlock = z.strictObject({
  type: z.literal('address'),
  name: text(160),
  lines: z.array(text(160)).min(1, 'give at least one line').max(6),
  openingHours: z
    .array(z.strictObject({ days: text(80), hours: text(80) }))
    .max(14)
    .optional(),
  note: text(300).optional(),
});

export const ChecklistBlock = z.strictObject({
  type: z.literal('checklist'),
  title: text(160),
  items: z.array(text(300)).min(1, 'give at least one item').max(30),
});

export const Block = z.discriminatedUnion('type', [PhoneBlock, AddressBlock, ChecklistBlock]);
export type Block = z.infer<typeof Block>;
export const Blocks = z.array(Block).max(20, 'at most 20 blocks');

const Content = {
  title: text(200),
  summary: text(600),
  body: Markdown,
  blocks: Blocks.optional(),
};

export const CreateArticleBody = z.strictObject({
  slug: Slug,
  topic: TopicSchema,
  sourceLang: LanguageTagSchema,
  ...Content,
});
export type CreateArticleInput = z.infer<typeof CreateArticleBody>;

export const SaveTranslationBody = z.strictObject({
  ...Content,
  /** The source version the translator was looking at; defaults to the current one. */
  sourceVersion: z.number().int().min(1).optional(),
});
export type SaveTranslationInput = z.infer<typeof SaveTranslationBody>;

export const PreviewBody = z.strictObject({ lang: LanguageTagSchema, ...Content });

export const VersionBody = z.strictObject({ version: z.number().int().min(1) });
export const ReviewBody = z.strictObject({
  version: z.number().int().min(1),
  decision: z.enum(['publish', 'return']),
  note: text(500).optional(),
});

export const TranslationParams = z.strictObject({ id: Id, lang: LanguageTagSchema });

export const ArticlesQuery = z.strictObject({
  topic: TopicSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

export const TranslationState = z.enum(['missing', 'draft', 'in_review', 'published', 'archived']);

export const LanguageStatus = z.object({
  lang: LanguageTagSchema,
  isSource: z.boolean(),
  /** Status of the newest version, or missing when the language has none. */
  state: TranslationState,
  latestVersion: z.number().nullable(),
  /** The version readers see on the public site, if any. */
  publishedVersion: z.number().nullable(),
  publishedAt: z.string().nullable(),
  /** The text readers see (or, unpublished, the newest) translates an older source version. */
  outdated: z.boolean(),
});

export const ArticleResponse = z.object({
  id: z.string(),
  slug: z.string(),
  topic: TopicSchema,
  sourceLang: LanguageTagSchema,
  sourceVersion: z.number(),
  title: z.string(),
  isDemo: z.boolean(),
  publicPath: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  languages: z.array(LanguageStatus),
});

export const ArticlesPage = page(ArticleResponse);

export const VersionResponse = z.object({
  version: z.number(),
  status: z.enum(['draft', 'in_review', 'published', 'archived']),
  sourceVersion: z.number(),
  outdated: z.boolean(),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  blocks: Blocks,
  authorId: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
  publishedAt: z.string().nullable(),
  archivedAt: z.string().nullable(),
  allowed: z.array(z.string()),
});

export const TranslationResponse = z.object({
  article: ArticleResponse,
  lang: LanguageTagSchema,
  dir: z.enum(['ltr', 'rtl']),
  latest: VersionResponse.nullable(),
  published: VersionResponse.nullable(),
  /** The newest source-language text, for side-by-side editing. */
  source: VersionResponse.nullable(),
  history: z.array(
    z.object({
      version: z.number(),
      status: z.string(),
      sourceVersion: z.number(),
      authorId: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const PreviewResponse = z.object({ html: z.string(), dir: z.enum(['ltr', 'rtl']) });
