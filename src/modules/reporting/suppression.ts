/**
 * Small-count suppression with secondary (complementary) suppression, for any set of published
 * counts tied together by sums ("these cells add up to that total").
 *
 * Primary: a count is hidden when it is between 1 and threshold − 1, or when the part of it that
 * comes from organisations other than the viewer's is (the viewer knows their own organisation's
 * exact figures, so the difference would otherwise show another agency's small group). Zeros are
 * shown: they identify no one.
 *
 * Secondary: a sensitive count must not be computable from what is shown. For every sensitive
 * count we check, by linear algebra over all the sums at once, whether the shown values determine
 * it exactly; if they do, the smallest shown non-zero count in one of its sums is hidden too, and
 * the check runs again. This stops exact recovery through any chain of totals (rows, columns,
 * subtotals, totals published in another table of the same report), not only within one line.
 * It does not stop narrowing a hidden count to a range (a + b = 4 says both are at most 4):
 * that is the accepted limit of cell suppression.
 */

export interface SuppressionProblem {
  /** Every count the sums mention, printed or not. */
  values: readonly number[];
  /** The viewer's own organisation's part of each value (0 when not known or not applicable). */
  own?: readonly number[];
  /** Values the output never prints (a base cell behind printed subtotals): unknown from the start. */
  unprinted?: ReadonlySet<number>;
  /**
   * Values that must stay hidden and undeterminable whatever their size: counts another report
   * hides (a site's total hidden in the report of all sites), so two reports cannot be subtracted.
   */
  forced?: ReadonlySet<number>;
  /** Headline values (people present): hidden as a complement only when nothing else will do. */
  keep?: ReadonlySet<number>;
  /** Each constraint: `total` index equals the sum of the `parts` indices. */
  sums: ReadonlyArray<{ total: number; parts: readonly number[] }>;
}

export function isPrimarySensitive(value: number, own: number, threshold: number): boolean {
  const others = value - own;
  return (value > 0 && value < threshold) || (others > 0 && others < threshold);
}

/**
 * Returns which values are unknown to a reader (true): the sensitive ones, the complements hidden
 * to protect them, and the unprinted ones. Only sensitive values need to stay undetermined; a
 * complement or an unprinted value that can be worked out gives nothing away.
 */
export function suppress(problem: SuppressionProblem, threshold: number): boolean[] {
  const { values, sums } = problem;
  const unprinted = problem.unprinted ?? new Set<number>();
  if (threshold <= 1) return values.map((_, i) => unprinted.has(i));
  const forced = problem.forced ?? new Set<number>();
  const sensitive = values.map(
    (v, i) => forced.has(i) || isPrimarySensitive(v, problem.own?.[i] ?? 0, threshold),
  );
  const unknown = values.map((_, i) => sensitive[i]! || unprinted.has(i));
  for (let guard = 0; guard <= values.length; guard += 1) {
    const exposed = firstDetermined(values.length, sums, unknown, sensitive);
    if (exposed === null) return unknown;
    const complement = chooseComplement(problem, unknown, exposed);
    if (complement === null) {
      // Nothing left to hide beside it in any of its sums: hide every value of those sums.
      for (const sum of sums)
        if (sum.total === exposed || sum.parts.includes(exposed))
          for (const i of [sum.total, ...sum.parts]) unknown[i] = true;
    } else unknown[complement] = true;
  }
  return unknown;
}

/**
 * The smallest shown count sharing a sum with the exposed one: a non-zero part first (hiding a
 * zero protects little), then a zero part, then a total (hiding totals loses the most), and a
 * headline value last. When every
 * count in its sums is hidden already, the exposure comes through a chain (x = y hidden, y = z
 * shown): the search widens to the sums of those hidden counts, level by level.
 */
function chooseComplement(problem: SuppressionProblem, hidden: boolean[], exposed: number): number | null {
  const keep = problem.keep ?? new Set<number>();
  const reached = new Set<number>([exposed]);
  let frontier = [exposed];
  while (frontier.length > 0) {
    const candidates: Array<{ index: number; rank: number; value: number }> = [];
    const next: number[] = [];
    for (const sum of problem.sums) {
      const members = [sum.total, ...sum.parts];
      if (!members.some((m) => frontier.includes(m))) continue;
      for (const i of sum.parts) {
        if (hidden[i]) {
          if (!reached.has(i)) next.push(i);
          continue;
        }
        const value = problem.values[i] ?? 0;
        candidates.push({ index: i, rank: keep.has(i) ? 3 : value > 0 ? 0 : 1, value });
      }
      if (!hidden[sum.total])
        candidates.push({
          index: sum.total,
          rank: keep.has(sum.total) ? 3 : 2,
          value: problem.values[sum.total] ?? 0,
        });
      else if (!reached.has(sum.total)) next.push(sum.total);
    }
    candidates.sort((a, b) => a.rank - b.rank || a.value - b.value || a.index - b.index);
    if (candidates[0]) return candidates[0].index;
    for (const i of next) reached.add(i);
    frontier = [...new Set(next)];
  }
  return null;
}

const EPSILON = 1e-9;

/**
 * An unknown value is determined when its unit vector lies in the row space of the sums restricted
 * to unknown values (the shown values are constants). Reduced row echelon form answers that for
 * all of them at once: a pivot whose row has no entry in a free column is fixed. Returns the first
 * determined value among those that must be protected.
 */
export function firstDetermined(
  size: number,
  sums: SuppressionProblem['sums'],
  hidden: readonly boolean[],
  protect: readonly boolean[],
): number | null {
  const columns: number[] = [];
  const columnOf = new Map<number, number>();
  for (let i = 0; i < size; i += 1) {
    if (hidden[i]) {
      columnOf.set(i, columns.length);
      columns.push(i);
    }
  }
  if (columns.length === 0) return null;
  const rows: number[][] = [];
  for (const sum of sums) {
    const row = new Array<number>(columns.length).fill(0);
    let touches = false;
    const add = (index: number, coefficient: number) => {
      const column = columnOf.get(index);
      if (column === undefined) return;
      row[column] = (row[column] ?? 0) + coefficient;
      touches = true;
    };
    add(sum.total, -1);
    for (const part of sum.parts) add(part, 1);
    if (touches) rows.push(row);
  }
  const pivots = reduce(rows, columns.length);
  for (const { row, column } of pivots) {
    if (!protect[columns[column]!]) continue;
    const onlyPivot = rows[row]!.every((value, c) => c === column || Math.abs(value) < EPSILON);
    if (onlyPivot) return columns[column]!;
  }
  // Hidden values in no sum at all, or only in free columns, stay undetermined.
  return null;
}

/** In-place Gauss–Jordan elimination; returns (row, column) of each pivot. */
function reduce(rows: number[][], width: number): Array<{ row: number; column: number }> {
  const pivots: Array<{ row: number; column: number }> = [];
  let r = 0;
  for (let c = 0; c < width && r < rows.length; c += 1) {
    let best = r;
    for (let i = r + 1; i < rows.length; i += 1)
      if (Math.abs(rows[i]![c]!) > Math.abs(rows[best]![c]!)) best = i;
    if (Math.abs(rows[best]![c]!) < EPSILON) continue;
    [rows[r], rows[best]] = [rows[best]!, rows[r]!];
    const pivot = rows[r]!;
    const scale = pivot[c]!;
    for (let j = 0; j < width; j += 1) pivot[j] = pivot[j]! / scale;
    for (let i = 0; i < rows.length; i += 1) {
      if (i === r) continue;
      const factor = rows[i]![c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let j = 0; j < width; j += 1) rows[i]![j] = rows[i]![j]! - factor * pivot[j]!;
    }
    pivots.push({ row: r, column: c });
    r += 1;
  }
  return pivots;
}
