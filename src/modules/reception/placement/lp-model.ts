import type { Basis, Highs, Model, ModelData } from 'highs';
import type { SolverInstance } from './solver.js';

/**
 * A sub-model of the placement program over some columns: a row per household listed (placed at
 * most once) and a row per slot listed (at most `room[slot]` people). Each column has exactly
 * two coefficients: 1 in its household's row, the household's size in its slot's row.
 */
export interface SubModel {
  cols: Int32Array;
  households: Int32Array;
  slots: Int32Array;
  /** Model row of each household and slot, -1 when not in the model. */
  householdRow: Int32Array;
  slotRow: Int32Array;
}

export function subModel(inst: SolverInstance, cols: Int32Array): SubModel {
  const householdRow = new Int32Array(inst.householdCount).fill(-1);
  const slotRow = new Int32Array(inst.slotCapacity.length).fill(-1);
  const households: number[] = [];
  const slots: number[] = [];
  for (const j of cols) {
    const h = inst.colHousehold[j]!;
    if (householdRow[h] === -1) {
      householdRow[h] = households.length;
      households.push(h);
    }
  }
  for (const j of cols) {
    const s = inst.colSlot[j]!;
    if (slotRow[s] === -1) {
      slotRow[s] = households.length + slots.length;
      slots.push(s);
    }
  }
  return {
    cols,
    households: Int32Array.from(households),
    slots: Int32Array.from(slots),
    householdRow,
    slotRow,
  };
}

/** Every household and slot gets a row, whatever the columns: a basis then carries over rounds. */
export function fullRowModel(inst: SolverInstance, cols: Int32Array): SubModel {
  const households = Int32Array.from({ length: inst.householdCount }, (_, i) => i);
  const slots = Int32Array.from({ length: inst.slotCapacity.length }, (_, i) => i);
  return {
    cols,
    households,
    slots,
    householdRow: households,
    slotRow: Int32Array.from(slots, (s) => inst.householdCount + s),
  };
}

export function toModelData(
  highs: Highs,
  inst: SolverInstance,
  sub: SubModel,
  room: Int32Array,
  integer: boolean,
  /** How many households each row stands for (classes of identical households); 1 by default. */
  copies?: Int32Array,
): ModelData {
  const n = sub.cols.length;
  const starts = new Int32Array(n + 1);
  const indices = new Int32Array(2 * n);
  const values = new Float64Array(2 * n);
  const colCost = new Float64Array(n);
  const colLower = new Float64Array(n);
  const colUpper = new Float64Array(n).fill(1);
  sub.cols.forEach((j, k) => {
    const h = inst.colHousehold[j]!;
    starts[k] = 2 * k;
    indices[2 * k] = sub.householdRow[h]!;
    values[2 * k] = 1;
    indices[2 * k + 1] = sub.slotRow[inst.colSlot[j]!]!;
    values[2 * k + 1] = inst.sizes[h]!;
    colCost[k] = inst.colScore[j]!;
    if (copies) colUpper[k] = copies[h]!;
    if (inst.colPinned[j] === 1) colLower[k] = 1;
  });
  starts[n] = 2 * n;
  const numRows = sub.households.length + sub.slots.length;
  const rowLower = new Float64Array(numRows).fill(-highs.infinity);
  const rowUpper = new Float64Array(numRows).fill(1);
  if (copies)
    sub.households.forEach((h, i) => {
      rowUpper[i] = copies[h]!;
    });
  sub.slots.forEach((s, i) => {
    rowUpper[sub.households.length + i] = room[s]!;
  });
  return {
    numCols: n,
    numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows, numCols: n, starts, indices, values },
    ...(integer ? { integrality: new Int32Array(n).fill(highs.constants.variableType.integer) } : {}),
  };
}

export interface RunOutcome {
  x: Float64Array;
  rowDual: Float64Array;
  objective: number;
  /** The proven bound: the LP optimum, or the MIP's dual bound. */
  bound: number;
  timeLimitHit: boolean;
  seconds: number;
  basis?: Basis;
}

export interface WarmStart {
  /** An LP basis of a model with the same rows and a prefix of the columns. */
  basis?: Basis;
  /** A feasible MIP solution to start branch-and-bound from. */
  colValue?: Float64Array;
}

export function runModel(
  highs: Highs,
  data: ModelData,
  options: Record<string, string | number | boolean>,
  warm: WarmStart = {},
): RunOutcome {
  const started = performance.now();
  const model: Model = highs.createModel(data);
  try {
    model.options.set({ output_flag: false, ...options });
    if (warm.basis) {
      const colStatus = new Int32Array(data.numCols);
      colStatus.set(warm.basis.colStatus.subarray(0, data.numCols));
      model.setBasis({ colStatus, rowStatus: warm.basis.rowStatus });
    }
    if (warm.colValue) {
      // A start is a hint: HiGHS refusing it (it checks feasibility itself) must not stop the solve.
      try {
        model.setSolution({ colValue: warm.colValue });
      } catch {}
    }
    model.run();
    const status = model.getModelStatus();
    const { optimal, timeLimit, interrupted } = highs.constants.modelStatus;
    const timeLimitHit = status === timeLimit || status === interrupted;
    if (status !== optimal && !timeLimitHit) throw new Error(`solver ended with model status ${status}`);
    const solution = model.getSolution();
    const x =
      solution.colValue.length === data.numCols
        ? Float64Array.from(solution.colValue)
        : new Float64Array(data.numCols);
    const objective = model.getObjectiveValue();
    const bound = data.integrality ? Number(model.info.get('mip_dual_bound')) : objective;
    return {
      x,
      rowDual: Float64Array.from(solution.rowDual),
      objective,
      bound,
      timeLimitHit,
      seconds: (performance.now() - started) / 1000,
      ...(data.integrality ? {} : { basis: model.getBasis() }),
    };
  } finally {
    model.dispose();
  }
}
