import { z } from 'zod';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { bookInterpreter, cancelInterpreterBooking } from './bookings.service.js';
import {
  BookingResponse,
  CreateBookingBody,
  CreateInterpreterBody,
  InterpreterResponse,
  InterpretersQuery,
  UpdateInterpreterBody,
  UsageQuery,
  UsageResponse,
} from './interpreters.schema.js';
import {
  changeInterpreter,
  createInterpreter,
  interpreterUsage,
  listInterpreters,
} from './interpreters.service.js';
import { PathwayPermissions } from './pathways.policy.js';

export async function interpretersRoutes(app: RouteApp): Promise<void> {
  const tags = ['interpreters'];
  const manage = { permission: PathwayPermissions['interpreters.manage'] };
  const book = { permission: PathwayPermissions['appointments.write'] };

  app.get(
    '/api/interpreters',
    {
      config: { permission: PathwayPermissions['interpreters.read'] },
      schema: {
        tags,
        querystring: InterpretersQuery,
        response: { 200: z.object({ items: z.array(InterpreterResponse) }) },
      },
    },
    async (request) => ({ items: await listInterpreters(request.serviceContext(), request.query) }),
  );

  app.post(
    '/api/interpreters',
    { config: manage, schema: { tags, body: CreateInterpreterBody, response: { 201: InterpreterResponse } } },
    async (request, reply) =>
      reply.status(201).send(await createInterpreter(request.serviceContext(), request.body)),
  );

  app.patch(
    '/api/interpreters/:id',
    {
      config: manage,
      schema: { tags, params: IdParams, body: UpdateInterpreterBody, response: { 200: InterpreterResponse } },
    },
    async (request) => changeInterpreter(request.serviceContext(), request.params.id, request.body),
  );

  app.get(
    '/api/interpreters/usage',
    {
      config: { permission: PathwayPermissions['interpreters.statistics'] },
      schema: { tags, querystring: UsageQuery, response: { 200: UsageResponse } },
    },
    async (request) => interpreterUsage(request.serviceContext(), request.query.from, request.query.to),
  );

  app.post(
    '/api/interpreter-bookings',
    { config: book, schema: { tags, body: CreateBookingBody, response: { 201: BookingResponse } } },
    async (request, reply) =>
      reply.status(201).send(await bookInterpreter(request.serviceContext(), request.body)),
  );

  app.post(
    '/api/interpreter-bookings/:id/cancel',
    { config: book, schema: { tags, params: IdParams, response: { 200: BookingResponse } } },
    async (request) => cancelInterpreterBooking(request.serviceContext(), request.params.id),
  );
}
