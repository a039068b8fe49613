import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import type { Actor } from '../access/actor.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import { readableGroups } from '../registry/registry.policy.js';
import { AcceptPlanBody, AcceptPlanResponse, PlanBody, PlanResponse } from './placement.schema.js';
import { acceptPlan, findPlan, planPlacement, type StoredPlan } from './placement.service.js';
import { ReceptionPermissions } from './reception.policy.js';

/** A plan with card codes, and names for roles that read them: an audited read of personal data. */
async function presentPlan(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  stored: { id: string; status: 'proposed' | 'accepted'; createdAt: string; plan: StoredPlan },
) {
  const ids = [...stored.plan.proposals, ...stored.plan.unassigned].flatMap((p) => p.personIds);
  const rows = [];
  for (let i = 0; i < ids.length; i += 5000)
    rows.push(
      ...(await db
        .selectFrom('people')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + 5000))
        .execute()),
    );
  const seesNames = readableGroups(actor).has('names');
  const identities = seesNames ? await openIdentities(db, keys, rows) : new Map();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const person = (id: string) => {
    const identity = identities.get(id);
    return {
      id,
      code: byId.get(id)?.code ?? '',
      ...(seesNames
        ? { givenName: identity?.givenName ?? '(erased)', familyName: identity?.familyName ?? null }
        : {}),
    };
  };
  const { proposals, unassigned, solution } = stored.plan;
  return {
    id: stored.id,
    status: stored.status,
    createdAt: stored.createdAt,
    proposals: proposals.map(({ personIds, ...p }) => ({ ...p, people: personIds.map(person) })),
    unassigned: unassigned.map(({ personIds, ...u }) => ({ ...u, people: personIds.map(person) })),
    solution,
  };
}

async function auditedPresent(ctx: ServiceContext, stored: Parameters<typeof presentPlan>[3]) {
  return ctx.db.transaction().execute(async (trx) => {
    await recordAudit(trx, ctx, { action: 'placement.read', entity: 'placement_plan', entityId: stored.id });
    return presentPlan(trx, ctx.keys, ctx.actor, stored);
  });
}

export async function placementRoutes(app: RouteApp): Promise<void> {
  const manage = { permission: ReceptionPermissions['reception.manage'] };
  const tags = ['reception'];

  app.post(
    '/api/placement/plan',
    { config: manage, schema: { tags, body: PlanBody, response: { 201: PlanResponse } } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      return reply.status(201).send(await auditedPresent(ctx, await planPlacement(ctx, request.body)));
    },
  );

  app.get(
    '/api/placement/plans/:id',
    { config: manage, schema: { tags, params: IdParams, response: { 200: PlanResponse } } },
    async (request) => {
      const ctx = request.serviceContext();
      return auditedPresent(ctx, await findPlan(ctx, request.params.id));
    },
  );

  app.post(
    '/api/placement/plans/:id/accept',
    {
      config: manage,
      schema: { tags, params: IdParams, body: AcceptPlanBody, response: { 201: AcceptPlanResponse } },
    },
    async (request, reply) => {
      const ctx = request.serviceContext();
      return reply
        .status(201)
        .send({ relocationIds: await acceptPlan(ctx, request.params.id, request.body) });
    },
  );
}
