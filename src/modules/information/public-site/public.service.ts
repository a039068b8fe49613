import type { Executor } from '../../../db/engine.js';
import {
  findPublishedBySlug,
  findPublishedList,
  type PublishedListRow,
  type PublishedRow,
} from '../articles.repository.js';
import { INFO_LANGUAGES, type LanguageTag, TOPICS, type Topic } from '../information.languages.js';

/*
 * Reads for the public site. Nothing here is personal data and nothing is recorded about who
 * reads what: no audit entry, no log line per page view (the routes log warnings only).
 */

const LANGUAGE_ORDER = new Map(INFO_LANGUAGES.map((l, i) => [l.tag as string, i]));
const byLanguageOrder = (a: string, b: string) =>
  (LANGUAGE_ORDER.get(a) ?? 99) - (LANGUAGE_ORDER.get(b) ?? 99);

export interface TopicGroup {
  topic: Topic;
  articles: PublishedListRow[];
}

export interface Untranslated {
  slug: string;
  /** The article's title in its first available language, with that language. */
  title: string;
  titleLang: LanguageTag;
  languages: LanguageTag[];
}

export function isOutdated(row: {
  lang: string;
  source_lang: string;
  source_version: number;
  article_source_version: number;
}) {
  return row.lang !== row.source_lang && row.source_version < row.article_source_version;
}

export async function readLanguageIndex(db: Executor, lang: LanguageTag) {
  const rows = await findPublishedList(db);
  const inLang = rows.filter((r) => r.lang === lang);
  const groups: TopicGroup[] = TOPICS.map((topic) => ({
    topic,
    articles: inLang.filter((r) => r.topic === topic),
  })).filter((g) => g.articles.length > 0);
  const translated = new Set(inLang.map((r) => r.slug));
  const others = new Map<string, PublishedListRow[]>();
  for (const row of rows) {
    if (!translated.has(row.slug)) others.set(row.slug, [...(others.get(row.slug) ?? []), row]);
  }
  const untranslated: Untranslated[] = [...others.entries()].map(([slug, list]) => {
    const sorted = [...list].sort((a, b) => byLanguageOrder(a.lang, b.lang));
    const first = sorted.find((r) => r.lang === r.source_lang) ?? sorted[0]!;
    return {
      slug,
      title: first.title,
      titleLang: first.lang as LanguageTag,
      languages: sorted.map((r) => r.lang as LanguageTag),
    };
  });
  return { groups, untranslated, isDemo: inLang.some((r) => r.is_demo === 1) };
}

export type ArticleForReader =
  | { kind: 'found'; row: PublishedRow; otherLanguages: LanguageTag[] }
  | { kind: 'other_languages'; languages: LanguageTag[] }
  | { kind: 'none' };

export async function readArticle(db: Executor, lang: LanguageTag, slug: string): Promise<ArticleForReader> {
  const rows = await findPublishedBySlug(db, slug);
  const languages = rows.map((r) => r.lang as LanguageTag).sort(byLanguageOrder);
  const row = rows.find((r) => r.lang === lang);
  if (row) return { kind: 'found', row, otherLanguages: languages.filter((l) => l !== lang) };
  return languages.length > 0 ? { kind: 'other_languages', languages } : { kind: 'none' };
}
