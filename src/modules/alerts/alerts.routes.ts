import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams, OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { AlertPermissions } from './alerts.policy.js';
import { presentAlert } from './alerts.presenter.js';
import { NO_DUE_DATE } from './alerts.repository.js';
import { AlertResponse, AlertsPage, AlertsQuery, AssignAlertBody } from './alerts.schema.js';
import { assignAlert, listAlerts, resolveAlert } from './alerts.service.js';

type Cursor = { d: string; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Cursor).d === 'string' &&
  typeof (v as Cursor).i === 'string';

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
      const { cursor, limit, mine, ...filter } = request.query;
      const after = decodeCursor(cursor, isCursor);
      const rows = await listAlerts(ctx, {
        ...filter,
        mineOnly: mine === 'true',
        after: after ? { dueAt: after.d, id: after.i } : undefined,
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => presentAlert(row, ctx.now())),
        nextCursor:
          rows.length > limit && last ? encodeCursor({ d: last.due_at ?? NO_DUE_DATE, i: last.id }) : null,
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

  app.post(
    '/api/alerts/:id/assign',
    {
      config: { permission: AlertPermissions['alerts.assign'] },
      schema: { tags: ['alerts'], params: IdParams, body: AssignAlertBody, response: { 200: AlertResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return presentAlert(await assignAlert(ctx, request.params.id, request.body.userId), ctx.now());
    },
  );
}
