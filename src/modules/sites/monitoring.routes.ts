import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams, PageQuery, page } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import {
  AssessmentResponse,
  AssessmentSeriesResponse,
  CreateAssessmentBody,
  CreateIncidentBody,
  IncidentResponse,
  IncidentSummaryQuery,
  IncidentSummaryResponse,
  IncidentsQuery,
} from './monitoring.schema.js';
import {
  addAssessment,
  addIncident,
  getAssessmentSeries,
  listAssessments,
  listIncidentDetails,
  summariseIncidents,
} from './monitoring.service.js';
import { SitesPermissions } from './sites.policy.js';
import { presentAssessment, presentIncident } from './sites.presenter.js';
import { isPair } from './sites.rules.js';

export async function monitoringRoutes(app: RouteApp): Promise<void> {
  const read = { permission: SitesPermissions['sites.read'] };

  app.post(
    '/api/sites/:id/assessments',
    {
      config: { permission: SitesPermissions['assessments.write'] },
      schema: {
        tags: ['sites'],
        params: IdParams,
        body: CreateAssessmentBody,
        response: { 201: AssessmentResponse },
      },
    },
    async (request, reply) => {
      const row = await addAssessment(request.serviceContext(), request.params.id, request.body);
      return reply.status(201).send(presentAssessment(row));
    },
  );

  app.get(
    '/api/sites/:id/assessments',
    {
      config: read,
      schema: {
        tags: ['sites'],
        params: IdParams,
        querystring: PageQuery,
        response: { 200: page(AssessmentResponse) },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await listAssessments(request.serviceContext(), {
        siteId: request.params.id,
        before: decodeCursor(cursor, isPair),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map(presentAssessment),
        nextCursor: rows.length > limit && last ? encodeCursor([last.assessed_on, last.id]) : null,
      };
    },
  );

  app.get(
    '/api/sites/:id/assessments/series',
    {
      config: read,
      schema: { tags: ['sites'], params: IdParams, response: { 200: AssessmentSeriesResponse } },
    },
    async (request) => ({
      siteId: request.params.id,
      indicators: await getAssessmentSeries(request.serviceContext(), request.params.id),
    }),
  );

  app.post(
    '/api/sites/:id/incidents',
    {
      config: { permission: SitesPermissions['incidents.write'] },
      schema: {
        tags: ['sites'],
        params: IdParams,
        body: CreateIncidentBody,
        response: { 201: IncidentResponse },
      },
    },
    async (request, reply) => {
      // The answer never echoes the description: the writer's role may not read descriptions.
      const row = await addIncident(request.serviceContext(), request.params.id, request.body);
      return reply.status(201).send(presentIncident(row));
    },
  );

  app.get(
    '/api/sites/:id/incidents/summary',
    {
      config: { permission: SitesPermissions['incidents.read'] },
      schema: {
        tags: ['sites'],
        params: IdParams,
        querystring: IncidentSummaryQuery,
        response: { 200: IncidentSummaryResponse },
      },
    },
    async (request) => summariseIncidents(request.serviceContext(), request.params.id, request.query),
  );

  app.get(
    '/api/sites/:id/incidents',
    {
      config: { permission: SitesPermissions['incidents.read_details'] },
      schema: {
        tags: ['sites'],
        params: IdParams,
        querystring: IncidentsQuery,
        response: { 200: page(IncidentResponse) },
      },
    },
    async (request) => {
      const { limit, cursor, from, to } = request.query;
      const { items, hasMore } = await listIncidentDetails(request.serviceContext(), request.params.id, {
        from,
        to,
        before: decodeCursor(cursor, isPair),
        limit,
      });
      const last = items.at(-1);
      return {
        items: items.map(({ row, description }) => presentIncident(row, description)),
        nextCursor: hasMore && last ? encodeCursor([last.row.occurred_on, last.row.id]) : null,
      };
    },
  );
}
