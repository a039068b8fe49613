import type { SolverInstance } from './solver.js';

/**
 * The way a coordinator would fill places by hand, and the baseline the benchmark compares the
 * solver with: pinned households first, then the households with the most points per person at
 * stake (vulnerable people first), larger households before smaller ones at equal points, each
 * to its best-scoring centre that still has room. Also the fallback when a solve fails.
 */
export function greedyPlacement(inst: SolverInstance): Int32Array {
  const colsOf: number[][] = Array.from({ length: inst.householdCount }, () => []);
  for (let k = 0; k < inst.colHousehold.length; k += 1) colsOf[inst.colHousehold[k]!]!.push(k);
  for (const cols of colsOf) cols.sort((a, b) => inst.colScore[b]! - inst.colScore[a]!);
  const bestPerPerson = (h: number) => {
    const best = colsOf[h]![0];
    return best === undefined ? Number.NEGATIVE_INFINITY : inst.colScore[best]! / inst.sizes[h]!;
  };
  const isPinned = (h: number) => colsOf[h]!.some((k) => inst.colPinned[k] === 1);
  const order = Array.from({ length: inst.householdCount }, (_, h) => h).sort(
    (a, b) =>
      Number(isPinned(b)) - Number(isPinned(a)) ||
      bestPerPerson(b) - bestPerPerson(a) ||
      inst.sizes[b]! - inst.sizes[a]! ||
      a - b,
  );
  const room = Int32Array.from(inst.slotCapacity);
  const choice = new Int32Array(inst.householdCount).fill(-1);
  for (const h of order) {
    const size = inst.sizes[h]!;
    const pinned = colsOf[h]!.filter((k) => inst.colPinned[k] === 1);
    for (const k of pinned.length > 0 ? pinned : colsOf[h]!) {
      const slot = inst.colSlot[k]!;
      if (room[slot]! >= size) {
        room[slot]! -= size;
        choice[h] = k;
        break;
      }
    }
  }
  return choice;
}
