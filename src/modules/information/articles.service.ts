import { randomId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  archivePublished,
  archiveUnpublished,
  findArticleInScope,
  findArticles,
  findVersion,
  findVersions,
  findVersionsOf,
  insertArticle,
  insertVersion,
  slugTaken,
  updateArticle,
  updateVersion,
} from './articles.repository.js';
import { canPublish } from './information.policy.js';
import type { Block, CreateArticleInput, SaveTranslationInput } from './information.schema.js';
import type { ArticlesTable, ArticleTranslationsTable } from './information.tables.js';

async function articleOrNotFound(trx: Executor, ctx: ServiceContext, id: string): Promise<ArticlesTable> {
  const article = await findArticleInScope(trx, ctx.actor, id);
  if (!article) throw AppError.notFound(`article ${id}`);
  return article;
}

function versionRow(
  article: ArticlesTable,
  lang: string,
  version: number,
  sourceVersion: number,
  content: { title: string; summary: string; body: string; blocks?: Block[] },
  ctx: ServiceContext,
): ArticleTranslationsTable {
  return {
    id: randomId(),
    article_id: article.id,
    lang,
    version,
    status: 'draft',
    source_version: sourceVersion,
    title: content.title,
    summary: content.summary,
    body: content.body,
    blocks: JSON.stringify(content.blocks ?? []),
    author_id: ctx.actor.userId,
    submitted_by: null,
    submitted_at: null,
    reviewed_by: null,
    reviewed_at: null,
    review_note: null,
    published_at: null,
    archived_at: null,
    created_at: ctx.now().toISOString(),
  };
}

/** Creates the article with version 1 of its source-language text, as a draft. */
export async function createArticle(
  ctx: ServiceContext,
  input: CreateArticleInput,
  options: { isDemo?: boolean } = {},
) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can write articles.');
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (await slugTaken(trx, input.slug)) {
      throw new AppError('conflict', `slug: an article with slug "${input.slug}" already exists`, [
        { field: 'slug', message: 'already exists' },
      ]);
    }
    const article: ArticlesTable = {
      id: randomId(),
      org_id: orgId,
      slug: input.slug,
      topic: input.topic,
      source_lang: input.sourceLang,
      source_version: 1,
      is_demo: options.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertArticle(trx, article);
    await insertVersion(trx, versionRow(article, input.sourceLang, 1, 1, input, ctx));
    await recordAudit(trx, ctx, {
      action: 'article.create',
      entity: 'article',
      entityId: article.id,
      details: { lang: input.sourceLang, topic: input.topic },
    });
    return { article, versions: await findVersionsOf(trx, [article.id]) };
  });
}

export async function listArticles(
  ctx: ServiceContext,
  filter: { topic?: string; afterSlug?: string; limit: number },
) {
  const articles = await findArticles(ctx.db, ctx.actor, filter);
  const versions = await findVersionsOf(
    ctx.db,
    articles.map((a) => a.id),
  );
  return articles.map((article) => ({
    article,
    versions: versions.filter((v) => v.article_id === article.id),
  }));
}

export async function getArticle(ctx: ServiceContext, id: string) {
  const article = await articleOrNotFound(ctx.db, ctx, id);
  return { article, versions: await findVersionsOf(ctx.db, [id]) };
}

function sameContent(row: ArticleTranslationsTable, input: SaveTranslationInput): boolean {
  return (
    row.title === input.title &&
    row.summary === input.summary &&
    row.body === input.body &&
    row.blocks === JSON.stringify(input.blocks ?? [])
  );
}

/**
 * Saves a new version of one language's text as a draft (PUT is idempotent: the same text for
 * the same source version creates nothing). A new source-language version moves the article's
 * source version, which marks every translation of an older one outdated until re-reviewed.
 */
export async function saveTranslation(
  ctx: ServiceContext,
  id: string,
  lang: string,
  input: SaveTranslationInput,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await articleOrNotFound(trx, ctx, id);
    const isSource = lang === article.source_lang;
    if (isSource && input.sourceVersion !== undefined) {
      throw AppError.validation('sourceVersion', 'applies to translations, not to the source language');
    }
    const sourceVersion = input.sourceVersion ?? article.source_version;
    if (sourceVersion > article.source_version) {
      throw AppError.validation('sourceVersion', `the source is at version ${article.source_version}`);
    }
    const [latest] = await findVersions(trx, id, lang);
    if (latest && latest.status !== 'archived' && sameContent(latest, input)) {
      if (isSource || latest.source_version === sourceVersion)
        return { article, versions: await findVersionsOf(trx, [id]) };
    }
    const now = ctx.now().toISOString();
    const version = (latest?.version ?? 0) + 1;
    await archiveUnpublished(trx, id, lang, now);
    await insertVersion(
      trx,
      versionRow(article, lang, version, isSource ? version : sourceVersion, input, ctx),
    );
    await updateArticle(trx, id, { updated_at: now, ...(isSource ? { source_version: version } : {}) });
    await recordAudit(trx, ctx, {
      action: 'article.translation_save',
      entity: 'article',
      entityId: id,
      details: { lang, version, sourceVersion: isSource ? version : sourceVersion },
    });
    const updated = await articleOrNotFound(trx, ctx, id);
    return { article: updated, versions: await findVersionsOf(trx, [id]) };
  });
}

async function versionOrNotFound(trx: Executor, article: ArticlesTable, lang: string, version: number) {
  const row = await findVersion(trx, article.id, lang, version);
  if (!row) throw AppError.notFound(`version ${version} of the ${lang} text of article ${article.id}`);
  return row;
}

function wrongState(row: ArticleTranslationsTable, expected: string): AppError {
  return new AppError('invalid_state', `version ${row.version} is ${row.status}; it must be ${expected}`);
}

export async function submitForReview(ctx: ServiceContext, id: string, lang: string, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await articleOrNotFound(trx, ctx, id);
    const row = await versionOrNotFound(trx, article, lang, version);
    if (row.status !== 'draft') throw wrongState(row, 'a draft');
    const now = ctx.now().toISOString();
    await updateVersion(trx, row.id, {
      status: 'in_review',
      submitted_by: ctx.actor.userId,
      submitted_at: now,
    });
    await recordAudit(trx, ctx, {
      action: 'article.submit',
      entity: 'article',
      entityId: id,
      details: { lang, version },
    });
    return { article, versions: await findVersionsOf(trx, [id]) };
  });
}

/** Publishes or returns a version in review. The version's author may return it, never publish it. */
export async function reviewTranslation(
  ctx: ServiceContext,
  id: string,
  lang: string,
  input: { version: number; decision: 'publish' | 'return'; note?: string },
) {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await articleOrNotFound(trx, ctx, id);
    const row = await versionOrNotFound(trx, article, lang, input.version);
    if (row.status !== 'in_review') throw wrongState(row, 'in review');
    const now = ctx.now().toISOString();
    const reviewed = { reviewed_by: ctx.actor.userId, reviewed_at: now, review_note: input.note ?? null };
    if (input.decision === 'return') {
      await updateVersion(trx, row.id, { status: 'draft', ...reviewed });
    } else {
      const verdict = canPublish(ctx.actor, row, {
        isSource: lang === article.source_lang,
        articleSourceVersion: article.source_version,
      });
      if (!verdict.ok && verdict.reason === 'own_version') {
        throw new AppError(
          'forbidden',
          'A second person must review: you wrote this version, so you cannot publish it.',
        );
      }
      if (!verdict.ok) {
        throw new AppError(
          'invalid_state',
          `version ${row.version} translates source version ${row.source_version}; the source is now at version ${article.source_version}: update the translation first`,
        );
      }
      await archivePublished(trx, id, lang, now);
      await updateVersion(trx, row.id, { status: 'published', published_at: now, ...reviewed });
    }
    await recordAudit(trx, ctx, {
      action: input.decision === 'publish' ? 'article.publish' : 'article.return',
      entity: 'article',
      entityId: id,
      details: { lang, version: input.version },
    });
    return { article, versions: await findVersionsOf(trx, [id]) };
  });
}

/** Takes a language's published text off the public site; its versions stay in the history. */
export async function archiveTranslation(ctx: ServiceContext, id: string, lang: string, version: number) {
  return ctx.db.transaction().execute(async (trx) => {
    const article = await articleOrNotFound(trx, ctx, id);
    const row = await versionOrNotFound(trx, article, lang, version);
    if (row.status !== 'published') throw wrongState(row, 'published');
    await updateVersion(trx, row.id, { status: 'archived', archived_at: ctx.now().toISOString() });
    await recordAudit(trx, ctx, {
      action: 'article.archive',
      entity: 'article',
      entityId: id,
      details: { lang, version },
    });
    return { article, versions: await findVersionsOf(trx, [id]) };
  });
}
