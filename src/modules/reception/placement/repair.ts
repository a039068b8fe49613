import type { Highs } from 'highs';
import { runModel, subModel, toModelData } from './lp-model.js';
import type { Relaxation } from './relaxation.js';
import type { SolverInstance } from './solver.js';

/**
 * A quick integer completion of the places the relaxation left fractional: slot by slot, the
 * best-scoring set of still-unplaced households that fits exactly in the room left (a 0/1
 * knapsack, solved by dynamic programming over the few places concerned). It gives the exact
 * repair a good starting solution, and is the answer if the repair runs out of time.
 */
export function knapsackRepair(inst: SolverInstance, cols: Int32Array, room: Int32Array): Uint8Array {
  const chosen = new Uint8Array(cols.length);
  const bySlot = new Map<number, number[]>();
  cols.forEach((j, k) => {
    const slot = inst.colSlot[j]!;
    bySlot.set(slot, [...(bySlot.get(slot) ?? []), k]);
  });
  const used = new Uint8Array(inst.householdCount);
  // Small rooms first: only a few household sizes fit them, so they get first pick of those.
  const order = [...bySlot.keys()].sort((a, b) => room[a]! - room[b]! || a - b);
  for (const slot of order) {
    const capacity = room[slot]!;
    const items = bySlot.get(slot)!.filter((k) => used[inst.colHousehold[cols[k]!]!] === 0);
    if (capacity <= 0 || items.length === 0) continue;
    const n = items.length;
    const best = new Float64Array((n + 1) * (capacity + 1));
    for (let i = 1; i <= n; i += 1) {
      const j = cols[items[i - 1]!]!;
      const size = inst.sizes[inst.colHousehold[j]!]!;
      const score = inst.colScore[j]!;
      for (let r = 0; r <= capacity; r += 1) {
        const skip = best[(i - 1) * (capacity + 1) + r]!;
        const take =
          r >= size ? best[(i - 1) * (capacity + 1) + r - size]! + score : Number.NEGATIVE_INFINITY;
        best[i * (capacity + 1) + r] = Math.max(skip, take);
      }
    }
    let r = capacity;
    for (let i = n; i >= 1; i -= 1) {
      if (best[i * (capacity + 1) + r] === best[(i - 1) * (capacity + 1) + r]) continue;
      const k = items[i - 1]!;
      const j = cols[k]!;
      const h = inst.colHousehold[j]!;
      if (used[h] === 1) continue;
      chosen[k] = 1;
      used[h] = 1;
      r -= inst.sizes[h]!;
    }
  }
  return chosen;
}

const EPS = 1e-6;

/**
 * Columns of open households into slots with room, nearest the LP optimum first: those the
 * relaxation used, then those whose reduced cost (score − household price − size × slot price)
 * is within `window` points per person of zero. Pairs far from competitive cannot enter a
 * near-optimal completion, and leaving them out keeps the exact repair small.
 */
export function windowedColumns(
  inst: SolverInstance,
  lp: Relaxation,
  open: Uint8Array,
  room: Int32Array,
  window: number,
  maxColumns: number,
  keep: (j: number) => boolean = () => false,
): Int32Array {
  const kept: Array<[number, number]> = [];
  for (let j = 0; j < inst.colHousehold.length; j += 1) {
    const h = inst.colHousehold[j]!;
    const size = inst.sizes[h]!;
    const slot = inst.colSlot[j]!;
    if (open[h] === 0 || room[slot]! < size) continue;
    const reduced = inst.colScore[j]! - lp.householdPrice[h]! - size * lp.slotPrice[slot]!;
    if (lp.x[j]! > EPS || keep(j)) kept.push([j, Number.POSITIVE_INFINITY]);
    else if (reduced >= -window * size) kept.push([j, reduced]);
  }
  kept.sort((a, b) => b[1] - a[1]);
  return Int32Array.from(kept.slice(0, maxColumns), ([j]) => j).sort();
}

/**
 * The exact MIP over some columns and the room left, started from a known solution (so it can
 * only improve on it) and stopped at the time limit. Returns which columns are chosen.
 */
export function exactRepair(
  highs: Highs,
  inst: SolverInstance,
  cols: Int32Array,
  room: Int32Array,
  start: Uint8Array,
  options: { absoluteGap: number; relativeGap: number; timeLimit: number },
): { chosen: Uint8Array; timeLimitHit: boolean; seconds: number } {
  if (cols.length === 0) return { chosen: new Uint8Array(0), timeLimitHit: false, seconds: 0 };
  const out = runModel(
    highs,
    toModelData(highs, inst, subModel(inst, cols), room, true),
    {
      presolve: 'on',
      mip_rel_gap: options.relativeGap,
      mip_abs_gap: options.absoluteGap,
      time_limit: options.timeLimit,
    },
    { colValue: Float64Array.from(start) },
  );
  let fromMip = 0;
  let fromStart = 0;
  cols.forEach((j, k) => {
    if (out.x[k]! > 0.5) fromMip += inst.colScore[j]!;
    if (start[k] === 1) fromStart += inst.colScore[j]!;
  });
  const chosen = fromMip >= fromStart ? Uint8Array.from(out.x, (v) => (v > 0.5 ? 1 : 0)) : start;
  return { chosen, timeLimitHit: out.timeLimitHit, seconds: out.seconds };
}
