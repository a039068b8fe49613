import type { Relaxation } from './relaxation.js';
import type { SolverInstance } from './solver.js';

/**
 * Makes the program smaller before the relaxation, without changing its optimum:
 *
 * 1. Dominated columns are dropped. A household's column at a centre is never needed when the
 *    centres it scores at least as well in could, together, always take it: their places exceed
 *    everything the other households of the category could ever fill there by enough that one of
 *    them keeps room for the whole household (m centres with at most `size − 1` places left each
 *    hold at most m·(size − 1) — one more place forces room somewhere). Moving the household there
 *    loses nothing, so an optimum without the column exists, and the relaxation of the smaller
 *    program still bounds every assignment. It removes the worst centres of each household when
 *    places are plentiful, and nothing when they are short.
 * 2. Identical households — same size, same columns with the same scores (single men of one
 *    nationality with the same wishes, typically) — become one row that may be used as many times
 *    as there are such households. Pinned households stay on their own.
 */
export interface ReducedProgram {
  /** One "household" per class of identical households, with the columns kept. */
  inst: SolverInstance;
  /** Households each class stands for (its row's right-hand side). */
  copies: Int32Array;
  /** The original households of each class. */
  members: Int32Array[];
  /** For each reduced column, its position in the class's column list. */
  position: Int32Array;
  /** Each original household's kept columns, in slot order (the same order in a class). */
  keptOf: Int32Array[];
  droppedColumns: number;
}

function columnsByHousehold(inst: SolverInstance): number[][] {
  const cols: number[][] = Array.from({ length: inst.householdCount }, () => []);
  for (let j = 0; j < inst.colHousehold.length; j += 1) cols[inst.colHousehold[j]!]!.push(j);
  return cols;
}

/** Total people of the households that have a column in each slot's category (an upper bound of load). */
function demandAround(inst: SolverInstance, cols: number[][]): Float64Array {
  // Slots linked by a household belong to one category: union them and sum the sizes per group.
  const parent = Int32Array.from({ length: inst.slotCapacity.length }, (_, i) => i);
  const find = (s: number): number => {
    let root = s;
    while (parent[root] !== root) root = parent[root]!;
    parent[s] = root;
    return root;
  };
  for (const list of cols)
    for (let i = 1; i < list.length; i += 1)
      parent[find(inst.colSlot[list[i]!]!)] = find(inst.colSlot[list[0]!]!);
  const byRoot = new Float64Array(inst.slotCapacity.length);
  cols.forEach((list, h) => {
    if (list.length > 0) byRoot[find(inst.colSlot[list[0]!]!)]! += inst.sizes[h]!;
  });
  return Float64Array.from({ length: inst.slotCapacity.length }, (_, s) => byRoot[find(s)]!);
}

function keptColumns(inst: SolverInstance, list: number[], demand: Float64Array): Int32Array {
  const kept = Int32Array.from(list);
  if (list.length <= 1) return kept;
  const size = inst.sizes[inst.colHousehold[list[0]!]!]!;
  const others = demand[inst.colSlot[list[0]!]!]! - size;
  const ranked = Float64Array.from(list, (j) => inst.colScore[j]!)
    .sort()
    .reverse();
  const places = Float64Array.from(list, (j) => inst.slotCapacity[inst.colSlot[j]!]!);
  // The m best columns hold at most the m largest capacities among columns scoring that well;
  // summing capacities in score order gives the exact figure (ties broken by taking them all).
  const order = Int32Array.from(list.keys()).sort(
    (a, b) => inst.colScore[list[b]!]! - inst.colScore[list[a]!]! || a - b,
  );
  let total = 0;
  for (let m = 1; m < order.length; m += 1) {
    total += places[order[m - 1]!]!;
    if (total >= others + m * (size - 1) + 1) {
      const floor = ranked[m - 1]!;
      return kept.filter((j) => inst.colScore[j]! >= floor);
    }
  }
  return kept;
}

function signature(inst: SolverInstance, size: number, cols: Int32Array): number {
  let hash = 2166136261 ^ size;
  for (const j of cols) {
    hash = Math.imul(hash ^ inst.colSlot[j]!, 16777619);
    hash = Math.imul(hash ^ Math.round(inst.colScore[j]! * 1e6), 16777619);
  }
  return hash >>> 0;
}

function sameColumns(inst: SolverInstance, a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1)
    if (inst.colSlot[a[i]!] !== inst.colSlot[b[i]!] || inst.colScore[a[i]!] !== inst.colScore[b[i]!])
      return false;
  return true;
}

export function reduceProgram(inst: SolverInstance): ReducedProgram {
  const cols = columnsByHousehold(inst);
  const demand = demandAround(inst, cols);
  const keptOf = cols.map((list) =>
    keptColumns(inst, list, demand).sort((a, b) => inst.colSlot[a]! - inst.colSlot[b]! || a - b),
  );
  const classOf = new Int32Array(inst.householdCount).fill(-1);
  const representatives: number[] = [];
  const buckets = new Map<number, number[]>();
  for (let h = 0; h < inst.householdCount; h += 1) {
    const kept = keptOf[h]!;
    const pinned = kept.some((j) => inst.colPinned[j] === 1);
    if (kept.length > 0 && !pinned) {
      const key = signature(inst, inst.sizes[h]!, kept);
      const bucket = buckets.get(key) ?? [];
      const match = bucket.find(
        (k) =>
          inst.sizes[representatives[k]!] === inst.sizes[h] &&
          sameColumns(inst, keptOf[representatives[k]!]!, kept),
      );
      if (match !== undefined) {
        classOf[h] = match;
        continue;
      }
      bucket.push(representatives.length);
      buckets.set(key, bucket);
    }
    classOf[h] = representatives.length;
    representatives.push(h);
  }
  const members: number[][] = representatives.map(() => []);
  classOf.forEach((k, h) => {
    members[k]!.push(h);
  });
  const colHousehold: number[] = [];
  const colSlot: number[] = [];
  const colScore: number[] = [];
  const colPinned: number[] = [];
  const position: number[] = [];
  let keptTotal = 0;
  representatives.forEach((h, k) => {
    keptOf[h]!.forEach((j, t) => {
      colHousehold.push(k);
      colSlot.push(inst.colSlot[j]!);
      colScore.push(inst.colScore[j]!);
      colPinned.push(inst.colPinned[j]!);
      position.push(t);
    });
  });
  for (const kept of keptOf) keptTotal += kept.length;
  return {
    inst: {
      householdCount: representatives.length,
      sizes: Int32Array.from(representatives, (h) => inst.sizes[h]!),
      slotCapacity: inst.slotCapacity,
      colHousehold: Int32Array.from(colHousehold),
      colSlot: Int32Array.from(colSlot),
      colScore: Float64Array.from(colScore),
      colPinned: Uint8Array.from(colPinned),
    },
    copies: Int32Array.from(members, (m) => m.length),
    members: members.map((m) => Int32Array.from(m)),
    position: Int32Array.from(position),
    keptOf,
    droppedColumns: inst.colHousehold.length - keptTotal,
  };
}

const EPS = 1e-7;

/**
 * The relaxation of the reduced program as a relaxation of the original one: each class's
 * values are dealt out to its members — whole units first, so a class used integrally gives
 * whole households — with the same objective, slot loads and prices.
 */
export function expandRelaxation(inst: SolverInstance, reduced: ReducedProgram, lp: Relaxation): Relaxation {
  const x = new Float64Array(inst.colHousehold.length);
  const householdPrice = new Float64Array(inst.householdCount);
  const byClass: number[][] = reduced.members.map(() => []);
  for (let r = 0; r < reduced.inst.colHousehold.length; r += 1)
    if (lp.x[r]! > EPS) byClass[reduced.inst.colHousehold[r]!]!.push(r);
  reduced.members.forEach((members, k) => {
    for (const h of members) householdPrice[h] = lp.householdPrice[k]!;
    let member = 0;
    let filled = 0;
    const deal = (r: number, amount: number) => {
      let left = amount;
      while (left > EPS && member < members.length) {
        const take = Math.min(left, 1 - filled);
        const j = reduced.keptOf[members[member]!]![reduced.position[r]!]!;
        x[j] = x[j]! + take;
        left -= take;
        filled += take;
        if (filled >= 1 - EPS) {
          member += 1;
          filled = 0;
        }
      }
    };
    // Whole units first (each to a member of its own), then the fractions share the rest.
    const whole = (r: number) => Math.floor(lp.x[r]! + 1e-6);
    for (const r of byClass[k]!) deal(r, whole(r));
    for (const r of byClass[k]!) deal(r, lp.x[r]! - whole(r));
  });
  return { ...lp, x, householdPrice };
}
