import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { buildProblem, DEFAULT_WEIGHTS, type PinsAndExclusions, reasonsFor } from './placement/model.js';
import { DEFAULT_SOLVER_OPTIONS } from './placement/solver.js';
import { solveInWorker } from './placement/solver-runner.js';
import type { AcceptPlanBody, PlanBody } from './placement.schema.js';
import { loadPlanCentres, loadWaitingPeople, toPlanHouseholds } from './placement-input.js';
import { proposeRelocation } from './relocations.service.js';
import { transitionInTransaction } from './transitions.service.js';

export type PlanInput = z.infer<typeof PlanBody>;

/** A stored plan: ids and figures only; names are added when it is presented. */
export interface StoredPlan {
  proposals: Array<{
    key: string;
    householdId: string | null;
    category: string;
    toSiteId: string;
    toSiteName: string;
    region: string | null;
    score: number;
    pinned: boolean;
    reasons: ReturnType<typeof reasonsFor>;
    personIds: string[];
  }>;
  unassigned: Array<{ key: string; category: string; reasons: string[]; personIds: string[] }>;
  solution: {
    method: string;
    objective: number;
    upperBound: number | null;
    gap: number | null;
    greedyObjective: number;
    households: number;
    people: number;
    placedPeople: number;
    candidateColumns: number;
    fractionalHouseholds: number;
    seconds: number;
    limitHit: boolean;
    limitMessage: string | null;
  };
}

function choicesOf(input: PlanInput, keyOf: Map<string, string>): PinsAndExclusions {
  const pins = new Map<string, string>();
  const exclusions = new Map<string, Set<string>>();
  input.pins.forEach((pin, i) => {
    const key = keyOf.get(pin.personId);
    if (!key) throw AppError.validation(`pins.${i}.personId`, 'is not among the people planned for');
    pins.set(key, pin.siteId);
  });
  input.exclusions.forEach((ex, i) => {
    const key = keyOf.get(ex.personId);
    if (!key) throw AppError.validation(`exclusions.${i}.personId`, 'is not among the people planned for');
    exclusions.set(key, new Set([...(exclusions.get(key) ?? []), ex.siteId]));
  });
  return { pins, exclusions };
}

/**
 * Proposes who goes where. The solve runs in a worker thread with a time limit; when the limit
 * is hit or the solver fails, the answer says so and falls back to what it has (never a crash).
 */
export async function planPlacement(ctx: ServiceContext, input: PlanInput) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a member of an organisation plans relocations.');
  const people = await loadWaitingPeople(ctx.db, ctx.actor, input);
  const households = await toPlanHouseholds(ctx.db, people, ctx.now());
  const centres = await loadPlanCentres(ctx.db, input.centreIds);
  const keyOf = new Map(households.flatMap((h) => h.people.map((p) => [p.id, h.key] as const)));
  const choices = choicesOf(input, keyOf);
  const problem = buildProblem(households, centres, { ...DEFAULT_WEIGHTS, ...input.weights }, choices);
  input.pins.forEach((pin, i) => {
    const h = households.findIndex((x) => x.key === keyOf.get(pin.personId));
    if (problem.ineligible.has(h))
      throw AppError.validation(
        `pins.${i}.siteId`,
        `cannot take this household: ${problem.ineligible.get(h)!.join(', ')}`,
      );
  });
  const outcome = await solveInWorker(problem.instance, {
    ...DEFAULT_SOLVER_OPTIONS,
    timeLimitSeconds: input.timeLimitSeconds,
  });
  const { result } = outcome;
  const plan: StoredPlan = { proposals: [], unassigned: [], solution: {} as StoredPlan['solution'] };
  let placedPeople = 0;
  problem.households.forEach((household, h) => {
    const column = result.choice[h]!;
    const personIds = household.people.map((p) => p.id);
    if (column < 0) {
      const why = problem.ineligible.get(h) ?? ['capacity_taken_by_higher_priority'];
      plan.unassigned.push({ key: household.key, category: problem.categories[h]!, reasons: why, personIds });
      return;
    }
    const candidate = problem.candidates[column]!;
    const centre = problem.centres[candidate.centre]!;
    placedPeople += personIds.length;
    plan.proposals.push({
      key: household.key,
      householdId: household.householdId,
      category: problem.categories[h]!,
      toSiteId: centre.siteId,
      toSiteName: centre.name,
      region: centre.region,
      score: Math.round(candidate.score * 100) / 100,
      pinned: choices.pins.has(household.key),
      reasons: reasonsFor(problem, column, choices.pins.has(household.key)),
      personIds,
    });
  });
  const finite = (v: number) => (Number.isFinite(v) ? v : null);
  plan.solution = {
    method: result.method,
    objective: result.objective,
    upperBound: finite(result.upperBound),
    gap: finite(result.gap),
    greedyObjective: outcome.greedyObjective,
    households: households.length,
    people: people.length,
    placedPeople,
    candidateColumns: problem.candidates.length,
    fractionalHouseholds: result.fractionalHouseholds,
    seconds: Math.round(outcome.seconds * 1000) / 1000,
    limitHit: outcome.failure !== null,
    limitMessage: outcome.failureMessage,
  };
  const id = timeOrderedId(ctx.now().getTime());
  const createdAt = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('placement_plans')
      .values({
        id,
        org_id: orgId,
        status: 'proposed',
        result: JSON.stringify(plan),
        created_by: ctx.actor.userId,
        created_at: createdAt,
        accepted_at: null,
      })
      .execute();
    await recordAudit(trx, ctx, {
      action: 'placement.plan',
      entity: 'placement_plan',
      entityId: id,
      details: {
        people: people.length,
        placed: placedPeople,
        method: result.method,
        limitHit: plan.solution.limitHit,
      },
    });
  });
  return { id, status: 'proposed' as const, createdAt, plan };
}

export async function findPlan(ctx: ServiceContext, id: string) {
  const row = await ctx.db
    .selectFrom('placement_plans')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', ctx.actor.orgId ?? '')
    .executeTakeFirst();
  if (!row) throw AppError.notFound('placement plan');
  return {
    id: row.id,
    status: row.status,
    createdAt: row.created_at,
    plan: JSON.parse(row.result) as StoredPlan,
  };
}

/**
 * Accepting a plan creates its relocations and holds their places, all or nothing: if a place
 * was taken since the plan was made (or a person moved), nothing is created and the 409 names
 * the proposal; re-plan and accept again.
 */
export async function acceptPlan(ctx: ServiceContext, id: string, input: z.infer<typeof AcceptPlanBody>) {
  const { status, plan } = await findPlan(ctx, id);
  if (status === 'accepted') throw new AppError('invalid_state', 'id: this plan was already accepted');
  const keys = input.keys ?? plan.proposals.map((p) => p.key);
  const chosen = keys.map((key, i) => {
    const proposal = plan.proposals.find((p) => p.key === key);
    if (!proposal) throw AppError.validation(`keys.${i}`, 'is not a proposal of this plan');
    return proposal;
  });
  return ctx.db.transaction().execute(async (trx) => {
    const ids: string[] = [];
    for (const [i, proposal] of chosen.entries()) {
      try {
        const relocationId = await proposeRelocation(trx, ctx, {
          personIds: proposal.personIds,
          toSiteId: proposal.toSiteId,
          category: proposal.category,
          planId: id,
        });
        await transitionInTransaction(trx, ctx, relocationId, {
          to: 'accepted',
          reason: 'placement plan accepted',
        });
        ids.push(relocationId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        throw new AppError(error.code, `keys.${i}: ${error.message}`, [
          { field: `keys.${i}`, message: error.message },
        ]);
      }
    }
    await trx
      .updateTable('placement_plans')
      .set({ status: 'accepted', accepted_at: ctx.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, ctx, {
      action: 'placement.accept',
      entity: 'placement_plan',
      entityId: id,
      details: { relocations: ids.length },
    });
    return ids;
  });
}
