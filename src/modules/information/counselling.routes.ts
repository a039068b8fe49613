import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import type { RouteApp } from '../../server/http/types.js';
import {
  presentSession,
  presentSessionItem,
  SUPPRESS_BELOW,
  suppressedCount,
} from './counselling.presenter.js';
import {
  AggregatesQuery,
  AggregatesResponse,
  CreateCounsellingBody,
  EmptyBody,
  FollowUpsQuery,
  FollowUpsResponse,
  SessionParams,
  SessionResponse,
  SessionsPage,
  SessionsQuery,
} from './counselling.schema.js';
import {
  aggregateSessions,
  completeFollowUp,
  listFollowUps,
  listSessions,
  readSession,
  recordSession,
} from './counselling.service.js';
import { InformationPermissions } from './information.policy.js';

const write = { permission: InformationPermissions['counselling.write'] };
const read = { permission: InformationPermissions['counselling.read'] };
const tags = ['counselling'];

const isCursor = (value: unknown): value is [string, string] =>
  Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string');

export async function counsellingRoutes(app: RouteApp): Promise<void> {
  app.post(
    '/api/counselling-sessions',
    { config: write, schema: { tags, body: CreateCounsellingBody, response: { 201: SessionResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { row, notes } = await recordSession(ctx, request.body);
      return reply.status(201).send(presentSession(ctx.actor, row, notes));
    },
  );

  app.get(
    '/api/counselling-sessions',
    { config: read, schema: { tags, querystring: SessionsQuery, response: { 200: SessionsPage } } },
    async (request) => {
      const ctx = request.serviceContext();
      const { limit, cursor, personId } = request.query;
      const rows = await listSessions(ctx, {
        personId,
        before: decodeCursor(cursor, isCursor),
        limit: limit + 1,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((r) => presentSessionItem(ctx.actor, r)),
        nextCursor: rows.length > limit && last ? encodeCursor([last.held_on, last.id]) : null,
      };
    },
  );

  app.get(
    '/api/counselling-sessions/follow-ups',
    { config: read, schema: { tags, querystring: FollowUpsQuery, response: { 200: FollowUpsResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const { dueBy, rows, today } = await listFollowUps(ctx, request.query.dueBy);
      return {
        dueBy,
        items: rows.map((r) => ({
          ...presentSessionItem(ctx.actor, r),
          overdue: (r.follow_up_on ?? '') < today,
        })),
      };
    },
  );

  app.get(
    '/api/counselling-sessions/aggregates',
    {
      config: { permission: InformationPermissions['counselling.aggregates'] },
      schema: { tags, querystring: AggregatesQuery, response: { 200: AggregatesResponse } },
    },
    async (request) => {
      const { from, to } = request.query;
      const result = await aggregateSessions(request.serviceContext(), from, to);
      const counts = (list: [string, number][]) => list.map(([key, n]) => suppressedCount(key, n));
      return {
        from,
        to,
        suppressedBelow: SUPPRESS_BELOW,
        total: suppressedCount('total', result.total),
        interpreterUsed: suppressedCount('interpreterUsed', result.interpreterUsed),
        byTopic: counts(result.byTopic),
        byLanguage: counts(result.byLanguage),
        byIntention: counts(result.byIntention),
        byOption: counts(result.byOption),
      };
    },
  );

  app.get(
    '/api/counselling-sessions/:id',
    { config: read, schema: { tags, params: SessionParams, response: { 200: SessionResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const { row, notes } = await readSession(ctx, request.params.id);
      return presentSession(ctx.actor, row, notes);
    },
  );

  app.post(
    '/api/counselling-sessions/:id/follow-up-done',
    {
      config: write,
      schema: { tags, params: SessionParams, body: EmptyBody, response: { 200: SessionResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const row = await completeFollowUp(ctx, request.params.id);
      // The answer carries no notes: completing a follow-up is not a read of them.
      return presentSession(ctx.actor, row, null);
    },
  );
}
