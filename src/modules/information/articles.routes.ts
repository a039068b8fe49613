import { decodeCursor, encodeCursor, isString } from '../../server/http/cursor.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { presentArticle, presentTranslation } from './articles.presenter.js';
import {
  archiveTranslation,
  createArticle,
  getArticle,
  listArticles,
  reviewTranslation,
  saveTranslation,
  submitForReview,
} from './articles.service.js';
import { InformationPermissions } from './information.policy.js';
import {
  ArticleResponse,
  ArticlesPage,
  ArticlesQuery,
  CreateArticleBody,
  PreviewBody,
  PreviewResponse,
  ReviewBody,
  SaveTranslationBody,
  TranslationParams,
  TranslationResponse,
  VersionBody,
} from './information.schema.js';
import { renderPreview } from './preview.js';

const manage = { permission: InformationPermissions['information.manage'] };
const review = { permission: InformationPermissions['information.review'] };
const tags = ['information'];

/** Article authoring: create, translate, submit, review (four eyes), archive, preview. */
export async function articlesRoutes(app: RouteApp): Promise<void> {
  app.post(
    '/api/articles',
    { config: manage, schema: { tags, body: CreateArticleBody, response: { 201: ArticleResponse } } },
    async (request, reply) => {
      const { article, versions } = await createArticle(request.serviceContext(), request.body);
      return reply.status(201).send(presentArticle(article, versions));
    },
  );

  app.get(
    '/api/articles',
    { config: manage, schema: { tags, querystring: ArticlesQuery, response: { 200: ArticlesPage } } },
    async (request) => {
      const { limit, cursor, topic } = request.query;
      const rows = await listArticles(request.serviceContext(), {
        topic,
        afterSlug: decodeCursor(cursor, isString),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => presentArticle(r.article, r.versions)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.article.slug) : null,
      };
    },
  );

  app.get(
    '/api/articles/:id',
    { config: manage, schema: { tags, params: IdParams, response: { 200: ArticleResponse } } },
    async (request) => {
      const { article, versions } = await getArticle(request.serviceContext(), request.params.id);
      return presentArticle(article, versions);
    },
  );

  app.get(
    '/api/articles/:id/translations/:lang',
    { config: manage, schema: { tags, params: TranslationParams, response: { 200: TranslationResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const { article, versions } = await getArticle(ctx, request.params.id);
      return presentTranslation(ctx.actor, article, request.params.lang, versions);
    },
  );

  app.put(
    '/api/articles/:id/translations/:lang',
    {
      config: manage,
      schema: {
        tags,
        params: TranslationParams,
        body: SaveTranslationBody,
        response: { 200: TranslationResponse },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { id, lang } = request.params;
      const { article, versions } = await saveTranslation(ctx, id, lang, request.body);
      return presentTranslation(ctx.actor, article, lang, versions);
    },
  );

  app.post(
    '/api/articles/:id/translations/:lang/submit',
    {
      config: manage,
      schema: { tags, params: TranslationParams, body: VersionBody, response: { 200: TranslationResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { id, lang } = request.params;
      const { article, versions } = await submitForReview(ctx, id, lang, request.body.version);
      return presentTranslation(ctx.actor, article, lang, versions);
    },
  );

  app.post(
    '/api/articles/:id/translations/:lang/review',
    {
      config: review,
      schema: { tags, params: TranslationParams, body: ReviewBody, response: { 200: TranslationResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { id, lang } = request.params;
      const { article, versions } = await reviewTranslation(ctx, id, lang, request.body);
      return presentTranslation(ctx.actor, article, lang, versions);
    },
  );

  app.post(
    '/api/articles/:id/translations/:lang/archive',
    {
      config: review,
      schema: { tags, params: TranslationParams, body: VersionBody, response: { 200: TranslationResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { id, lang } = request.params;
      const { article, versions } = await archiveTranslation(ctx, id, lang, request.body.version);
      return presentTranslation(ctx.actor, article, lang, versions);
    },
  );

  app.post(
    '/api/articles/preview',
    { config: manage, schema: { tags, body: PreviewBody, response: { 200: PreviewResponse } } },
    async (request) => renderPreview(request.body, request.serviceContext().now()),
  );
}
