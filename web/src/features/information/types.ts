/** Types of the information API, inferred from the server's zod schemas (type-only imports). */
import type { z } from 'zod';
import type {
  AggregatesResponse,
  CreateCounsellingBody,
  FollowUpsResponse,
  SessionListItem,
  SessionResponse,
} from '../../../../src/modules/information/counselling.schema';
import type {
  ArticleResponse,
  Block,
  CreateArticleBody,
  LanguageStatus,
  PreviewResponse,
  SaveTranslationBody,
  TranslationResponse,
  VersionResponse,
} from '../../../../src/modules/information/information.schema';

export type Article = z.infer<typeof ArticleResponse>;
export type LanguageCell = z.infer<typeof LanguageStatus>;
export type Translation = z.infer<typeof TranslationResponse>;
export type Version = z.infer<typeof VersionResponse>;
export type ContentBlock = z.infer<typeof Block>;
export type CreateArticleInput = z.input<typeof CreateArticleBody>;
export type SaveTranslationInput = z.input<typeof SaveTranslationBody>;
export type Preview = z.infer<typeof PreviewResponse>;
export type CounsellingSession = z.infer<typeof SessionResponse>;
export type CounsellingItem = z.infer<typeof SessionListItem>;
export type CounsellingInput = z.input<typeof CreateCounsellingBody>;
export type FollowUps = z.infer<typeof FollowUpsResponse>;
export type Aggregates = z.infer<typeof AggregatesResponse>;
export type { LanguageTag, Topic } from '../../../../src/modules/information/information.languages';
