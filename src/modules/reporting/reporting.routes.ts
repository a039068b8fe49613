import type { RouteApp } from '../../server/http/types.js';
import { exportsRoutes } from './exports.routes.js';
import { getOverview } from './overview.service.js';
import { ReportingPermissions } from './reporting.policy.js';
import { OverviewResponse, ReportQuery } from './reporting.schema.js';

/** Indicators for coordination, and the files that carry them (exports.routes.ts). */
export async function reportingRoutes(app: RouteApp): Promise<void> {
  app.get(
    '/api/reports/overview',
    {
      config: { permission: ReportingPermissions['reports.read'] },
      schema: { tags: ['reporting'], querystring: ReportQuery, response: { 200: OverviewResponse } },
    },
    async (request) => getOverview(request.serviceContext(), request.query),
  );
  await app.register(exportsRoutes);
}
