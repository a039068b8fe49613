import { decodeCursor, encodeCursor } from '../../server/http/cursor.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { setEvidence, updateCaseFacts } from './case-updates.service.js';
import { ReunificationPermissions } from './reunification.policy.js';
import {
  AlertSettingsBody,
  AlertSettingsResponse,
  CaseDetailResponse,
  CasesPage,
  CasesQuery,
  CreateReunificationCaseBody,
  DashboardResponse,
  DeadlinesResponse,
  EvidenceBody,
  EvidenceParams,
  TransitionBody,
  UpdateCaseBody,
} from './reunification.schema.js';
import { createReunificationCase } from './reunification.service.js';
import {
  dashboard,
  getAlertSettings,
  getCase,
  getDeadlines,
  listReunificationCases,
  setAlertSettings,
} from './reunification-query.service.js';
import { RULE_SETS } from './rule-sets.js';
import { tracingRoutes } from './tracing.routes.js';
import { transitionCase } from './transitions.service.js';

type Cursor = { c: string; i: string };
const isCursor = (v: unknown): v is Cursor =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Cursor).c === 'string' &&
  typeof (v as Cursor).i === 'string';

/** Reunification cases, their stages, evidence and legal clocks; tracing routes beside them. */
export async function reunificationRoutes(app: RouteApp): Promise<void> {
  const read = { permission: ReunificationPermissions['reunification.read'] };
  const write = { permission: ReunificationPermissions['reunification.write'] };
  const configure = { permission: ReunificationPermissions['reunification.configure'] };
  const tags = ['reunification'];

  app.post(
    '/api/reunification-cases',
    {
      config: write,
      schema: { tags, body: CreateReunificationCaseBody, response: { 201: CaseDetailResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await createReunificationCase(request.serviceContext(), request.body)),
  );

  app.get(
    '/api/reunification-cases',
    { config: read, schema: { tags, querystring: CasesQuery, response: { 200: CasesPage } } },
    async (request) => {
      const { limit, cursor, stage, active } = request.query;
      const position = decodeCursor(cursor, isCursor);
      const items = await listReunificationCases(request.serviceContext(), {
        stage,
        active: active === undefined ? undefined : active === 'true',
        after: position ? { createdAt: position.c, id: position.i } : undefined,
        limit: limit + 1,
      });
      const shown = items.slice(0, limit);
      const last = shown.at(-1);
      return {
        items: shown,
        nextCursor: items.length > limit && last ? encodeCursor({ c: last.createdAt, i: last.id }) : null,
      };
    },
  );

  app.get(
    '/api/reunification-cases/dashboard',
    { config: read, schema: { tags, response: { 200: DashboardResponse } } },
    async (request) => dashboard(request.serviceContext()),
  );

  app.get('/api/reunification/rule-sets', { config: read, schema: { tags } }, async () => ({
    items: RULE_SETS,
  }));

  app.get(
    '/api/reunification/alert-settings',
    { config: configure, schema: { tags, response: { 200: AlertSettingsResponse } } },
    async (request) => getAlertSettings(request.serviceContext()),
  );

  app.put(
    '/api/reunification/alert-settings',
    {
      config: configure,
      schema: { tags, body: AlertSettingsBody, response: { 200: AlertSettingsResponse } },
    },
    async (request) => setAlertSettings(request.serviceContext(), request.body.leadDays),
  );

  app.get(
    '/api/reunification-cases/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: CaseDetailResponse } } },
    async (request) => getCase(request.serviceContext(), request.params.id),
  );

  app.patch(
    '/api/reunification-cases/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateCaseBody, response: { 200: CaseDetailResponse } },
    },
    async (request) => updateCaseFacts(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/api/reunification-cases/:id/transitions',
    {
      config: write,
      schema: { tags, params: IdParams, body: TransitionBody, response: { 200: CaseDetailResponse } },
    },
    async (request) => transitionCase(request.serviceContext(), request.params.id, request.body),
  );

  app.get(
    '/api/reunification-cases/:id/deadlines',
    { config: read, schema: { tags, params: IdParams, response: { 200: DeadlinesResponse } } },
    async (request) => getDeadlines(request.serviceContext(), request.params.id),
  );

  app.put(
    '/api/reunification-cases/:id/evidence/:item',
    {
      config: write,
      schema: { tags, params: EvidenceParams, body: EvidenceBody, response: { 200: CaseDetailResponse } },
    },
    async (request) =>
      setEvidence(request.serviceContext(), request.params.id, request.params.item, request.body.status),
  );

  await tracingRoutes(app);
}
