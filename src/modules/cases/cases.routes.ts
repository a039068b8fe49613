import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { caseRecordRoutes } from './case-records.routes.js';
import { caseWorkRoutes } from './case-work.routes.js';
import { CasePermissions } from './cases.policy.js';
import {
  CaseloadResponse,
  CaseSummaryResponse,
  CasesPage,
  CasesQuery,
  OpenCaseBody,
  ReassignBody,
  TransitionBody,
  UpdateCaseBody,
} from './cases.schema.js';
import { openCase, reassignCase, updateCase } from './cases.service.js';
import { getCaseDetail, getCaseTimeline, listCases } from './cases-query.service.js';
import { referralRoutes } from './referrals.routes.js';
import { caseload, listCaseworkers } from './supervision.service.js';
import { transitionCase } from './transitions.service.js';
import { CaseDetailResponse, TimelineResponse } from './work.schema.js';

type Cursor = { o: string; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Cursor).o === 'string' &&
  typeof (v as Cursor).i === 'string';

/** Protection cases: the case itself, its workflow and supervision; work and referrals in sibling files. */
export async function casesRoutes(app: RouteApp): Promise<void> {
  const read = { permission: CasePermissions['cases.read'] };
  const write = { permission: CasePermissions['cases.write'] };
  const tags = ['cases'];

  app.post(
    '/api/cases',
    { config: write, schema: { tags, body: OpenCaseBody, response: { 201: CaseSummaryResponse } } },
    async (request, reply) => reply.status(201).send(await openCase(request.serviceContext(), request.body)),
  );

  app.get(
    '/api/cases',
    { config: read, schema: { tags, querystring: CasesQuery, response: { 200: CasesPage } } },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const position = decodeCursor(cursor, isCursor);
      const items = await listCases(request.serviceContext(), {
        filter,
        after: position ? { openedAt: position.o, id: position.i } : undefined,
        limit: limit + 1,
      });
      const shown = items.slice(0, limit);
      const last = shown.at(-1);
      return {
        items: shown,
        nextCursor: items.length > limit && last ? encodeCursor({ o: last.openedAt, i: last.id }) : null,
      };
    },
  );

  app.get(
    '/api/cases/caseload',
    {
      config: { permission: CasePermissions['cases.supervise'] },
      schema: { tags, response: { 200: CaseloadResponse } },
    },
    async (request) => caseload(request.serviceContext()),
  );

  app.get(
    '/api/cases/caseworkers',
    {
      config: read,
      schema: {
        tags,
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) }) },
      },
    },
    async (request) => ({ items: await listCaseworkers(request.serviceContext()) }),
  );

  app.get(
    '/api/cases/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: CaseDetailResponse } } },
    async (request) => getCaseDetail(request.serviceContext(), request.params.id),
  );

  app.patch(
    '/api/cases/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateCaseBody, response: { 200: CaseSummaryResponse } },
    },
    async (request) => updateCase(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      config: write,
      schema: { tags, params: IdParams, body: TransitionBody, response: { 200: CaseSummaryResponse } },
    },
    async (request) => transitionCase(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/api/cases/:id/reassign',
    {
      config: { permission: CasePermissions['cases.reassign'] },
      schema: { tags, params: IdParams, body: ReassignBody, response: { 200: CaseSummaryResponse } },
    },
    async (request) => reassignCase(request.serviceContext(), request.params.id, request.body),
  );

  app.get(
    '/api/cases/:id/timeline',
    { config: read, schema: { tags, params: IdParams, response: { 200: TimelineResponse } } },
    async (request) => ({ items: await getCaseTimeline(request.serviceContext(), request.params.id) }),
  );

  await caseWorkRoutes(app);
  await caseRecordRoutes(app);
  await referralRoutes(app);
}
