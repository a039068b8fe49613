import { IdParams, OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { addAttachment, readAttachment } from './attachments.service.js';
import { CasePermissions } from './cases.policy.js';
import { addFollowUp, addNote, addService, raiseFlag, removeFlag } from './records.service.js';
import {
  AttachmentBody,
  AttachmentResponse,
  CaseItemParams,
  FlagBody,
  FlagRemoveBody,
  FlagResponse,
  FollowUpBody,
  NoteBody,
  ServiceBody,
  WorkRecordResponse,
} from './work.schema.js';

/** Follow-ups, notes, services, flags and files: the record of work done on a case. */
export async function caseRecordRoutes(app: RouteApp): Promise<void> {
  const write = { permission: CasePermissions['cases.write'] };
  const tags = ['cases'];
  const created = { 201: WorkRecordResponse };

  app.post(
    '/api/cases/:id/follow-ups',
    { config: write, schema: { tags, params: IdParams, body: FollowUpBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await addFollowUp(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/notes',
    { config: write, schema: { tags, params: IdParams, body: NoteBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await addNote(request.serviceContext(), request.params.id, request.body.text)),
  );

  app.post(
    '/api/cases/:id/services',
    { config: write, schema: { tags, params: IdParams, body: ServiceBody, response: created } },
    async (request, reply) =>
      reply.status(201).send(await addService(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/flags',
    { config: write, schema: { tags, params: IdParams, body: FlagBody, response: { 201: FlagResponse } } },
    async (request, reply) =>
      reply.status(201).send(await raiseFlag(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/flags/:itemId/remove',
    {
      config: write,
      schema: { tags, params: CaseItemParams, body: FlagRemoveBody, response: { 200: OkResponse } },
    },
    async (request) =>
      removeFlag(request.serviceContext(), request.params.id, request.params.itemId, request.body.reason),
  );

  app.post(
    '/api/cases/:id/attachments',
    {
      config: write,
      schema: { tags, params: IdParams, body: AttachmentBody, response: { 201: AttachmentResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await addAttachment(request.serviceContext(), request.params.id, request.body)),
  );

  app.get(
    '/api/cases/:id/attachments/:itemId',
    { config: { permission: CasePermissions['cases.read'] }, schema: { tags, params: CaseItemParams } },
    async (request, reply) => {
      const file = await readAttachment(request.serviceContext(), request.params.id, request.params.itemId);
      // Always a download, never rendered in the app's origin; the type is the one detected at upload.
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.bytes);
    },
  );
}
