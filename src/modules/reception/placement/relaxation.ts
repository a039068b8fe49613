import type { Basis, Highs } from 'highs';
import { fullRowModel, runModel, toModelData } from './lp-model.js';
import type { SolverInstance } from './solver.js';

export interface Relaxation {
  /** Column values of the LP optimum over every column (columns never generated are 0). */
  x: Float64Array;
  /** Dual price of each household row and each slot row (0 where the row was not needed). */
  householdPrice: Float64Array;
  slotPrice: Float64Array;
  objective: number;
  rounds: number;
  columnsUsed: number;
  seconds: number;
}

/** Columns each household starts with: its best-scoring centres. */
const INITIAL_PER_HOUSEHOLD = 4;
/** Columns added per household and round when pricing finds better ones. */
const ADDED_PER_HOUSEHOLD = 4;
const TOLERANCE = 1e-7;

/**
 * The LP relaxation by column generation. Most households have a hundred candidate centres but
 * the optimum uses one or two; solving over a few good columns and adding those whose reduced
 * cost (score − household price − size × slot price) is positive, until none is, reaches the
 * optimum of the full LP — so its objective is a valid bound — at a fraction of the cost.
 */
export function solveRelaxation(
  highs: Highs,
  inst: SolverInstance,
  deadline: number,
  copies?: Int32Array,
): Relaxation {
  const started = performance.now();
  const colCount = inst.colHousehold.length;
  const byHousehold: number[][] = Array.from({ length: inst.householdCount }, () => []);
  for (let j = 0; j < colCount; j += 1) byHousehold[inst.colHousehold[j]!]!.push(j);
  for (const cols of byHousehold) cols.sort((a, b) => inst.colScore[b]! - inst.colScore[a]!);
  const inModel = new Uint8Array(colCount);
  const cols: number[] = [];
  for (const list of byHousehold) {
    const pinned = list.filter((j) => inst.colPinned[j] === 1);
    for (const j of pinned.length > 0 ? pinned : list.slice(0, INITIAL_PER_HOUSEHOLD)) {
      inModel[j] = 1;
      cols.push(j);
    }
  }
  const householdPrice = new Float64Array(inst.householdCount);
  const slotPrice = new Float64Array(inst.slotCapacity.length);
  let rounds = 0;
  let basis: Basis | undefined;
  for (;;) {
    rounds += 1;
    const sub = fullRowModel(inst, Int32Array.from(cols));
    const timeLeft = Math.max(0.2, (deadline - performance.now()) / 1000);
    const out = runModel(
      highs,
      toModelData(highs, inst, sub, inst.slotCapacity, false, copies),
      {
        solver: 'simplex',
        presolve: 'off',
        time_limit: timeLeft,
      },
      { basis },
    );
    basis = out.basis;
    if (out.timeLimitHit) throw new Error('time limit reached while solving the relaxation');
    // HiGHS reports row duals of a maximisation with the sign of the minimisation of −c; the
    // prices used here are the non-negative ones of the maximisation.
    householdPrice.fill(0);
    slotPrice.fill(0);
    sub.households.forEach((h, i) => {
      householdPrice[h] = Math.abs(out.rowDual[i]!);
    });
    sub.slots.forEach((s, i) => {
      slotPrice[s] = Math.abs(out.rowDual[sub.households.length + i]!);
    });
    let added = 0;
    byHousehold.forEach((list, h) => {
      let taken = 0;
      for (const j of list) {
        if (taken >= ADDED_PER_HOUSEHOLD) break;
        if (inModel[j] === 1 || inst.colPinned[j] === 1) continue;
        const reduced =
          inst.colScore[j]! - householdPrice[h]! - inst.sizes[h]! * slotPrice[inst.colSlot[j]!]!;
        if (reduced > TOLERANCE * Math.max(1, Math.abs(inst.colScore[j]!))) {
          inModel[j] = 1;
          cols.push(j);
          taken += 1;
          added += 1;
        }
      }
    });
    if (added === 0) {
      const x = new Float64Array(colCount);
      sub.cols.forEach((j, k) => {
        x[j] = out.x[k]!;
      });
      return {
        x,
        householdPrice,
        slotPrice,
        objective: out.objective,
        rounds,
        columnsUsed: cols.length,
        seconds: (performance.now() - started) / 1000,
      };
    }
  }
}
