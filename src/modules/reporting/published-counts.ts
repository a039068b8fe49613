import { isPrimarySensitive, suppress } from './suppression.js';

/** A published count: a number, or null when it is suppressed (shown as "<5" for threshold 5). */
export type Cell = number | null;

/**
 * To the nearest multiple of `base` (halves up): 5–7 → 5, 8–12 → 10. Only shown counts are rounded,
 * and they are 0 or at least the threshold, so a shown count never rounds to 0.
 */
export function roundFlow(value: number, base: number): number {
  if (base <= 1) return value;
  return Math.max(value === 0 ? 0 : base, Math.round(value / base) * base);
}

/** A count computed in the database, with the viewer's own organisation's part of it. */
export interface Count {
  value: number;
  own: number;
}

export const ZERO: Count = { value: 0, own: 0 };

export function addCounts(a: Count, b: Count): Count {
  return { value: a.value + b.value, own: a.own + b.own };
}

export function totalOf(counts: readonly Count[]): Count {
  return counts.reduce(addCounts, ZERO);
}

/**
 * Collects the counts of one report section and the sums that tie them, then decides once which
 * are hidden. Sections are suppressed as a whole so that a total in one table and the cells of
 * another cannot be played against each other.
 */
export class PublishedCounts {
  private readonly values: number[] = [];
  private readonly own: number[] = [];
  private readonly sums: Array<{ total: number; parts: number[] }> = [];
  private readonly unprinted = new Set<number>();
  private readonly forced = new Set<number>();
  private readonly keep = new Set<number>();
  private readonly rounded = new Set<number>();
  private hidden: boolean[] | null = null;

  constructor(
    private readonly threshold: number,
    private readonly exact: boolean,
  ) {}

  add(count: Count): number {
    this.hidden = null;
    this.values.push(count.value);
    this.own.push(count.own);
    return this.values.length - 1;
  }

  /** A value the output does not print but whose sums still bind what it prints. */
  addUnprinted(count: Count): number {
    const index = this.add(count);
    this.unprinted.add(index);
    return index;
  }

  /** A value that must stay hidden and undeterminable (another report hides it). */
  forceHidden(index: number): void {
    this.hidden = null;
    this.forced.add(index);
  }

  /** A headline value: other counts are hidden to protect a small one before this one is. */
  preferShown(index: number): void {
    this.hidden = null;
    this.keep.add(index);
  }

  /** How many values the problem holds (the next one added gets this index). */
  get size(): number {
    return this.values.length;
  }

  /** Whether the value is small in itself (or its other organisations' part is): hidden first. */
  isSensitive(index: number): boolean {
    return isPrimarySensitive(this.values[index] ?? 0, this.own[index] ?? 0, this.threshold);
  }

  /**
   * A count over the report's period (registrations, departures, sessions): published rounded to a
   * multiple of the threshold for suppressed viewers, so that two reports whose periods differ by a
   * week cannot be subtracted to give that week's small count exactly (roundFlow).
   */
  markRounded(...indices: number[]): void {
    for (const i of indices) this.rounded.add(i);
  }

  /** Whether the value is published as null (always false for exact viewers). */
  isHidden(index: number): boolean {
    return this.cell(index) === null;
  }

  /** States that `total` is the sum of `parts` (both already added). */
  tie(total: number, parts: readonly number[]): void {
    this.hidden = null;
    this.sums.push({ total, parts: [...parts] });
  }

  /** Adds parts and their total, tied; returns the indices. */
  addLine(parts: readonly Count[], total: Count = totalOf(parts)): { parts: number[]; total: number } {
    const indices = parts.map((p) => this.add(p));
    const totalIndex = this.add(total);
    this.tie(totalIndex, indices);
    return { parts: indices, total: totalIndex };
  }

  /**
   * A rows × columns grid with row totals, column totals and a grand total, all tied. The grand
   * total may be passed (when it includes people outside the grid's rows, such as an unknown site).
   */
  addGrid(grid: readonly (readonly Count[])[], columns: number) {
    const cells = grid.map((row) => row.map((c) => this.add(c)));
    const rowTotals = grid.map((row, r) => {
      const index = this.add(totalOf(row));
      this.tie(index, cells[r]!);
      return index;
    });
    const columnTotals = Array.from({ length: columns }, (_, c) => {
      const index = this.add(totalOf(grid.map((row) => row[c] ?? ZERO)));
      this.tie(
        index,
        cells.map((row) => row[c]!),
      );
      return index;
    });
    const total = this.add(totalOf(grid.flat()));
    this.tie(total, rowTotals);
    this.tie(total, columnTotals);
    return { cells, rowTotals, columnTotals, total };
  }

  /** The published form of a value: the count, or null when hidden. */
  cell(index: number): Cell {
    if (this.exact) return this.values[index] ?? 0;
    this.hidden ??= suppress(
      {
        values: this.values,
        own: this.own,
        sums: this.sums,
        unprinted: this.unprinted,
        forced: this.forced,
        keep: this.keep,
      },
      this.threshold,
    );
    if (this.hidden[index]) return null;
    const value = this.values[index] ?? 0;
    return this.rounded.has(index) ? roundFlow(value, this.threshold) : value;
  }

  cells(indices: readonly number[]): Cell[] {
    return indices.map((i) => this.cell(i));
  }
}
