import type { Highs } from 'highs';
import { solveRelaxation } from './relaxation.js';
import { exactRepair, knapsackRepair, windowedColumns } from './repair.js';

/**
 * The placement integer program in numbers only (no names, no people): what crosses into the
 * solver's worker thread.
 *
 * One binary column per (household, eligible centre): the centre's places of the household's
 * category form a "slot". Rows: each household is placed at most once (households are never
 * split: one column carries the whole household), and each slot holds at most its free places.
 * Maximise the sum of column scores.
 */
export interface SolverInstance {
  householdCount: number;
  /** People per household. */
  sizes: Int32Array;
  /** Free places per slot (centre × category). */
  slotCapacity: Int32Array;
  colHousehold: Int32Array;
  colSlot: Int32Array;
  colScore: Float64Array;
  /** 1 where a coordinator pinned the household to this centre: the column must be chosen. */
  colPinned: Uint8Array;
}

export interface SolverOptions {
  /** Wall-clock budget for the whole solve, in seconds. */
  timeLimitSeconds: number;
  /** Up to this many columns the MIP is solved exactly in one go (small plans, tests). */
  exactColumnLimit: number;
  /** Relative gap at which the remainder MIP may stop. */
  mipRelGap: number;
}

export const DEFAULT_SOLVER_OPTIONS: SolverOptions = {
  timeLimitSeconds: 12,
  exactColumnLimit: 4000,
  mipRelGap: 1e-3,
};

export type SolveMethod = 'exact' | 'relax_and_fix' | 'greedy';

export interface SolverResult {
  /** Chosen column per household, or -1 when the household is not placed. */
  choice: Int32Array;
  objective: number;
  /** A proven bound no assignment can beat (the LP relaxation, or the MIP's dual bound). */
  upperBound: number;
  gap: number;
  method: SolveMethod;
  timeLimitHit: boolean;
  /** Households the relaxation split between centres (solved exactly afterwards). */
  fractionalHouseholds: number;
  remainderColumns: number;
  lpSeconds: number;
  mipSeconds: number;
  /** Column-generation rounds and columns the relaxation needed (of all candidate columns). */
  lpRounds: number;
  lpColumns: number;
}

const EPS = 1e-6;
/** Reduced-cost window (points per person) and size cap of the repair and polish MIPs. */
const REPAIR_WINDOW = 20;
const MAX_REPAIR_COLUMNS = 6000;

function allIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

/**
 * Solves the placement program. Small instances: the exact MIP. Large ones, in two steps:
 * 1. the LP relaxation (by column generation), which is almost integral — a household is split
 *    only where a slot's last places run out; its optimum bounds every assignment, so the gap
 *    reported is proven, not estimated;
 * 2. households it places whole are kept; the split ones and those it left out are placed
 *    exactly over the places that remain, starting from a knapsack completion (so a time limit
 *    can only cut an improvement short, never leave a hole).
 */
export function solvePlacement(
  highs: Highs,
  inst: SolverInstance,
  options: SolverOptions = DEFAULT_SOLVER_OPTIONS,
): SolverResult {
  const started = performance.now();
  const deadline = started + options.timeLimitSeconds * 1000;
  const remaining = () => Math.max(0.2, (deadline - performance.now()) / 1000);
  const colCount = inst.colHousehold.length;
  const choice = new Int32Array(inst.householdCount).fill(-1);

  if (colCount <= options.exactColumnLimit) {
    const cols = allIndices(colCount);
    const out = exactRepair(highs, inst, cols, inst.slotCapacity, new Uint8Array(colCount), {
      absoluteGap: 0,
      relativeGap: options.mipRelGap / 10,
      timeLimit: remaining(),
    });
    cols.forEach((j, k) => {
      if (out.chosen[k] === 1) choice[inst.colHousehold[j]!] = j;
    });
    const bound = out.timeLimitHit ? Number.POSITIVE_INFINITY : objectiveOf(inst, choice);
    return finish(inst, choice, bound, 'exact', out.timeLimitHit, 0, colCount, 0, out.seconds, 0, 0);
  }

  const lp = solveRelaxation(highs, inst, deadline);
  const gaps = { absoluteGap: (options.mipRelGap / 10) * Math.abs(lp.objective), relativeGap: 0 };
  const split = new Uint8Array(inst.householdCount);
  const room = Int32Array.from(inst.slotCapacity);
  const open = new Uint8Array(inst.householdCount).fill(1);
  for (let k = 0; k < colCount; k += 1) {
    const h = inst.colHousehold[k]!;
    const v = lp.x[k]!;
    if (v >= 1 - EPS) {
      choice[h] = k;
      open[h] = 0;
      room[inst.colSlot[k]!]! -= inst.sizes[h]!;
    } else if (v > EPS) split[h] = 1;
  }
  const repair = windowedColumns(inst, lp, open, room, REPAIR_WINDOW, MAX_REPAIR_COLUMNS);
  const first = exactRepair(highs, inst, repair, room, knapsackRepair(inst, repair, room), {
    ...gaps,
    timeLimit: remaining(),
  });
  repair.forEach((j, k) => {
    if (first.chosen[k] === 1) choice[inst.colHousehold[j]!] = j;
  });
  const mipSeconds = first.seconds;
  const timeLimitHit = first.timeLimitHit;
  const fractional = split.reduce((n, v) => n + v, 0);
  return finish(
    inst,
    choice,
    lp.objective,
    'relax_and_fix',
    timeLimitHit,
    fractional,
    repair.length,
    lp.seconds,
    mipSeconds,
    lp.rounds,
    lp.columnsUsed,
  );
}

export function objectiveOf(inst: SolverInstance, choice: Int32Array): number {
  let total = 0;
  for (const k of choice) if (k >= 0) total += inst.colScore[k]!;
  return total;
}

function finish(
  inst: SolverInstance,
  choice: Int32Array,
  upperBound: number,
  method: SolveMethod,
  timeLimitHit: boolean,
  fractionalHouseholds: number,
  remainderColumns: number,
  lpSeconds: number,
  mipSeconds: number,
  lpRounds: number,
  lpColumns: number,
): SolverResult {
  const objective = objectiveOf(inst, choice);
  const bound = Math.max(upperBound, objective);
  return {
    choice,
    objective,
    upperBound: bound,
    gap: bound === 0 ? 0 : (bound - objective) / Math.abs(bound),
    method,
    timeLimitHit,
    fractionalHouseholds,
    remainderColumns,
    lpSeconds,
    mipSeconds,
    lpRounds,
    lpColumns,
  };
}
