import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams, page } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { estimatesRoutes } from './estimates.routes.js';
import { monitoringRoutes } from './monitoring.routes.js';
import { SitesPermissions } from './sites.policy.js';
import { presentSite, presentSiteDetail } from './sites.presenter.js';
import { isPair } from './sites.rules.js';
import {
  CreateSiteBody,
  SiteDetailResponse,
  SiteResponse,
  SitesQuery,
  UpdateSiteBody,
} from './sites.schema.js';
import { createSite, getSite, listSites, updateSite } from './sites.service.js';

/** Sites, estimates, population, assessments and incidents: the whole module in one registration. */
export async function sitesRoutes(app: RouteApp): Promise<void> {
  const read = { permission: SitesPermissions['sites.read'] };
  const manage = { permission: SitesPermissions['sites.manage'] };

  app.get(
    '/api/sites',
    {
      config: read,
      schema: { tags: ['sites'], querystring: SitesQuery, response: { 200: page(SiteResponse) } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { limit, cursor, topLevel, ...filter } = request.query;
      const rows = await listSites(ctx, {
        ...filter,
        topLevel: topLevel === undefined ? undefined : topLevel === 'true',
        after: decodeCursor(cursor, isPair),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(({ site, statusSince }) => presentSite(site, statusSince, ctx.actor)),
        nextCursor: rows.length > limit && last ? encodeCursor([last.site.name, last.site.id]) : null,
      };
    },
  );

  app.post(
    '/api/sites',
    {
      config: manage,
      schema: { tags: ['sites'], body: CreateSiteBody, response: { 201: SiteDetailResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { site, history, children } = await createSite(ctx, request.body);
      return reply.status(201).send(presentSiteDetail(site, history, children, ctx.actor));
    },
  );

  app.get(
    '/api/sites/:id',
    { config: read, schema: { tags: ['sites'], params: IdParams, response: { 200: SiteDetailResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const { site, history, children } = await getSite(ctx, request.params.id);
      return presentSiteDetail(site, history, children, ctx.actor);
    },
  );

  app.patch(
    '/api/sites/:id',
    {
      config: manage,
      schema: {
        tags: ['sites'],
        params: IdParams,
        body: UpdateSiteBody,
        response: { 200: SiteDetailResponse },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { site, history, children } = await updateSite(ctx, request.params.id, request.body);
      return presentSiteDetail(site, history, children, ctx.actor);
    },
  );

  await app.register(estimatesRoutes);
  await app.register(monitoringRoutes);
}
