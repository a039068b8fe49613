import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RouteApp } from '../../../server/http/types.js';
import { PUBLIC } from '../../access/permissions.js';
import { isLanguageTag, type LanguageTag } from '../information.languages.js';
import { Slug } from '../information.schema.js';
import { loadPublicAssets } from './assets.js';
import { articlePage, languagePage, languagePickerPage, leafletPage, notFoundPage } from './pages.js';
import { readArticle, readLanguageIndex } from './public.service.js';
import { qrSvg } from './qr.js';

/**
 * The public information site: server-rendered HTML, no login, no cookie, no script, nothing
 * fetched from elsewhere. Routes log warnings only, so no log line records who read which page.
 */
const PAGE_CACHE = 'public, max-age=300';
const ASSET_CACHE = 'public, max-age=31536000, immutable';
const HOST = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:]+\](?::\d{1,5})?$/;

function sendHtml(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', status === 200 ? PAGE_CACHE : 'public, max-age=60')
    .send(body);
}

/**
 * The address a leaflet's QR code points to. PASSERELLE_PUBLIC_URL when the operator set it;
 * otherwise the request's own host (answers then vary by Host, so a shared cache cannot hand
 * one host's leaflet to another).
 */
function publicBase(request: FastifyRequest, reply: FastifyReply): string {
  const configured = process.env.PASSERELLE_PUBLIC_URL?.replace(/\/+$/, '');
  if (configured) return configured;
  reply.header('vary', 'Host');
  const host = request.headers.host ?? 'localhost';
  return `${request.protocol}://${HOST.test(host) ? host : 'localhost'}`;
}

export async function publicSiteRoutes(app: RouteApp): Promise<void> {
  const assets = loadPublicAssets();
  const sheet = assets.stylesheetUrl;
  const options = { config: { permission: PUBLIC }, logLevel: 'warn' as const, schema: { hide: true } };
  const languageOf = (params: unknown): LanguageTag | null => {
    const lang = (params as { lang?: string }).lang ?? '';
    return isLanguageTag(lang) ? lang : null;
  };
  const slugOf = (params: unknown): string | null => {
    const parsed = Slug.safeParse((params as { slug?: string }).slug);
    return parsed.success ? parsed.data : null;
  };

  app.get('/info', options, async (_request, reply) => sendHtml(reply, 200, languagePickerPage(sheet)));

  app.get('/info/:lang', options, async (request, reply) => {
    const lang = languageOf(request.params);
    if (!lang) return sendHtml(reply, 404, notFoundPage('en', null, [], sheet));
    return sendHtml(reply, 200, languagePage(lang, await readLanguageIndex(app.deps.db, lang), sheet));
  });

  async function article(request: FastifyRequest, reply: FastifyReply, leaflet: boolean) {
    const lang = languageOf(request.params);
    const slug = slugOf(request.params);
    if (!lang || !slug) return sendHtml(reply, 404, notFoundPage(lang ?? 'en', null, [], sheet));
    const found = await readArticle(app.deps.db, lang, slug);
    if (found.kind === 'none') return sendHtml(reply, 404, notFoundPage(lang, null, [], sheet));
    if (found.kind === 'other_languages')
      return sendHtml(reply, 404, notFoundPage(lang, slug, found.languages, sheet));
    if (!leaflet) return sendHtml(reply, 200, articlePage(lang, found.row, found.otherLanguages, sheet));
    const url = `${publicBase(request, reply)}/info/${lang}/${slug}`;
    return sendHtml(reply, 200, leafletPage(lang, found.row, await qrSvg(url), url, sheet));
  }

  app.get('/info/:lang/:slug', options, (request, reply) => article(request, reply, false));
  app.get('/info/:lang/:slug/leaflet', options, (request, reply) => article(request, reply, true));

  app.get('/info/assets/info.css', options, async (_request, reply) =>
    reply.header('content-type', assets.css.type).header('cache-control', ASSET_CACHE).send(assets.css.body),
  );

  app.get('/info/assets/fonts/:file', options, async (request, reply) => {
    const font = assets.fonts.get((request.params as { file?: string }).file ?? '');
    if (!font)
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .send({ error: { code: 'not_found', message: 'No such font', details: [] } });
    return reply.header('content-type', font.type).header('cache-control', ASSET_CACHE).send(font.body);
  });
}
