import type { ServiceContext } from '../../server/context.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import {
  AccessesResponse,
  AccessResponse,
  CreateAccessBody,
  RefuseAccessBody,
} from './access/access-request.schema.js';
import {
  decideAccessRequest,
  exportAccessRequest,
  fileAccessRequest,
  getAccessRequest,
  listAccessRequests,
} from './access/access-request.service.js';
import { DataProtectionPermissions } from './dataprotection.policy.js';
import { presentAccess, presentErasure } from './dataprotection.presenter.js';
import type { AccessRequestsTable, ErasureRequestsTable } from './dataprotection.tables.js';
import {
  CreateErasureBody,
  ErasureResponse,
  ErasuresResponse,
  RefuseErasureBody,
  RequestsQuery,
} from './erasure/erasure.schema.js';
import {
  approveErasure,
  cancelErasure,
  fileErasureRequest,
  getErasureRequest,
  listErasureRequests,
  openErasureNotes,
  refuseErasure,
} from './erasure/erasure.service.js';
import { findPeopleCodes } from './requests.repository.js';

const tags = ['data protection'];
const config = { permission: DataProtectionPermissions['dataprotection.manage'] };
const ERASURES = '/api/data-protection/erasure-requests';
const ACCESS = '/api/data-protection/access-requests';

async function erasureViews(ctx: ServiceContext, rows: ErasureRequestsTable[]) {
  const [notes, people] = await Promise.all([
    openErasureNotes(ctx, rows),
    findPeopleCodes(
      ctx.db,
      rows.map((r) => r.person_id),
    ),
  ]);
  return rows.map((r) => presentErasure(r, notes.get(r.id), people, ctx.actor));
}

/** One request's view: the list's presenter applied to a single row. */
async function erasureView(ctx: ServiceContext, row: ErasureRequestsTable) {
  const [notes, people] = await Promise.all([
    openErasureNotes(ctx, [row]),
    findPeopleCodes(ctx.db, [row.person_id]),
  ]);
  return presentErasure(row, notes.get(row.id), people, ctx.actor);
}

async function accessViews(ctx: ServiceContext, rows: AccessRequestsTable[]) {
  const people = await findPeopleCodes(
    ctx.db,
    rows.map((r) => r.person_id),
  );
  return rows.map((r) => presentAccess(r, people, ctx.actor));
}

async function accessView(ctx: ServiceContext, row: AccessRequestsTable) {
  return presentAccess(row, await findPeopleCodes(ctx.db, [row.person_id]), ctx.actor);
}

export async function requestsRoutes(app: RouteApp): Promise<void> {
  app.get(
    ERASURES,
    { config, schema: { tags, querystring: RequestsQuery, response: { 200: ErasuresResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return { items: await erasureViews(ctx, await listErasureRequests(ctx, request.query)) };
    },
  );

  app.post(
    ERASURES,
    { config, schema: { tags, body: CreateErasureBody, response: { 201: ErasureResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      return reply.status(201).send(await erasureView(ctx, await fileErasureRequest(ctx, request.body)));
    },
  );

  app.get(
    `${ERASURES}/:id`,
    { config, schema: { tags, params: IdParams, response: { 200: ErasureResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return erasureView(ctx, await getErasureRequest(ctx, request.params.id));
    },
  );

  app.post(
    `${ERASURES}/:id/approve`,
    { config, schema: { tags, params: IdParams, response: { 200: ErasureResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return erasureView(ctx, await approveErasure(ctx, request.params.id));
    },
  );

  app.post(
    `${ERASURES}/:id/refuse`,
    {
      config,
      schema: { tags, params: IdParams, body: RefuseErasureBody, response: { 200: ErasureResponse } },
    },
    async (request) => {
      const ctx = request.serviceContext();
      return erasureView(ctx, await refuseErasure(ctx, request.params.id, request.body));
    },
  );

  app.post(
    `${ERASURES}/:id/cancel`,
    { config, schema: { tags, params: IdParams, response: { 200: ErasureResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return erasureView(ctx, await cancelErasure(ctx, request.params.id));
    },
  );

  app.get(
    ACCESS,
    { config, schema: { tags, querystring: RequestsQuery, response: { 200: AccessesResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return { items: await accessViews(ctx, await listAccessRequests(ctx, request.query)) };
    },
  );

  app.post(
    ACCESS,
    { config, schema: { tags, body: CreateAccessBody, response: { 201: AccessResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      return reply.status(201).send(await accessView(ctx, await fileAccessRequest(ctx, request.body)));
    },
  );

  app.get(
    `${ACCESS}/:id`,
    { config, schema: { tags, params: IdParams, response: { 200: AccessResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return accessView(ctx, await getAccessRequest(ctx, request.params.id));
    },
  );

  app.post(
    `${ACCESS}/:id/approve`,
    { config, schema: { tags, params: IdParams, response: { 200: AccessResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return accessView(ctx, await decideAccessRequest(ctx, request.params.id, { status: 'approved' }));
    },
  );

  app.post(
    `${ACCESS}/:id/refuse`,
    { config, schema: { tags, params: IdParams, body: RefuseAccessBody, response: { 200: AccessResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const row = await decideAccessRequest(ctx, request.params.id, {
        status: 'refused',
        reason: request.body.reason,
      });
      return accessView(ctx, row);
    },
  );

  app.post(
    `${ACCESS}/:id/cancel`,
    { config, schema: { tags, params: IdParams, response: { 200: AccessResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return accessView(ctx, await decideAccessRequest(ctx, request.params.id, { status: 'cancelled' }));
    },
  );

  // Downloads, never shown in the app's origin; each one is an audited read of the whole record.
  app.get(
    `${ACCESS}/:id/export.json`,
    { config, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { data } = await exportAccessRequest(request.serviceContext(), request.params.id, 'json');
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="subject-access-${data.person.code}.json"`)
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.get(
    `${ACCESS}/:id/export.pdf`,
    { config, schema: { tags, params: IdParams } },
    async (request, reply) => {
      const { data, pdf } = await exportAccessRequest(request.serviceContext(), request.params.id, 'pdf');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="subject-access-${data.person.code}.pdf"`)
        .send(pdf);
    },
  );
}
