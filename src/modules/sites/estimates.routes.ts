import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams, page } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { addEstimate, listEstimates } from './estimates.service.js';
import { PopulationResponse, PopulationSeriesResponse } from './population.schema.js';
import { getPopulation, getPopulationSeries } from './population.service.js';
import { SitesPermissions } from './sites.policy.js';
import { presentEstimate, presentPopulation } from './sites.presenter.js';
import { isPair } from './sites.rules.js';
import {
  CreateEstimateBody,
  EstimateResponse,
  EstimatesQuery,
  PopulationQuery,
  PopulationSeriesQuery,
} from './sites.schema.js';

export async function estimatesRoutes(app: RouteApp): Promise<void> {
  const read = { permission: SitesPermissions['sites.read'] };

  app.post(
    '/api/sites/:id/estimates',
    {
      config: { permission: SitesPermissions['estimates.write'] },
      schema: {
        tags: ['sites'],
        params: IdParams,
        body: CreateEstimateBody,
        response: { 201: EstimateResponse },
      },
    },
    async (request, reply) => {
      const estimate = await addEstimate(request.serviceContext(), request.params.id, request.body);
      return reply.status(201).send(presentEstimate(estimate));
    },
  );

  app.get(
    '/api/sites/:id/estimates',
    {
      config: read,
      schema: {
        tags: ['sites'],
        params: IdParams,
        querystring: EstimatesQuery,
        response: { 200: page(EstimateResponse) },
      },
    },
    async (request) => {
      const { limit, cursor, includeSuperseded } = request.query;
      const rows = await listEstimates(request.serviceContext(), {
        siteId: request.params.id,
        includeSuperseded: includeSuperseded === 'true',
        before: decodeCursor(cursor, isPair),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(presentEstimate),
        nextCursor: rows.length > limit && last ? encodeCursor([last.estimated_on, last.id]) : null,
      };
    },
  );

  app.get(
    '/api/sites/:id/population',
    {
      config: read,
      schema: {
        tags: ['sites'],
        params: IdParams,
        querystring: PopulationQuery,
        response: { 200: PopulationResponse },
      },
    },
    async (request) =>
      presentPopulation(await getPopulation(request.serviceContext(), request.params.id, request.query.date)),
  );

  app.get(
    '/api/sites/:id/population/series',
    {
      config: read,
      schema: {
        tags: ['sites'],
        params: IdParams,
        querystring: PopulationSeriesQuery,
        response: { 200: PopulationSeriesResponse },
      },
    },
    async (request) => ({
      siteId: request.params.id,
      points: await getPopulationSeries(
        request.serviceContext(),
        request.params.id,
        request.query.from,
        request.query.to,
      ),
    }),
  );
}
