import highsModule from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateInstance, rngOf } from './generator.js';
import { greedyPlacement } from './greedy.js';
import { buildProblem, DEFAULT_WEIGHTS, type PlanCentre, type PlanHousehold } from './model.js';
import { objectiveOf, type SolverInstance, solvePlacement } from './solver.js';
import { solveInWorker } from './solver-runner.js';

const loadHighs = (
  typeof highsModule === 'function' ? highsModule : highsModule.default
) as typeof highsModule.default;
type Highs = Awaited<ReturnType<typeof loadHighs>>;

/** Every assignment of households to one of their columns or to none; the best feasible one. */
function bruteForce(inst: SolverInstance): number {
  const options: number[][] = Array.from({ length: inst.householdCount }, () => [-1]);
  inst.colHousehold.forEach((h, k) => {
    options[h]!.push(k);
  });
  let best = Number.NEGATIVE_INFINITY;
  const load = new Int32Array(inst.slotCapacity.length);
  const walk = (h: number, score: number) => {
    if (h === inst.householdCount) {
      best = Math.max(best, score);
      return;
    }
    for (const k of options[h]!) {
      if (k < 0) {
        if (!options[h]!.some((j) => j >= 0 && inst.colPinned[j] === 1)) walk(h + 1, score);
        continue;
      }
      const slot = inst.colSlot[k]!;
      if (load[slot]! + inst.sizes[h]! > inst.slotCapacity[slot]!) continue;
      load[slot]! += inst.sizes[h]!;
      walk(h + 1, score + inst.colScore[k]!);
      load[slot]! -= inst.sizes[h]!;
    }
  };
  walk(0, 0);
  return best;
}

function assertFeasible(inst: SolverInstance, choice: Int32Array) {
  const load = new Int32Array(inst.slotCapacity.length);
  choice.forEach((k, h) => {
    if (k < 0) return;
    expect(inst.colHousehold[k]).toBe(h);
    load[inst.colSlot[k]!]! += inst.sizes[h]!;
  });
  load.forEach((l, s) => {
    expect(l).toBeLessThanOrEqual(inst.slotCapacity[s]!);
  });
}

function smallInstance(seed: number) {
  const rng = rngOf(seed);
  const generated = generateInstance({
    people: 9 + Math.floor(rng() * 5),
    centres: 3,
    capacityFactor: 0.6 + rng() * 0.6,
    seed,
  });
  return { ...generated, households: generated.households.slice(0, 7) };
}

describe('placement solver', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });

  it('finds the brute-force optimum on small instances (exact) and never breaks a constraint', () => {
    for (let seed = 1; seed <= 25; seed += 1) {
      const { households, centres } = smallInstance(seed);
      const problem = buildProblem(households, centres, DEFAULT_WEIGHTS);
      const result = solvePlacement(highs, problem.instance);
      assertFeasible(problem.instance, result.choice);
      expect(result.method).toBe('exact');
      expect(result.objective).toBeCloseTo(bruteForce(problem.instance), 6);
    }
  });

  it('relax-and-fix stays between the brute-force optimum and its reported bound', () => {
    for (let seed = 30; seed <= 45; seed += 1) {
      const { households, centres } = smallInstance(seed);
      const problem = buildProblem(households, centres, DEFAULT_WEIGHTS);
      const result = solvePlacement(highs, problem.instance, {
        timeLimitSeconds: 10,
        exactColumnLimit: 0,
        mipRelGap: 1e-6,
      });
      const optimum = bruteForce(problem.instance);
      assertFeasible(problem.instance, result.choice);
      expect(result.objective).toBeLessThanOrEqual(optimum + 1e-6);
      expect(result.upperBound).toBeGreaterThanOrEqual(optimum - 1e-6);
      expect(result.gap).toBeGreaterThanOrEqual(0);
    }
  });

  it('sends unaccompanied minors only to child protection and medical needs only to care', () => {
    const child = {
      id: 'c',
      sex: 'male' as const,
      age: 15,
      needCodes: ['SC-UC'],
      nationality: 'AFG',
      languages: ['ps'],
      preferredRegions: ['Bretagne'],
      preferredSiteIds: [],
      relativesRegions: [],
    };
    const sick = { ...child, id: 's', age: 40, needCodes: ['SM-CC'] };
    const households: PlanHousehold[] = [
      { key: 'c', householdId: null, people: [child] },
      { key: 's', householdId: null, people: [sick] },
    ];
    const centre = (siteId: string, region: string, services: Partial<PlanCentre>): PlanCentre => ({
      siteId,
      name: siteId,
      region,
      languages: ['fr'],
      medicalCare: false,
      childProtection: false,
      accessible: true,
      free: { unaccompanied_minors: 5, medical: 5 },
      history: { all: { departed: 0, returned: 0 }, byNationality: {} },
      ...services,
    });
    // The preferred region has neither service: the hard rules must win over the preference.
    const centres = [
      centre('plain', 'Bretagne', {}),
      centre('cp', 'Grand Est', { childProtection: true }),
      centre('med', 'Occitanie', { medicalCare: true }),
    ];
    const problem = buildProblem(households, centres, DEFAULT_WEIGHTS);
    const result = solvePlacement(highs, problem.instance);
    const placedAt = (h: number) => problem.centres[problem.candidates[result.choice[h]!]!.centre]!.siteId;
    expect(placedAt(0)).toBe('cp');
    expect(placedAt(1)).toBe('med');
  });

  it('keeps pins, drops exclusions, and never places a household in two centres', () => {
    const { households, centres } = generateInstance({
      people: 60,
      centres: 6,
      capacityFactor: 1.2,
      seed: 5,
    });
    const target = households.find((h) => h.people.length > 2)!;
    const pins = new Map([[target.key, centres[2]!.siteId]]);
    const exclusions = new Map([[households[0]!.key, new Set(centres.map((c) => c.siteId))]]);
    const problem = buildProblem(households, centres, DEFAULT_WEIGHTS, { pins, exclusions });
    const result = solvePlacement(highs, problem.instance);
    const h = households.indexOf(target);
    expect(problem.centres[problem.candidates[result.choice[h]!]!.centre]!.siteId).toBe(centres[2]!.siteId);
    expect(result.choice[0]).toBe(-1);
    expect(problem.ineligible.get(0)).toEqual(['excluded']);
    assertFeasible(problem.instance, result.choice);
  });

  it('solves in a worker thread and beats or equals the greedy baseline', async () => {
    const { households, centres } = generateInstance({
      people: 400,
      centres: 20,
      capacityFactor: 0.8,
      seed: 9,
    });
    const problem = buildProblem(households, centres, DEFAULT_WEIGHTS);
    const outcome = await solveInWorker(problem.instance, {
      timeLimitSeconds: 20,
      exactColumnLimit: 0,
      mipRelGap: 1e-3,
    });
    expect(outcome.failure).toBeNull();
    expect(outcome.result.method).toBe('relax_and_fix');
    assertFeasible(problem.instance, outcome.result.choice);
    expect(outcome.result.objective).toBeGreaterThanOrEqual(
      objectiveOf(problem.instance, greedyPlacement(problem.instance)) - 1e-6,
    );
    expect(outcome.result.gap).toBeLessThan(0.05);
  }, 60_000);
});
