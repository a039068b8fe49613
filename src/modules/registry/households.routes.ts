import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { addHouseholdMember, createHousehold, getHousehold } from './households.service.js';
import { RegistryPermissions } from './registry.policy.js';
import { AddMemberBody, CreateHouseholdBody, HouseholdResponse } from './registry.schema.js';

export async function householdsRoutes(app: RouteApp): Promise<void> {
  const write = { permission: RegistryPermissions['households.write'] };

  app.post(
    '/api/households',
    {
      config: write,
      schema: { tags: ['households'], body: CreateHouseholdBody, response: { 201: HouseholdResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const household = await createHousehold(ctx, request.body);
      return reply.status(201).send(await getHousehold(ctx, household.id));
    },
  );

  app.get(
    '/api/households/:id',
    {
      config: { permission: RegistryPermissions['people.read'] },
      schema: { tags: ['households'], params: IdParams, response: { 200: HouseholdResponse } },
    },
    async (request) => getHousehold(request.serviceContext(), request.params.id),
  );

  app.post(
    '/api/households/:id/members',
    {
      config: write,
      schema: {
        tags: ['households'],
        params: IdParams,
        body: AddMemberBody,
        response: { 200: HouseholdResponse },
      },
    },
    async (request) => addHouseholdMember(request.serviceContext(), request.params.id, request.body),
  );
}
