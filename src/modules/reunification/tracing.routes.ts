import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { createFamilyLink, listFamilyLinks } from './family-links.service.js';
import { ReunificationPermissions } from './reunification.policy.js';
import { CreateFamilyLinkBody, FamilyLinkResponse, FamilyLinksResponse } from './reunification.schema.js';
import {
  CreateTracingRequestBody,
  MatchDecisionBody,
  MatchParams,
  TracingListQuery,
  TracingMatchesResponse,
  TracingRequestResponse,
  TracingRequestsPage,
  TracingStatusBody,
} from './tracing.schema.js';
import { createTracingRequest, getTracingRequest, listTracing, setTracingStatus } from './tracing.service.js';
import { decideMatch, listMatches } from './tracing-matches.service.js';

type Cursor = { c: string; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Cursor).c === 'string' &&
  typeof (v as Cursor).i === 'string';

/** Tracing requests, their matches, and the family links they lead to. */
export async function tracingRoutes(app: RouteApp): Promise<void> {
  const read = { permission: ReunificationPermissions['tracing.read'] };
  const write = { permission: ReunificationPermissions['tracing.write'] };
  const tags = ['reunification'];

  app.post(
    '/api/tracing-requests',
    {
      config: write,
      schema: { tags, body: CreateTracingRequestBody, response: { 201: TracingRequestResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await createTracingRequest(request.serviceContext(), request.body)),
  );

  app.get(
    '/api/tracing-requests',
    { config: read, schema: { tags, querystring: TracingListQuery, response: { 200: TracingRequestsPage } } },
    async (request) => {
      const { limit, cursor, status } = request.query;
      const position = decodeCursor(cursor, isCursor);
      const items = await listTracing(request.serviceContext(), {
        status,
        after: position ? { createdAt: position.c, id: position.i } : undefined,
        limit: limit + 1,
      });
      const shown = items.slice(0, limit);
      const last = shown.at(-1);
      return {
        items: shown,
        nextCursor: items.length > limit && last ? encodeCursor({ c: last.createdAt, i: last.id }) : null,
      };
    },
  );

  app.get(
    '/api/tracing-requests/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: TracingRequestResponse } } },
    async (request) => getTracingRequest(request.serviceContext(), request.params.id),
  );

  app.get(
    '/api/tracing-requests/:id/matches',
    { config: read, schema: { tags, params: IdParams, response: { 200: TracingMatchesResponse } } },
    async (request) => ({ items: await listMatches(request.serviceContext(), request.params.id) }),
  );

  app.post(
    '/api/tracing-requests/:id/matches/:matchId/decision',
    {
      config: write,
      schema: {
        tags,
        params: MatchParams,
        body: MatchDecisionBody,
        response: { 200: TracingMatchesResponse },
      },
    },
    async (request) => ({
      items: await decideMatch(
        request.serviceContext(),
        request.params.id,
        request.params.matchId,
        request.body,
      ),
    }),
  );

  app.post(
    '/api/tracing-requests/:id/status',
    {
      config: write,
      schema: { tags, params: IdParams, body: TracingStatusBody, response: { 200: TracingRequestResponse } },
    },
    async (request) => setTracingStatus(request.serviceContext(), request.params.id, request.body),
  );

  app.get(
    '/api/people/:id/family-links',
    {
      config: { permission: ReunificationPermissions['reunification.read'] },
      schema: { tags, params: IdParams, response: { 200: FamilyLinksResponse } },
    },
    async (request) => ({ items: await listFamilyLinks(request.serviceContext(), request.params.id) }),
  );

  app.post(
    '/api/people/:id/family-links',
    {
      config: { permission: ReunificationPermissions['reunification.write'] },
      schema: { tags, params: IdParams, body: CreateFamilyLinkBody, response: { 201: FamilyLinkResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createFamilyLink(request.serviceContext(), request.params.id, request.body)),
  );
}
