import { z } from 'zod';
import { decodeCursor, encodeCursor, isString } from '../../server/http/cursor.js';
import { IdParams, OkResponse, page } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { AccessPermissions } from './access.policy.js';
import { presentOrganisation, presentUser } from './access.presenter.js';
import {
  CreateOrganisationBody,
  CreateUserBody,
  OrganisationResponse,
  UpdateUserBody,
  UserResponse,
  UsersQuery,
} from './access.schema.js';
import {
  createOrganisation,
  createUser,
  getUser,
  listOrganisations,
  listUsers,
  revokeUserSessions,
  updateUser,
} from './users.service.js';

/** User and organisation administration. */
export async function usersRoutes(app: RouteApp): Promise<void> {
  const manageUsers = { permission: AccessPermissions['users.manage'] };

  app.get(
    '/api/users',
    {
      config: manageUsers,
      schema: { tags: ['users'], querystring: UsersQuery, response: { 200: page(UserResponse) } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      const { limit, cursor } = request.query;
      const rows = await listUsers(ctx, { afterEmail: decodeCursor(cursor, isString), limit: limit + 1 });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items: items.map((u) => presentUser(u, ctx.actor)),
        nextCursor: rows.length > limit && last ? encodeCursor(last.email) : null,
      };
    },
  );

  app.post(
    '/api/users',
    {
      config: manageUsers,
      schema: { tags: ['users'], body: CreateUserBody, response: { 201: UserResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const user = await createUser(ctx, { ...request.body, orgId: ctx.actor.orgId ?? '' });
      return reply.status(201).send(presentUser(user, ctx.actor));
    },
  );

  app.get(
    '/api/users/:id',
    { config: manageUsers, schema: { tags: ['users'], params: IdParams, response: { 200: UserResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return presentUser(await getUser(ctx, request.params.id), ctx.actor);
    },
  );

  app.patch(
    '/api/users/:id',
    {
      config: manageUsers,
      schema: { tags: ['users'], params: IdParams, body: UpdateUserBody, response: { 200: UserResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return presentUser(await updateUser(ctx, request.params.id, request.body), ctx.actor);
    },
  );

  app.post(
    '/api/users/:id/sessions/revoke',
    { config: manageUsers, schema: { tags: ['users'], params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await revokeUserSessions(request.serviceContext(), request.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/organisations',
    {
      config: { permission: AccessPermissions['organisations.read'] },
      schema: {
        tags: ['organisations'],
        response: { 200: z.object({ items: z.array(OrganisationResponse) }) },
      },
    },
    async (request) => ({
      items: (await listOrganisations(request.serviceContext())).map(presentOrganisation),
    }),
  );

  app.post(
    '/api/organisations',
    {
      config: { permission: AccessPermissions['organisations.manage'] },
      schema: {
        tags: ['organisations'],
        body: CreateOrganisationBody,
        response: { 201: OrganisationResponse },
      },
    },
    async (request, reply) => {
      const org = await createOrganisation(request.serviceContext(), request.body);
      return reply.status(201).send(presentOrganisation(org));
    },
  );
}
