import { decodeCursor, encodeCursor, isString } from '../../server/http/cursor.js';
import { IdParams, OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { AlertPermissions } from './alerts.policy.js';
import { presentAlert } from './alerts.presenter.js';
import { AlertsPage, AlertsQuery } from './alerts.schema.js';
import { listAlerts, resolveAlert } from './alerts.service.js';

export async function alertsRoutes(app: RouteApp): Promise<void> {
  const permission = { permission: AlertPermissions['alerts.read'] };

  app.get(
    '/api/alerts',
    {
      config: permission,
      schema: { tags: ['alerts'], querystring: AlertsQuery, response: { 200: AlertsPage } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { cursor, limit, ...filter } = request.query;
      const rows = await listAlerts(ctx, {
        ...filter,
        afterId: decodeCursor(cursor, isString),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => presentAlert(row, ctx.now())),
        nextCursor: rows.length > limit && last ? encodeCursor(last.id) : null,
      };
    },
  );

  app.post(
    '/api/alerts/:id/resolve',
    { config: permission, schema: { tags: ['alerts'], params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await resolveAlert(request.serviceContext(), request.params.id);
      return { ok: true as const };
    },
  );
}
