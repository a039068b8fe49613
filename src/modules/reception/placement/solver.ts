import type { Highs } from 'highs';
import { improveBySlots } from './improve.js';
import { expandRelaxation, reduceProgram } from './reduce.js';
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
  /** Rows of the relaxation once identical households are merged, and columns found dominated. */
  householdClasses: number;
  droppedColumns: number;
  /** The gap before the centre-by-centre refill, and the time that refill took. */
  repairGap: number;
  improveSeconds: number;
}

const EPS = 1e-6;
/** Reduced-cost window (points per person) and size cap of the completion of the remainder. */
const REPAIR_WINDOW = 20;
const MAX_REPAIR_COLUMNS = 6000;

function allIndices(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, i) => i);
}

const gapOf = (bound: number, objective: number) => (bound === 0 ? 0 : (bound - objective) / Math.abs(bound));

/**
 * Solves the placement program. Small instances: the exact MIP. Large ones, in steps:
 * 1. dominated columns are dropped and identical households merged (reduce.ts);
 * 2. the LP relaxation (by column generation) — almost integral: a household is split only where
 *    a slot's last places run out; its optimum bounds every assignment, so the gap reported is
 *    proven, not estimated;
 * 3. households it places whole are kept; the split ones and those it left out are placed
 *    exactly over the places that remain, from a knapsack completion (so a time limit can only
 *    cut an improvement short, never leave a hole);
 * 4. when places are short that leaves scattered places unused: each centre's category is then
 *    unfixed and refilled exactly, with moves between centres (improve.ts).
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
    return {
      ...finish(inst, choice, bound, 'exact', out.timeLimitHit),
      remainderColumns: colCount,
      mipSeconds: out.seconds,
      householdClasses: inst.householdCount,
    };
  }

  const reduced = reduceProgram(inst);
  const merged = solveRelaxation(highs, reduced.inst, deadline, reduced.copies);
  const lp = expandRelaxation(inst, reduced, merged);
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
  const completion = knapsackRepair(inst, repair, room);
  repair.forEach((j, k) => {
    if (completion[k] === 1) choice[inst.colHousehold[j]!] = j;
  });
  const repairGap = gapOf(lp.objective, objectiveOf(inst, choice));
  const improved = improveBySlots(inst, choice, deadline);
  return {
    ...finish(inst, choice, lp.objective, 'relax_and_fix', !improved.converged),
    fractionalHouseholds: split.reduce((n, v) => n + v, 0),
    remainderColumns: repair.length,
    lpSeconds: lp.seconds,
    lpRounds: lp.rounds,
    lpColumns: lp.columnsUsed,
    householdClasses: reduced.inst.householdCount,
    droppedColumns: reduced.droppedColumns,
    repairGap,
    improveSeconds: improved.seconds,
  };
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
): SolverResult {
  const objective = objectiveOf(inst, choice);
  const bound = Math.max(upperBound, objective);
  const gap = gapOf(bound, objective);
  return {
    choice,
    objective,
    upperBound: bound,
    gap,
    method,
    timeLimitHit,
    fractionalHouseholds: 0,
    remainderColumns: 0,
    lpSeconds: 0,
    mipSeconds: 0,
    lpRounds: 0,
    lpColumns: 0,
    householdClasses: 0,
    droppedColumns: 0,
    repairGap: gap,
    improveSeconds: 0,
  };
}
