import { IdParams, OkResponse } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { decideApproval, requestApproval } from './approvals.service.js';
import { AssessmentBody } from './assessments.schema.js';
import { recordAssessment } from './assessments.service.js';
import { CasePermissions } from './cases.policy.js';
import { CaseSummaryResponse } from './cases.schema.js';
import { recordPlan, updateActionStatus } from './plans.service.js';
import {
  ActionUpdateBody,
  ApprovalDecisionBody,
  ApprovalRequestBody,
  ApprovalResponse,
  AssessmentCreatedResponse,
  CaseItemParams,
  PlanBody,
  PlanCreatedResponse,
} from './work.schema.js';

/** Assessments, plans and their actions, approvals: the steps of the workflow. */
export async function caseWorkRoutes(app: RouteApp): Promise<void> {
  const write = { permission: CasePermissions['cases.write'] };
  const tags = ['cases'];

  app.post(
    '/api/cases/:id/assessments',
    {
      config: write,
      schema: { tags, params: IdParams, body: AssessmentBody, response: { 201: AssessmentCreatedResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await recordAssessment(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/plans',
    {
      config: write,
      schema: { tags, params: IdParams, body: PlanBody, response: { 201: PlanCreatedResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await recordPlan(request.serviceContext(), request.params.id, request.body)),
  );

  app.patch(
    '/api/cases/:id/actions/:itemId',
    {
      config: write,
      schema: { tags, params: CaseItemParams, body: ActionUpdateBody, response: { 200: OkResponse } },
    },
    async (request) =>
      updateActionStatus(
        request.serviceContext(),
        request.params.id,
        request.params.itemId,
        request.body.status,
      ),
  );

  app.post(
    '/api/cases/:id/approvals',
    {
      config: write,
      schema: { tags, params: IdParams, body: ApprovalRequestBody, response: { 201: ApprovalResponse } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requestApproval(request.serviceContext(), request.params.id, request.body)),
  );

  app.post(
    '/api/cases/:id/approvals/:itemId/decision',
    {
      config: { permission: CasePermissions['cases.approve'] },
      schema: {
        tags,
        params: CaseItemParams,
        body: ApprovalDecisionBody,
        response: { 200: CaseSummaryResponse },
      },
    },
    async (request) =>
      decideApproval(request.serviceContext(), request.params.id, request.params.itemId, request.body),
  );
}
