import type { Actor } from '../access/actor.js';
import { findLanguage, INFO_LANGUAGES, type LanguageTag, type Topic } from './information.languages.js';
import { translationActions } from './information.policy.js';
import type { Block } from './information.schema.js';
import type { ArticlesTable, ArticleTranslationsTable } from './information.tables.js';

type Version = ArticleTranslationsTable;

/** The status board cell of one language: what readers see, what is in progress, and whether it lags the source. */
export function languageStatus(article: ArticlesTable, lang: LanguageTag, versions: readonly Version[]) {
  const isSource = lang === article.source_lang;
  const latest = versions[0];
  const published = versions.find((v) => v.status === 'published');
  const shown = published ?? (latest && latest.status !== 'archived' ? latest : undefined);
  return {
    lang,
    isSource,
    state: latest ? latest.status : ('missing' as const),
    latestVersion: latest?.version ?? null,
    publishedVersion: published?.version ?? null,
    publishedAt: published?.published_at ?? null,
    outdated: !isSource && shown !== undefined && shown.source_version < article.source_version,
  };
}

/** `versions` holds this article's versions of every language, newest first within each. */
export function presentArticle(article: ArticlesTable, versions: readonly Version[]) {
  const byLang = new Map<string, Version[]>();
  for (const v of versions) byLang.set(v.lang, [...(byLang.get(v.lang) ?? []), v]);
  const source = byLang.get(article.source_lang)?.[0];
  return {
    id: article.id,
    slug: article.slug,
    topic: article.topic as Topic,
    sourceLang: article.source_lang as LanguageTag,
    sourceVersion: article.source_version,
    title: source?.title ?? article.slug,
    isDemo: article.is_demo === 1,
    publicPath: `/info/${article.source_lang}/${article.slug}`,
    createdAt: article.created_at,
    updatedAt: article.updated_at,
    languages: INFO_LANGUAGES.map((l) => languageStatus(article, l.tag, byLang.get(l.tag) ?? [])),
  };
}

export function presentVersion(
  actor: Actor,
  article: ArticlesTable,
  version: Version,
  latestVersionNumber: number,
) {
  const isSource = version.lang === article.source_lang;
  return {
    version: version.version,
    status: version.status,
    sourceVersion: version.source_version,
    outdated: !isSource && version.source_version < article.source_version,
    title: version.title,
    summary: version.summary,
    body: version.body,
    blocks: JSON.parse(version.blocks) as Block[],
    authorId: version.author_id,
    createdAt: version.created_at,
    submittedAt: version.submitted_at,
    reviewedBy: version.reviewed_by,
    reviewedAt: version.reviewed_at,
    reviewNote: version.review_note,
    publishedAt: version.published_at,
    archivedAt: version.archived_at,
    allowed: translationActions(actor, version, {
      isLatest: version.version === latestVersionNumber,
      isSource,
      articleSourceVersion: article.source_version,
    }),
  };
}

export function presentTranslation(
  actor: Actor,
  article: ArticlesTable,
  lang: LanguageTag,
  allVersions: readonly Version[],
) {
  const own = allVersions.filter((v) => v.lang === lang);
  const sourceVersions = allVersions.filter((v) => v.lang === article.source_lang);
  const latest = own[0];
  const published = own.find((v) => v.status === 'published');
  const present = (v: Version | undefined, newest: number) =>
    v ? presentVersion(actor, article, v, newest) : null;
  return {
    article: presentArticle(article, allVersions),
    lang,
    dir: findLanguage(lang)?.dir ?? 'ltr',
    latest: present(latest, latest?.version ?? 0),
    published: present(published, latest?.version ?? 0),
    source: present(sourceVersions[0], sourceVersions[0]?.version ?? 0),
    history: own.map((v) => ({
      version: v.version,
      status: v.status,
      sourceVersion: v.source_version,
      authorId: v.author_id,
      createdAt: v.created_at,
    })),
  };
}
