import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import type { ArticlesTable, ArticleTranslationsTable } from './information.tables.js';

/**
 * Articles belong to the organisation that wrote them: other organisations' information
 * officers neither see nor edit them (they read them on the public site like everyone).
 */
function ownedBy(actor: Actor) {
  return actor.via === 'system' ? undefined : (actor.orgId ?? '');
}

export async function findArticleInScope(db: Executor, actor: Actor, id: string) {
  let query = db.selectFrom('articles').selectAll().where('id', '=', id);
  const org = ownedBy(actor);
  if (org !== undefined) query = query.where('org_id', '=', org);
  return query.executeTakeFirst();
}

export async function findArticles(
  db: Executor,
  actor: Actor,
  filter: { topic?: string; afterSlug?: string; limit: number },
): Promise<ArticlesTable[]> {
  let query = db.selectFrom('articles').selectAll();
  const org = ownedBy(actor);
  if (org !== undefined) query = query.where('org_id', '=', org);
  if (filter.topic) query = query.where('topic', '=', filter.topic);
  if (filter.afterSlug !== undefined) query = query.where('slug', '>', filter.afterSlug);
  return query.orderBy('slug').limit(filter.limit).execute();
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst());
}

export async function insertArticle(db: Executor, row: ArticlesTable): Promise<void> {
  await db.insertInto('articles').values(row).execute();
}

export async function updateArticle(
  db: Executor,
  id: string,
  changes: Partial<Pick<ArticlesTable, 'source_version' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('articles').set(changes).where('id', '=', id).execute();
}

export async function insertVersion(db: Executor, row: ArticleTranslationsTable): Promise<void> {
  await db.insertInto('article_translations').values(row).execute();
}

/** Every version of every language of the given articles, newest first within a language. */
export async function findVersionsOf(db: Executor, articleIds: readonly string[]) {
  if (articleIds.length === 0) return [];
  return db
    .selectFrom('article_translations')
    .selectAll()
    .where('article_id', 'in', articleIds)
    .orderBy('article_id')
    .orderBy('lang')
    .orderBy('version', 'desc')
    .execute();
}

export async function findVersions(db: Executor, articleId: string, lang: string) {
  return db
    .selectFrom('article_translations')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('lang', '=', lang)
    .orderBy('version', 'desc')
    .execute();
}

export async function findVersion(db: Executor, articleId: string, lang: string, version: number) {
  return db
    .selectFrom('article_translations')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('lang', '=', lang)
    .where('version', '=', version)
    .executeTakeFirst();
}

export async function updateVersion(
  db: Executor,
  id: string,
  changes: Partial<Omit<ArticleTranslationsTable, 'id' | 'article_id' | 'lang' | 'version'>>,
): Promise<void> {
  await db.updateTable('article_translations').set(changes).where('id', '=', id).execute();
}

/** A new version replaces the language's unpublished ones: at most one draft or review in flight. */
export async function archiveUnpublished(db: Executor, articleId: string, lang: string, at: string) {
  await db
    .updateTable('article_translations')
    .set({ status: 'archived', archived_at: at })
    .where('article_id', '=', articleId)
    .where('lang', '=', lang)
    .where('status', 'in', ['draft', 'in_review'])
    .execute();
}

export async function archivePublished(db: Executor, articleId: string, lang: string, at: string) {
  await db
    .updateTable('article_translations')
    .set({ status: 'archived', archived_at: at })
    .where('article_id', '=', articleId)
    .where('lang', '=', lang)
    .where('status', '=', 'published')
    .execute();
}

const PUBLISHED_COLUMNS = [
  'a.id as article_id',
  'a.slug',
  'a.topic',
  'a.source_lang',
  'a.source_version as article_source_version',
  'a.is_demo',
  't.lang',
  't.version',
  't.source_version',
  't.title',
  't.summary',
  't.published_at',
] as const;

function publishedQuery(db: Executor) {
  return db
    .selectFrom('article_translations as t')
    .innerJoin('articles as a', 'a.id', 't.article_id')
    .where('t.status', '=', 'published');
}

/** Public site lists: every published text's title and summary, without bodies. */
export async function findPublishedList(db: Executor) {
  return publishedQuery(db).select(PUBLISHED_COLUMNS).orderBy('a.slug').execute();
}

export type PublishedListRow = Awaited<ReturnType<typeof findPublishedList>>[number];

/** Public site article page: the published texts of one article, with bodies and blocks. */
export async function findPublishedBySlug(db: Executor, slug: string) {
  return publishedQuery(db)
    .select([...PUBLISHED_COLUMNS, 't.body', 't.blocks'])
    .where('a.slug', '=', slug)
    .execute();
}

export type PublishedRow = Awaited<ReturnType<typeof findPublishedBySlug>>[number];
