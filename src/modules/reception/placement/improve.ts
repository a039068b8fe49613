import type { SolverInstance } from './solver.js';

/**
 * The second repair, for when places are short. Fixing the households the relaxation placed whole
 * leaves a few places here and there that the households still waiting rarely fit exactly, so
 * the plan loses places and the gap stays high. Here the households of one centre's category
 * are unfixed and the category's places refilled exactly — the best set of households for
 * those places, among the ones there and the ones waiting, a 0/1 knapsack solved by dynamic
 * programming — centre by centre; then the same with households placed elsewhere as candidates
 * too (a household taken from another centre leaves places that are refilled exactly in turn,
 * and the move is kept only when the total improves). Every step is exact on its subproblem,
 * so the plan only gets better, and each pass is fast enough to repeat until nothing improves.
 */
export interface ImproveStats {
  passes: number;
  moves: number;
  seconds: number;
  /** False when the deadline stopped it while passes were still improving the plan. */
  converged: boolean;
}

/** Slots whose table would exceed this many cells are left as they are (memory and time). */
const MAX_CELLS = 4_000_000;
const TOLERANCE = 1e-6;

class Knapsack {
  private table = new Float64Array(0);
  value = 0;
  readonly chosen: number[] = [];

  /** Best total value of items fitting `capacity`; fills `chosen` with item indexes. */
  solve(weights: ArrayLike<number>, values: ArrayLike<number>, count: number, capacity: number): boolean {
    const width = capacity + 1;
    const cells = (count + 1) * width;
    this.chosen.length = 0;
    if (capacity < 0 || cells > MAX_CELLS) return false;
    if (this.table.length < cells) this.table = new Float64Array(cells);
    const best = this.table;
    best.fill(0, 0, width);
    for (let i = 1; i <= count; i += 1) {
      const w = weights[i - 1]!;
      const v = values[i - 1]!;
      const row = i * width;
      const prev = row - width;
      for (let c = 0; c < width; c += 1) {
        const skip = best[prev + c]!;
        best[row + c] = c >= w && best[prev + c - w]! + v > skip ? best[prev + c - w]! + v : skip;
      }
    }
    this.value = best[count * width + capacity]!;
    let c = capacity;
    for (let i = count; i >= 1; i -= 1) {
      if (best[i * width + c] === best[(i - 1) * width + c]) continue;
      this.chosen.push(i - 1);
      c -= weights[i - 1]!;
    }
    return true;
  }

  /** Best values for every capacity 0…capacity (the last row of the table). */
  values(capacity: number, count: number): Float64Array {
    const width = capacity + 1;
    return this.table.slice(count * width, count * width + width);
  }
}

/** The plan being improved: who is where, places left per slot, and the total score. */
class SlotSearch {
  readonly start: Int32Array;
  readonly bySlot: Int32Array;
  readonly fixed: Uint8Array;
  readonly room: Int32Array;
  objective = 0;
  private readonly knapsack = new Knapsack();
  private readonly weights: number[] = [];
  private readonly values: number[] = [];
  private readonly columns: number[] = [];

  constructor(
    private readonly inst: SolverInstance,
    readonly choice: Int32Array,
  ) {
    const slots = inst.slotCapacity.length;
    this.start = new Int32Array(slots + 1);
    for (const s of inst.colSlot) this.start[s + 1]! += 1;
    for (let s = 0; s < slots; s += 1) this.start[s + 1]! += this.start[s]!;
    this.bySlot = new Int32Array(inst.colSlot.length);
    const next = this.start.slice(0, slots);
    inst.colSlot.forEach((s, j) => {
      this.bySlot[next[s]!++] = j;
    });
    this.fixed = new Uint8Array(inst.householdCount);
    inst.colPinned.forEach((p, j) => {
      if (p === 1) this.fixed[inst.colHousehold[j]!] = 1;
    });
    this.room = Int32Array.from(inst.slotCapacity);
    choice.forEach((j, h) => {
      if (j >= 0) this.room[inst.colSlot[j]!]! -= inst.sizes[h]!;
    });
    for (const j of choice) if (j >= 0) this.objective += inst.colScore[j]!;
  }

  place(h: number, j: number) {
    const { inst, choice, room } = this;
    const old = choice[h]!;
    if (old >= 0) {
      room[inst.colSlot[old]!]! += inst.sizes[h]!;
      this.objective -= inst.colScore[old]!;
    }
    choice[h] = j;
    if (j >= 0) {
      room[inst.colSlot[j]!]! -= inst.sizes[h]!;
      this.objective += inst.colScore[j]!;
    }
  }

  /**
   * Candidates for slot s into weights/values/columns: the households there and those waiting,
   * and with `gains`, households placed elsewhere valued at what the move and the refill of the
   * places they leave would bring. Returns the places and score now held by movable households.
   */
  private candidates(s: number, gains?: Float64Array[]): { places: number; score: number } {
    const { inst, choice, fixed, room, weights, values, columns } = this;
    weights.length = values.length = columns.length = 0;
    let places = room[s]!;
    let score = 0;
    for (let k = this.start[s]!; k < this.start[s + 1]!; k += 1) {
      const j = this.bySlot[k]!;
      const h = inst.colHousehold[j]!;
      if (fixed[h]) continue;
      const at = choice[h]!;
      let value = inst.colScore[j]!;
      if (at === j) {
        places += inst.sizes[h]!;
        score += value;
      } else if (at >= 0) {
        if (!gains) continue;
        const from = inst.colSlot[at]!;
        const free = Math.max(0, room[from]!);
        const table = gains[from]!;
        value += (table[free + inst.sizes[h]!] ?? 0) - (table[free] ?? 0) - inst.colScore[at]!;
      }
      if (value <= TOLERANCE) continue;
      weights.push(inst.sizes[h]!);
      values.push(value);
      columns.push(j);
    }
    return { places, score };
  }

  private empty(s: number) {
    for (let k = this.start[s]!; k < this.start[s + 1]!; k += 1) {
      const j = this.bySlot[k]!;
      const h = this.inst.colHousehold[j]!;
      if (this.choice[h] === j && !this.fixed[h]) this.place(h, -1);
    }
  }

  /** Refills slot s exactly from its own households and those waiting. */
  refill(s: number): boolean {
    const { places, score } = this.candidates(s);
    const { knapsack, columns } = this;
    if (!knapsack.solve(this.weights, this.values, columns.length, places)) return false;
    if (knapsack.value <= score + TOLERANCE) return false;
    this.empty(s);
    for (const i of knapsack.chosen) this.place(this.inst.colHousehold[columns[i]!]!, columns[i]!);
    return true;
  }

  /** For each slot, the best score of households waiting for each number of places up to room + largest household. */
  refillGains(): Float64Array[] {
    const { inst, choice, fixed, weights, values } = this;
    return Array.from({ length: inst.slotCapacity.length }, (_, s) => {
      weights.length = values.length = 0;
      let largest = 0;
      for (let k = this.start[s]!; k < this.start[s + 1]!; k += 1) {
        const j = this.bySlot[k]!;
        const h = inst.colHousehold[j]!;
        largest = Math.max(largest, inst.sizes[h]!);
        if (choice[h] !== -1 || fixed[h] || inst.colScore[j]! <= 0) continue;
        weights.push(inst.sizes[h]!);
        values.push(inst.colScore[j]!);
      }
      const capacity = Math.max(0, this.room[s]!) + largest;
      return this.knapsack.solve(weights, values, weights.length, capacity)
        ? this.knapsack.values(capacity, weights.length)
        : new Float64Array(capacity + 1);
    });
  }

  /** Refills slot s from households anywhere; kept only if the total improves once the others are refilled. */
  eject(s: number, gains: Float64Array[]): boolean {
    const { places, score } = this.candidates(s, gains);
    const { knapsack, inst, choice } = this;
    const columns = [...this.columns];
    if (!knapsack.solve(this.weights, this.values, columns.length, places)) return false;
    if (knapsack.value <= score + TOLERANCE) return false;
    const before = this.objective;
    const saved = Int32Array.from(choice);
    const savedRoom = Int32Array.from(this.room);
    const chosen = [...knapsack.chosen];
    const left = new Set<number>();
    this.empty(s);
    for (const i of chosen) {
      const j = columns[i]!;
      const h = inst.colHousehold[j]!;
      if (choice[h]! >= 0) left.add(inst.colSlot[choice[h]!]!);
      this.place(h, j);
    }
    for (const from of left) this.refill(from);
    if (this.objective > before + TOLERANCE) return true;
    choice.set(saved);
    this.room.set(savedRoom);
    this.objective = before;
    return false;
  }
}

export function improveBySlots(inst: SolverInstance, choice: Int32Array, deadline: number): ImproveStats {
  const started = performance.now();
  const search = new SlotSearch(inst, choice);
  const slots = inst.slotCapacity.length;
  let passes = 0;
  let moves = 0;
  let converged = false;
  while (performance.now() < deadline) {
    passes += 1;
    let improved = false;
    for (let s = 0; s < slots && performance.now() < deadline; s += 1)
      if (search.refill(s)) {
        moves += 1;
        improved = true;
      }
    const gains = search.refillGains();
    for (let s = 0; s < slots && performance.now() < deadline; s += 1)
      if (search.eject(s, gains)) {
        moves += 1;
        improved = true;
      }
    if (performance.now() >= deadline) break;
    if (!improved) {
      converged = true;
      break;
    }
  }
  return { passes, moves, seconds: (performance.now() - started) / 1000, converged };
}
