import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams, page } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { ReceptionPermissions } from './reception.policy.js';
import { presentRelocations } from './reception.presenter.js';
import {
  BulkTransitionBody,
  BulkTransitionResponse,
  CreateRelocationBody,
  RelocationResponse,
  RelocationsQuery,
  TransitionBody,
} from './relocations.schema.js';
import { createRelocation, getRelocation, listRelocations } from './relocations.service.js';
import { bulkTransition, transitionRelocation } from './transitions.service.js';

const isPair = (v: unknown): v is [string, string] =>
  Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'string');

export async function relocationsRoutes(app: RouteApp): Promise<void> {
  const manage = { permission: ReceptionPermissions['reception.manage'] };
  const read = { permission: ReceptionPermissions['relocations.read'] };
  const tags = ['reception'];

  app.post(
    '/api/relocations',
    { config: manage, schema: { tags, body: CreateRelocationBody, response: { 201: RelocationResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const loaded = await createRelocation(ctx, request.body);
      const [presented] = await presentRelocations(ctx.db, ctx.keys, ctx.actor, ctx.now(), [loaded]);
      return reply.status(201).send(presented!);
    },
  );

  app.get(
    '/api/relocations',
    {
      config: read,
      schema: { tags, querystring: RelocationsQuery, response: { 200: page(RelocationResponse) } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { limit, cursor, ...filter } = request.query;
      const loaded = await listRelocations(ctx, {
        ...filter,
        after: decodeCursor(cursor, isPair),
        limit: limit + 1,
      });
      const items = loaded.slice(0, limit);
      const last = items.at(-1);
      return {
        items: await presentRelocations(ctx.db, ctx.keys, ctx.actor, ctx.now(), items),
        nextCursor: loaded.length > limit && last ? encodeCursor([last.row.created_at, last.row.id]) : null,
      };
    },
  );

  app.get(
    '/api/relocations/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: RelocationResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const loaded = await getRelocation(ctx, request.params.id);
      return (await presentRelocations(ctx.db, ctx.keys, ctx.actor, ctx.now(), [loaded]))[0];
    },
  );

  app.post(
    '/api/relocations/:id/transitions',
    {
      config: manage,
      schema: { tags, params: IdParams, body: TransitionBody, response: { 200: RelocationResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      await transitionRelocation(ctx, request.params.id, request.body);
      const loaded = await getRelocation(ctx, request.params.id);
      return (await presentRelocations(ctx.db, ctx.keys, ctx.actor, ctx.now(), [loaded]))[0];
    },
  );

  app.post(
    '/api/relocations/transitions',
    { config: manage, schema: { tags, body: BulkTransitionBody, response: { 200: BulkTransitionResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return { results: await bulkTransition(ctx, request.body.relocationIds, request.body.transition) };
    },
  );
}
