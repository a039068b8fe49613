/**
 * A hash table from a pair of non-negative 31-bit integers (token or name numbers) to a number,
 * on typed arrays: no object per entry, no garbage, none of the boxing a Map pays for keys past
 * 2^31. Open addressing with linear probing; it doubles up to `maxCapacity` slots and is emptied
 * when that fills to three quarters (it is a cache: what is forgotten is computed again).
 */
export class PairTable {
  private lows: Int32Array;
  private highs: Int32Array;
  private values: Float64Array;
  private mask: number;
  private entries = 0;

  constructor(
    private readonly maxCapacity = 1 << 23,
    private readonly initialCapacity = 1 << 16,
  ) {
    this.lows = new Int32Array(initialCapacity).fill(-1);
    this.highs = new Int32Array(initialCapacity);
    this.values = new Float64Array(initialCapacity);
    this.mask = initialCapacity - 1;
  }

  get size(): number {
    return this.entries;
  }

  private slotOf(low: number, high: number): number {
    let slot = (Math.imul(low, 0x9e3779b1) ^ Math.imul(high, 0x85ebca77)) & this.mask;
    for (;;) {
      const stored = this.lows[slot]!;
      if (stored === -1 || (stored === low && this.highs[slot] === high)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  /** The value stored for (low, high), or NaN. */
  get(low: number, high: number): number {
    const slot = this.slotOf(low, high);
    return this.lows[slot] === -1 ? Number.NaN : this.values[slot]!;
  }

  set(low: number, high: number, value: number): void {
    if (this.entries * 4 >= this.lows.length * 3) {
      if (this.lows.length >= this.maxCapacity) this.clear();
      else this.resize(this.lows.length * 2);
    }
    const slot = this.slotOf(low, high);
    if (this.lows[slot] === -1) {
      this.lows[slot] = low;
      this.highs[slot] = high;
      this.entries += 1;
    }
    this.values[slot] = value;
  }

  clear(): void {
    this.lows = new Int32Array(this.initialCapacity).fill(-1);
    this.highs = new Int32Array(this.initialCapacity);
    this.values = new Float64Array(this.initialCapacity);
    this.mask = this.initialCapacity - 1;
    this.entries = 0;
  }

  private resize(capacity: number): void {
    const { lows, highs, values } = this;
    this.lows = new Int32Array(capacity).fill(-1);
    this.highs = new Int32Array(capacity);
    this.values = new Float64Array(capacity);
    this.mask = capacity - 1;
    for (let i = 0; i < lows.length; i += 1) {
      if (lows[i] === -1) continue;
      const slot = this.slotOf(lows[i]!, highs[i]!);
      this.lows[slot] = lows[i]!;
      this.highs[slot] = highs[i]!;
      this.values[slot] = values[i]!;
    }
  }
}
