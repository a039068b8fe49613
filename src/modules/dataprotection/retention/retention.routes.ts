import { IdParams, OkResponse } from '../../../server/http/schema-helpers.js';
import type { RouteApp } from '../../../server/http/types.js';
import { DataProtectionPermissions } from '../dataprotection.policy.js';
import { presentHold, presentPolicy, presentRun } from '../dataprotection.presenter.js';
import { findActiveHolds, findRuns } from './retention.repository.js';
import {
  CreateHoldBody,
  CreatePolicyBody,
  HoldResponse,
  HoldsResponse,
  PoliciesResponse,
  PolicyResponse,
  RecordTypesResponse,
  ReportResponse,
  RunBody,
  RunsResponse,
  UpdatePolicyBody,
} from './retention.schema.js';
import {
  changePolicy,
  createPolicy,
  liftHold,
  listPolicies,
  orgOf,
  placeHold,
  recordTypeStatuses,
  todayOf,
} from './retention.service.js';
import { runRetention } from './retention-run.service.js';

const tags = ['data protection'];
const config = { permission: DataProtectionPermissions['dataprotection.manage'] };
const BASE = '/api/data-protection/retention';

export async function retentionRoutes(app: RouteApp): Promise<void> {
  app.get(
    `${BASE}/record-types`,
    { config, schema: { tags, response: { 200: RecordTypesResponse } } },
    async () => ({
      items: recordTypeStatuses(),
    }),
  );

  app.get(
    `${BASE}/policies`,
    { config, schema: { tags, response: { 200: PoliciesResponse } } },
    async (request) => {
      const { policies, holds } = await listPolicies(request.serviceContext());
      return { items: policies.map((p) => presentPolicy(p, holds)) };
    },
  );

  app.post(
    `${BASE}/policies`,
    { config, schema: { tags, body: CreatePolicyBody, response: { 201: PolicyResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const row = await createPolicy(ctx, request.body);
      return reply
        .status(201)
        .send(presentPolicy(row, await findActiveHolds(ctx.db, row.org_id, todayOf(ctx))));
    },
  );

  app.patch(
    `${BASE}/policies/:id`,
    { config, schema: { tags, params: IdParams, body: UpdatePolicyBody, response: { 200: PolicyResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      const row = await changePolicy(ctx, request.params.id, request.body);
      return presentPolicy(row, await findActiveHolds(ctx.db, row.org_id, todayOf(ctx)));
    },
  );

  // The next run's dry-run report, computed now and not stored.
  app.get(
    `${BASE}/preview`,
    { config, schema: { tags, response: { 200: ReportResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return runRetention(ctx, orgOf(ctx), { dryRun: true, trigger: 'manual', store: false });
    },
  );

  app.post(
    `${BASE}/runs`,
    { config, schema: { tags, body: RunBody, response: { 201: ReportResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const report = await runRetention(ctx, orgOf(ctx), { dryRun: request.body.dryRun, trigger: 'manual' });
      return reply.status(201).send(report);
    },
  );

  app.get(`${BASE}/runs`, { config, schema: { tags, response: { 200: RunsResponse } } }, async (request) => {
    const ctx = request.serviceContext();
    return { items: (await findRuns(ctx.db, orgOf(ctx), 20)).map(presentRun) };
  });

  app.get(
    `${BASE}/holds`,
    { config, schema: { tags, response: { 200: HoldsResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return { items: (await findActiveHolds(ctx.db, orgOf(ctx), todayOf(ctx))).map(presentHold) };
    },
  );

  app.post(
    `${BASE}/holds`,
    { config, schema: { tags, body: CreateHoldBody, response: { 201: HoldResponse } } },
    async (request, reply) =>
      reply.status(201).send(presentHold(await placeHold(request.serviceContext(), request.body))),
  );

  app.post(
    `${BASE}/holds/:id/release`,
    { config, schema: { tags, params: IdParams, response: { 200: OkResponse } } },
    async (request) => {
      await liftHold(request.serviceContext(), request.params.id);
      return { ok: true as const };
    },
  );
}
