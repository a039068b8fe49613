import { describe, expect, it } from 'vitest';
import { fitText, layoutBars, niceTicks } from '../web/src/features/reporting/bar-layout.js';

const measure = (text: string) => text.length * 7;
const base = { measure, formatTick: String, width: 400, height: 200 };

describe('dashboard bar geometry (web/src/features/reporting/bar-layout.ts)', () => {
  it('counts in whole steps from zero past the largest figure', () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(47)).toEqual([0, 10, 20, 30, 40, 50]);
    expect(niceTicks(1234)).toEqual([0, 500, 1000, 1500]);
  });

  it('shortens a long name with an ellipsis to fit', () => {
    expect(fitText('Calais', 100, measure)).toBe('Calais');
    const cut = fitText('Centre d’accueil et d’orientation de Calais', 70, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut)).toBeLessThanOrEqual(70);
  });

  it('piles stacked series, leaves a hidden (null) cell out, and scales to the tallest pile', () => {
    const layout = layoutBars({
      ...base,
      categories: ['a', 'b'],
      series: [
        { name: 'x', data: [10, null], stack: 's' },
        { name: 'y', data: [30, 5], stack: 's' },
      ],
      horizontal: false,
      rtl: false,
    });
    expect(layout.bars.map((b) => `${b.series}${b.category}`)).toEqual(['00', '10', '11']);
    const [x, y] = layout.bars;
    // Same column, y on top of x; the pile of 40 reaches the top tick (40).
    expect(x?.x).toBe(y?.x);
    expect(y && x && y.y + y.height).toBeCloseTo(x?.y ?? 0);
    expect(layout.valueLabels.map((l) => l.text)).toEqual(['0', '10', '20', '30', '40']);
    expect(y?.y).toBeCloseTo(layout.grid[layout.grid.length - 1]?.[1] ?? -1);
  });

  it('mirrors for right-to-left reading: first category and value axis on the right, bars growing leftwards', () => {
    const input = { ...base, categories: ['Calais', 'Dunkerque'], series: [{ name: 'n', data: [4, 8] }] };
    const ltr = layoutBars({ ...input, horizontal: false, rtl: false });
    const rtl = layoutBars({ ...input, horizontal: false, rtl: true });
    expect((ltr.bars[0]?.x ?? 0) < (ltr.bars[1]?.x ?? 0)).toBe(true);
    expect((rtl.bars[0]?.x ?? 0) > (rtl.bars[1]?.x ?? 0)).toBe(true);
    expect(rtl.valueLabels[0]?.x).toBeGreaterThan(base.width / 2);

    const sideways = layoutBars({ ...input, horizontal: true, rtl: true });
    // Names on the right, bars ending at the names' edge and reaching leftwards.
    expect(sideways.categoryLabels.every((l) => l.x > base.width / 2 && l.anchor === 'start')).toBe(true);
    const [small, large] = sideways.bars;
    expect(small && large && Math.abs(small.x + small.width - (large.x + large.width))).toBeLessThan(0.001);
    expect((large?.x ?? 0) < (small?.x ?? 0)).toBe(true);
  });

  it('stands unstacked series side by side and leaves out a series hidden from the legend', () => {
    const input = {
      ...base,
      categories: ['w1'],
      series: [
        { name: 'departed', data: [6] },
        { name: 'arrived', data: [9] },
      ],
      horizontal: false,
      rtl: false,
    };
    const both = layoutBars(input);
    expect(both.bars).toHaveLength(2);
    expect(both.bars[0]?.y).not.toBe(both.bars[1]?.y);
    expect((both.bars[0]?.x ?? 0) + (both.bars[0]?.width ?? 0)).toBeCloseTo(both.bars[1]?.x ?? -1);
    const one = layoutBars({ ...input, hidden: new Set([1]) });
    expect(one.bars.map((b) => b.series)).toEqual([0]);
    expect(one.valueLabels.map((l) => l.text).at(-1)).toBe('6');
  });

  it('shows every other label when the names do not fit side by side', () => {
    const layout = layoutBars({
      ...base,
      width: 200,
      categories: Array.from({ length: 12 }, (_, i) => `week ${i + 1}`),
      series: [{ name: 'n', data: Array.from({ length: 12 }, () => 1) }],
      horizontal: false,
      rtl: false,
    });
    expect(layout.categoryLabels.length).toBeLessThan(12);
    expect(layout.categoryLabels[0]?.text).toBe('week 1');
  });
});

describe('dashboard bar geometry at the edges', () => {
  it('keeps the far tick label of sideways bars inside the chart, in both directions', () => {
    const input = { ...base, categories: ['a'], series: [{ name: 'n', data: [1400] }], horizontal: true };
    for (const rtl of [false, true]) {
      const last = layoutBars({ ...input, rtl }).valueLabels.at(-1);
      const half = measure(last?.text ?? '') / 2;
      expect((last?.x ?? 0) - half).toBeGreaterThanOrEqual(0);
      expect((last?.x ?? 0) + half).toBeLessThanOrEqual(base.width);
    }
  });
});
