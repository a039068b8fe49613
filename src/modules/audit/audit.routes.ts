import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import type { RouteApp } from '../../server/http/types.js';
import { AuditPermissions } from './audit.policy.js';
import { presentAuditEntry } from './audit.presenter.js';
import { AuditPage, AuditQuery } from './audit.schema.js';
import { listAudit } from './audit.service.js';

const isSeq = (value: unknown): value is number => Number.isInteger(value) && (value as number) > 0;

export async function auditRoutes(app: RouteApp): Promise<void> {
  app.get(
    '/api/audit',
    {
      config: { permission: AuditPermissions['audit.read'] },
      schema: { tags: ['audit'], querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (request) => {
      const { cursor, limit, ...filter } = request.query;
      const rows = await listAudit(request.serviceContext(), {
        ...filter,
        beforeSeq: decodeCursor(cursor, isSeq),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(presentAuditEntry),
        nextCursor: rows.length > limit && last ? encodeCursor(Number(last.seq)) : null,
      };
    },
  );
}
