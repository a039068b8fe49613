import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../modules/access/permissions.js';

/**
 * Serves the built React app through one public route. Unknown non-API paths get index.html so
 * that client-side routes survive a reload; /api and /info keep their own 404s.
 */
export async function registerStaticWeb(app: FastifyInstance, webDir: string | undefined): Promise<void> {
  if (!webDir || !existsSync(join(webDir, 'index.html'))) return;
  // preCompressed: the .br / .gz copies scripts/compress-web.mjs writes at build time.
  await app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });
  app.get('/*', { config: { permission: PUBLIC }, schema: { hide: true } }, async (request, reply) => {
    const path = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (path.startsWith('/api/') || path === '/api' || path === '/info' || path.startsWith('/info/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: `No route GET ${path}`, details: [] } });
    }
    const file = normalize(path).replace(/^[/\\]+/, '');
    const full = join(webDir, file);
    if (file && !file.startsWith('..') && existsSync(full) && statSync(full).isFile()) {
      // Hashed assets never change; the shell, manifest and service worker must be revalidated.
      reply.header(
        'cache-control',
        file.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      reply.header('vary', 'accept-encoding');
      return reply.sendFile(file, { cacheControl: false });
    }
    return reply
      .header('cache-control', 'no-cache')
      .header('vary', 'accept-encoding')
      .type('text/html')
      .sendFile('index.html', { cacheControl: false });
  });
}
