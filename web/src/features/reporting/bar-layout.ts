/**
 * Geometry of the dashboard's bar charts, computed here rather than by a chart library: ECharts
 * (a 514 kB chunk) cost more main-thread time on a cold start than the rest of the page together
 * (its first draw compiles and runs much of its code: ~0.45 s for the two charts of a desktop's
 * first screen on the 2-core test machine under load). The dashboard only ever draws bars.
 *
 * Right-to-left reading mirrors the chart: vertical bars run from the right with the value axis on
 * the right; horizontal bars grow from the right with the category names on the right.
 */
// No imports: this file is also tested from test/ (Node's module rules).
/** A published count, or null when it is hidden (a small count). */
type Cell = number | null;

export interface Series {
  name: string;
  data: Cell[];
  /** Series with the same stack key are piled up; others stand side by side. */
  stack?: string;
}

export interface BarRect {
  series: number;
  category: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface AxisText {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** The whole text when `text` was shortened to fit. */
  full?: string;
}

export interface BarLayout {
  bars: BarRect[];
  /** One band per category, the whole hover and tooltip area of that category. */
  bands: Array<{ x: number; y: number; width: number; height: number }>;
  categoryLabels: AxisText[];
  valueLabels: AxisText[];
  /** Grid lines at each tick of the value axis (x1,y1 → x2,y2). */
  grid: Array<[number, number, number, number]>;
}

export interface LayoutInput {
  categories: string[];
  series: Series[];
  /** Series hidden from the legend: no bars, not counted in the scale. */
  hidden?: ReadonlySet<number>;
  horizontal: boolean;
  rtl: boolean;
  width: number;
  height: number;
  /** Width of a text in the chart's font (12 px), in pixels. */
  measure: (text: string) => number;
  formatTick: (value: number) => string;
}

const FONT_LINE = 16;
const GAP = 6;
const MAX_BAR = 28;
const CATEGORY_LABEL_MAX = 140;

/** Whole-number ticks from 0 covering `max`, about five of them (counts are never fractions). */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const normalised = raw / magnitude;
  const step = Math.max(
    1,
    (normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10) * magnitude,
  );
  const ticks: number[] = [];
  for (let value = 0; value < max + step; value += step) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

/** `text` cut with an ellipsis to fit `width`. */
export function fitText(text: string, width: number, measure: (text: string) => number): string {
  if (measure(text) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`) > width) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Groups of series standing side by side: one per stack key, one per unstacked series. */
function groupsOf(series: Series[], hidden: ReadonlySet<number>): number[][] {
  const groups: number[][] = [];
  const byStack = new Map<string, number[]>();
  series.forEach((s, index) => {
    if (hidden.has(index)) return;
    if (s.stack === undefined) {
      groups.push([index]);
      return;
    }
    let group = byStack.get(s.stack);
    if (!group) {
      group = [];
      byStack.set(s.stack, group);
      groups.push(group);
    }
    group.push(index);
  });
  return groups;
}

export function layoutBars(input: LayoutInput): BarLayout {
  const { categories, series, horizontal, rtl, width, height, measure, formatTick } = input;
  const hidden = input.hidden ?? new Set<number>();
  const groups = groupsOf(series, hidden);
  const value = (s: number, c: number) => series[s]?.data[c] ?? 0;
  let max = 0;
  for (let c = 0; c < categories.length; c += 1)
    for (const group of groups)
      max = Math.max(
        max,
        group.reduce((sum, s) => sum + (value(s, c) ?? 0), 0),
      );
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? 1;
  const tickTexts = ticks.map(formatTick);
  const n = Math.max(categories.length, 1);
  const layout: BarLayout = { bars: [], bands: [], categoryLabels: [], valueLabels: [], grid: [] };

  if (!horizontal) {
    const axisWidth = Math.max(...tickTexts.map(measure)) + GAP;
    const x0 = rtl ? GAP : axisWidth + GAP;
    const x1 = rtl ? width - axisWidth - GAP : width - GAP;
    const y0 = FONT_LINE / 2;
    const y1 = height - FONT_LINE - GAP;
    const band = (x1 - x0) / n;
    const scale = (v: number) => ((y1 - y0) * v) / top;
    ticks.forEach((tick, i) => {
      const y = y1 - scale(tick);
      layout.grid.push([x0, y, x1, y]);
      const text = tickTexts[i] ?? '';
      layout.valueLabels.push({
        text,
        x: rtl ? x1 + GAP : x0 - GAP,
        y: y + 4,
        anchor: rtl ? 'start' : 'end',
      });
    });
    // Every label that fits; otherwise every second, third… (as many as the width allows).
    const widest = Math.max(...categories.map((c) => Math.min(measure(c), CATEGORY_LABEL_MAX)));
    const every = Math.max(1, Math.ceil((widest + GAP) / band));
    const barWidth = Math.min(MAX_BAR, (band * 0.7) / Math.max(groups.length, 1));
    categories.forEach((category, c) => {
      const start = rtl ? x1 - (c + 1) * band : x0 + c * band;
      layout.bands.push({ x: start, y: y0, width: band, height: y1 - y0 });
      if (c % every === 0) {
        const text = fitText(category, Math.min(CATEGORY_LABEL_MAX, band * every - GAP), measure);
        layout.categoryLabels.push({
          text,
          full: text === category ? undefined : category,
          x: start + band / 2,
          y: y1 + FONT_LINE,
          anchor: 'middle',
        });
      }
      const groupsWidth = barWidth * groups.length;
      groups.forEach((group, g) => {
        // Side by side from the reading start: left to right, or right to left.
        const offset = rtl ? groupsWidth - (g + 1) * barWidth : g * barWidth;
        const x = start + (band - groupsWidth) / 2 + offset;
        let base = 0;
        for (const s of group) {
          const v = value(s, c) ?? 0;
          if (v > 0)
            layout.bars.push({
              series: s,
              category: c,
              x,
              y: y1 - scale(base + v),
              width: barWidth,
              height: scale(v),
            });
          base += v;
        }
      });
    });
    return layout;
  }

  const labelWidth = Math.min(CATEGORY_LABEL_MAX, width * 0.35);
  // The far end's tick label is centred on the plot's edge: room for its half.
  const tickHalf = (measure(tickTexts[tickTexts.length - 1] ?? '') + GAP) / 2;
  const x0 = rtl ? tickHalf : labelWidth + GAP;
  const x1 = rtl ? width - labelWidth - GAP : width - tickHalf;
  const y0 = 0;
  const y1 = height - FONT_LINE - GAP;
  const band = (y1 - y0) / n;
  const scale = (v: number) => ((x1 - x0) * v) / top;
  // The value axis grows from the category names: rightwards, or leftwards in Arabic.
  const at = (v: number) => (rtl ? x1 - scale(v) : x0 + scale(v));
  ticks.forEach((tick, i) => {
    const x = at(tick);
    layout.grid.push([x, y0, x, y1]);
    layout.valueLabels.push({ text: tickTexts[i] ?? '', x, y: y1 + FONT_LINE, anchor: 'middle' });
  });
  const barHeight = Math.min(MAX_BAR, (band * 0.7) / Math.max(groups.length, 1));
  categories.forEach((category, c) => {
    const start = y0 + c * band;
    layout.bands.push({ x: x0, y: start, width: x1 - x0, height: band });
    const text = fitText(category, labelWidth - GAP, measure);
    layout.categoryLabels.push({
      text,
      full: text === category ? undefined : category,
      x: rtl ? x1 + GAP : x0 - GAP,
      y: start + band / 2 + 4,
      anchor: rtl ? 'start' : 'end',
    });
    const groupsHeight = barHeight * groups.length;
    groups.forEach((group, g) => {
      const y = start + (band - groupsHeight) / 2 + g * barHeight;
      let base = 0;
      for (const s of group) {
        const v = value(s, c) ?? 0;
        if (v > 0) {
          const from = at(base);
          const to = at(base + v);
          layout.bars.push({
            series: s,
            category: c,
            x: Math.min(from, to),
            y,
            width: Math.abs(to - from),
            height: barHeight,
          });
        }
        base += v;
      }
    });
  });
  return layout;
}
