import { z } from 'zod';
import { PUBLIC } from '../modules/access/permissions.js';
import type { RouteApp } from './http/types.js';

export async function systemRoutes(app: RouteApp): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { permission: PUBLIC },
      schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok') }) } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get('/api/openapi.json', { config: { permission: PUBLIC }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
