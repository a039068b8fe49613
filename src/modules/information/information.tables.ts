export type TranslationStatus = 'draft' | 'in_review' | 'published' | 'archived';

export interface ArticlesTable {
  id: string;
  /** The organisation whose information officers edit the article; the public site shows every published one. */
  org_id: string;
  /** Language-independent and never changed: printed leaflets carry it in their QR code. */
  slug: string;
  topic: string;
  source_lang: string;
  /** Version number of the source-language text that translations are measured against. */
  source_version: number;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One row per saved version of one language's text (the source language included); never edited in place. */
export interface ArticleTranslationsTable {
  id: string;
  article_id: string;
  lang: string;
  version: number;
  status: TranslationStatus;
  /** The source version this text translates (its own version for the source language). */
  source_version: number;
  title: string;
  summary: string;
  /** Markdown; rendered through the allow-list renderer, raw HTML never passes. */
  body: string;
  /** JSON array of structured blocks (phone numbers, addresses with hours, checklists). */
  blocks: string;
  author_id: string | null;
  submitted_by: string | null;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_note: string | null;
  published_at: string | null;
  archived_at: string | null;
  created_at: string;
}

export interface CounsellingSessionsTable {
  id: string;
  org_id: string;
  /** Null for an anonymous session. */
  person_id: string | null;
  held_on: string;
  counsellor_id: string;
  language: string;
  interpreter_used: number;
  /** JSON arrays of codes: plain, so that aggregates need no decryption. */
  topics: string;
  options_discussed: string;
  stated_intention: string;
  referrals: string;
  follow_up_on: string | null;
  follow_up_done_at: string | null;
  follow_up_done_by: string | null;
  /** Encrypted with the session's own data key (`counselling_sessions|<id>|notes`). */
  notes: string | null;
  /** The session's data key, wrapped under the key ring and bound to the session id. */
  wrapped_key: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InformationTables {
  articles: ArticlesTable;
  article_translations: ArticleTranslationsTable;
  counselling_sessions: CounsellingSessionsTable;
}
