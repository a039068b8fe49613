import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { appointmentsRoutes } from './appointments.routes.js';
import { cardsRoutes } from './cards.routes.js';
import { interpretersRoutes } from './interpreters.routes.js';
import { PathwayPermissions } from './pathways.policy.js';
import {
  AddDocumentBody,
  ChoosePathwayBody,
  OpenProcedureBody,
  PathwayResponse,
  PersonPathwaysResponse,
  ProcedureResponse,
  RecordStageBody,
} from './pathways.schema.js';
import { choosePathway, getPersonPathways, openProcedure } from './pathways.service.js';
import { addDocument, getProcedure, recordStage } from './procedures.service.js';

/** Legal pathways: a person's route and procedures here; appointments, interpreters and cards beside. */
export async function pathwaysRoutes(app: RouteApp): Promise<void> {
  const read = { permission: PathwayPermissions['pathways.read'] };
  const write = { permission: PathwayPermissions['pathways.write'] };
  const tags = ['pathways'];

  app.get(
    '/api/people/:id/pathways',
    { config: read, schema: { tags, params: IdParams, response: { 200: PersonPathwaysResponse } } },
    async (request) => getPersonPathways(request.serviceContext(), request.params.id),
  );

  app.post(
    '/api/people/:id/pathways',
    {
      config: write,
      schema: { tags, params: IdParams, body: ChoosePathwayBody, response: { 201: PathwayResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await choosePathway(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/people/:id/procedures',
    {
      config: write,
      schema: { tags, params: IdParams, body: OpenProcedureBody, response: { 201: ProcedureResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await openProcedure(request.serviceContext(), request.params.id, request.body)),
  );

  app.get(
    '/api/procedures/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: ProcedureResponse } } },
    async (request) => getProcedure(request.serviceContext(), request.params.id),
  );

  app.post(
    '/api/procedures/:id/events',
    {
      config: write,
      schema: { tags, params: IdParams, body: RecordStageBody, response: { 201: ProcedureResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordStage(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/procedures/:id/documents',
    {
      config: write,
      schema: { tags, params: IdParams, body: AddDocumentBody, response: { 201: ProcedureResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await addDocument(request.serviceContext(), request.params.id, request.body)),
  );

  await app.register(appointmentsRoutes);
  await app.register(interpretersRoutes);
  await app.register(cardsRoutes);
}
