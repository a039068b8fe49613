import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { getAvailability, loadCentres, setCapacity } from './capacity.service.js';
import { createConvoy, loadConvoys, passengerList } from './convoys.service.js';
import { placementRoutes } from './placement.routes.js';
import { getPreferences, setPreferences } from './preferences.service.js';
import { ReceptionPermissions } from './reception.policy.js';
import {
  AvailabilityQuery,
  AvailabilityResponse,
  CapacityBody,
  CapacityResponse,
  ConvoyResponse,
  ConvoysQuery,
  CreateConvoyBody,
  PassengerListResponse,
  PreferencesBody,
  PreferencesResponse,
  RecordReturnBody,
  ReturnRatesQuery,
  ReturnRatesResponse,
} from './reception.schema.js';
import { relocationsRoutes } from './relocations.routes.js';
import { recordReturn, returnRates } from './returns.service.js';

/** Capacity, availability, convoys, returns and preferences; relocations and the planner beside. */
export async function receptionRoutes(app: RouteApp): Promise<void> {
  const manage = { permission: ReceptionPermissions['reception.manage'] };
  const tags = ['reception'];

  app.put(
    '/api/sites/:id/capacity',
    {
      config: manage,
      schema: { tags, params: IdParams, body: CapacityBody, response: { 200: CapacityResponse } },
    },
    async (request) => setCapacity(request.serviceContext(), request.params.id, request.body),
  );

  app.get(
    '/api/sites/:id/capacity',
    {
      config: { permission: ReceptionPermissions['reception.availability'] },
      schema: { tags, params: IdParams, response: { 200: CapacityResponse } },
    },
    async (request) => {
      const [centre] = await loadCentres(request.serviceContext().db, { siteId: request.params.id });
      if (!centre) throw AppError.notFound('centre');
      return centre;
    },
  );

  app.get(
    '/api/reception/availability',
    {
      config: { permission: ReceptionPermissions['reception.availability'] },
      schema: { tags, querystring: AvailabilityQuery, response: { 200: AvailabilityResponse } },
    },
    async (request) => getAvailability(request.serviceContext(), request.query),
  );

  app.get(
    '/api/reception/returns',
    {
      config: { permission: ReceptionPermissions['reception.statistics'] },
      schema: { tags, querystring: ReturnRatesQuery, response: { 200: ReturnRatesResponse } },
    },
    async (request) => returnRates(request.serviceContext(), request.query),
  );

  app.post(
    '/api/reception/returns',
    {
      config: manage,
      schema: { tags, body: RecordReturnBody, response: { 201: z.object({ relocationId: z.string() }) } },
    },
    async (request, reply) =>
      reply.status(201).send({ relocationId: await recordReturn(request.serviceContext(), request.body) }),
  );

  app.post(
    '/api/convoys',
    { config: manage, schema: { tags, body: CreateConvoyBody, response: { 201: ConvoyResponse } } },
    async (request, reply) =>
      reply.status(201).send(await createConvoy(request.serviceContext(), request.body)),
  );

  app.get(
    '/api/convoys',
    {
      config: manage,
      schema: {
        tags,
        querystring: ConvoysQuery,
        response: { 200: z.object({ items: z.array(ConvoyResponse) }) },
      },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return { items: await loadConvoys(ctx.db, ctx.actor, request.query) };
    },
  );

  app.get(
    '/api/convoys/:id/passengers',
    { config: manage, schema: { tags, params: IdParams, response: { 200: PassengerListResponse } } },
    async (request) => passengerList(request.serviceContext(), request.params.id),
  );

  app.get(
    '/api/reception/preferences/:id',
    { config: manage, schema: { tags, params: IdParams, response: { 200: PreferencesResponse } } },
    async (request) => getPreferences(request.serviceContext(), request.params.id),
  );

  app.put(
    '/api/reception/preferences/:id',
    {
      config: manage,
      schema: { tags, params: IdParams, body: PreferencesBody, response: { 200: PreferencesResponse } },
    },
    async (request) => setPreferences(request.serviceContext(), request.params.id, request.body),
  );

  await app.register(relocationsRoutes);
  await app.register(placementRoutes);
}
