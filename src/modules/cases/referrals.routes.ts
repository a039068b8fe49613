import { z } from 'zod';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import { CasePermissions } from './cases.policy.js';
import { decideReferral } from './referral-decisions.service.js';
import { listReferrals, referCase, revokeReferral } from './referrals.service.js';
import {
  ReferralBody,
  ReferralDecisionBody,
  ReferralResponse,
  ReferralRevokeBody,
  ReferralsQuery,
} from './work.schema.js';

/** Referrals and transfers between organisations, with the consent gate. */
export async function referralRoutes(app: RouteApp): Promise<void> {
  const read = { permission: CasePermissions['cases.read'] };
  const write = { permission: CasePermissions['cases.write'] };
  const tags = ['referrals'];

  app.post(
    '/api/cases/:id/referrals',
    {
      config: write,
      schema: { tags, params: IdParams, body: ReferralBody, response: { 201: ReferralResponse } },
    },
    async (request, reply) =>
      reply.status(201).send(await referCase(request.serviceContext(), request.params.id, request.body)),
  );

  app.get(
    '/api/referrals',
    {
      config: read,
      schema: {
        tags,
        querystring: ReferralsQuery,
        response: { 200: z.object({ items: z.array(ReferralResponse) }) },
      },
    },
    async (request) => ({ items: await listReferrals(request.serviceContext(), request.query) }),
  );

  app.post(
    '/api/referrals/:id/decision',
    {
      config: write,
      schema: { tags, params: IdParams, body: ReferralDecisionBody, response: { 200: ReferralResponse } },
    },
    async (request) => decideReferral(request.serviceContext(), request.params.id, request.body),
  );

  app.post(
    '/api/referrals/:id/revoke',
    {
      config: write,
      schema: { tags, params: IdParams, body: ReferralRevokeBody, response: { 200: ReferralResponse } },
    },
    async (request) => revokeReferral(request.serviceContext(), request.params.id, request.body.reason),
  );
}
