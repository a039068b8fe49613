import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { COUNTRIES } from './countries.js';
import { registerPerson } from './people.service.js';
import { getPerson, personHistory, searchPeople } from './people-query.service.js';
import { changeConsent, changeNeeds, updatePerson } from './people-update.service.js';
import { RegistryPermissions } from './registry.policy.js';
import { presentPerson } from './registry.presenter.js';
import {
  ConsentChangeBody,
  HistoryEntry,
  NeedsBody,
  PersonResponse,
  RegisterPersonBody,
  RegisterPersonResponse,
  SearchPeopleQuery,
  SearchPeopleResponse,
  UpdatePersonBody,
} from './registry.schema.js';
import { SPECIFIC_NEEDS } from './specific-needs.js';

type Cursor = { o: number } | { c: string; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' &&
  v !== null &&
  ((Number.isInteger((v as { o?: unknown }).o) && (v as { o: number }).o >= 0) ||
    (typeof (v as { c?: unknown }).c === 'string' && typeof (v as { i?: unknown }).i === 'string'));

export async function peopleRoutes(app: RouteApp): Promise<void> {
  const read = { permission: RegistryPermissions['people.read'] };

  app.post(
    '/api/people',
    {
      config: { permission: RegistryPermissions['people.register'] },
      schema: { tags: ['people'], body: RegisterPersonBody, response: { 201: RegisterPersonResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const { view, possibleDuplicates } = await registerPerson(ctx, request.body);
      return reply
        .status(201)
        .send({ person: presentPerson(view, ctx.actor, ctx.now()), possibleDuplicates });
    },
  );

  app.get(
    '/api/people',
    {
      config: read,
      schema: { tags: ['people'], querystring: SearchPeopleQuery, response: { 200: SearchPeopleResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { cursor, ...query } = request.query;
      const position = decodeCursor(cursor, isCursor);
      const offset = position && 'o' in position ? position.o : 0;
      const after = position && 'c' in position ? { createdAt: position.c, id: position.i } : undefined;
      const outcome = await searchPeople(ctx, { ...query, offset, after });
      const last = outcome.views.at(-1);
      const nextCursor =
        !outcome.hasMore || !last
          ? null
          : query.q
            ? encodeCursor({ o: offset + query.limit })
            : encodeCursor({ c: last.row.created_at, i: last.row.id });
      return {
        items: outcome.views.map((view) => ({
          ...presentPerson(view, ctx.actor, ctx.now()),
          ...(view.match ? { match: view.match } : {}),
        })),
        nextCursor,
      };
    },
  );

  app.get(
    '/api/people/:id',
    { config: read, schema: { tags: ['people'], params: IdParams, response: { 200: PersonResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return presentPerson(await getPerson(ctx, request.params.id), ctx.actor, ctx.now());
    },
  );

  app.patch(
    '/api/people/:id',
    {
      config: { permission: RegistryPermissions['people.update'] },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: UpdatePersonBody,
        response: { 200: PersonResponse },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return presentPerson(await updatePerson(ctx, request.params.id, request.body), ctx.actor, ctx.now());
    },
  );

  app.post(
    '/api/people/:id/needs',
    {
      config: { permission: RegistryPermissions['people.protection_update'] },
      schema: { tags: ['people'], params: IdParams, body: NeedsBody, response: { 200: PersonResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return presentPerson(await changeNeeds(ctx, request.params.id, request.body), ctx.actor, ctx.now());
    },
  );

  app.post(
    '/api/people/:id/consent',
    {
      config: { permission: RegistryPermissions['people.protection_update'] },
      schema: {
        tags: ['people'],
        params: IdParams,
        body: ConsentChangeBody,
        response: { 200: PersonResponse },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return presentPerson(await changeConsent(ctx, request.params.id, request.body), ctx.actor, ctx.now());
    },
  );

  app.get(
    '/api/people/:id/history',
    {
      config: read,
      schema: {
        tags: ['people'],
        params: IdParams,
        response: { 200: z.object({ items: z.array(HistoryEntry) }) },
      },
    },
    async (request) => ({ items: await personHistory(request.serviceContext(), request.params.id) }),
  );

  app.get(
    '/api/reference/specific-needs',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['reference'],
        response: {
          200: z.object({
            items: z.array(z.object({ code: z.string(), category: z.string(), label: z.string() })),
          }),
        },
      },
    },
    async () => ({ items: [...SPECIFIC_NEEDS] }),
  );

  app.get(
    '/api/reference/countries',
    {
      config: { permission: 'self' },
      schema: {
        tags: ['reference'],
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), name: z.string() })) }) },
      },
    },
    async () => ({ items: COUNTRIES.map(([code, name]) => ({ code, name })) }),
  );
}
