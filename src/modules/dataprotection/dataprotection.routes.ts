import type { RouteApp } from '../../server/http/types.js';
import { ConsentOverviewResponse, consentOverview } from './consent/consent-overview.js';
import { DataProtectionPermissions } from './dataprotection.policy.js';
import { requestsRoutes } from './requests.routes.js';
import { retentionRoutes } from './retention/retention.routes.js';

/** The data protection officer's API: retention, erasure and access requests, consent overview. */
export async function dataProtectionRoutes(app: RouteApp): Promise<void> {
  await retentionRoutes(app);
  await requestsRoutes(app);
  app.get(
    '/api/data-protection/consents',
    {
      config: { permission: DataProtectionPermissions['dataprotection.manage'] },
      schema: { tags: ['data protection'], response: { 200: ConsentOverviewResponse } },
    },
    async (request) => consentOverview(request.serviceContext()),
  );
}
