import type { Estimate, PopulationPoint } from './types';

/** Pure helpers of the population chart: scales, ticks and the shapes it draws. */

const DAY_MS = 86_400_000;
export const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Scales {
  x: (day: string) => number;
  y: (people: number) => number;
  xTicks: string[];
  yTicks: number[];
}

/** 1, 2 or 5 × a power of ten, so that about `target` steps cover `max`. */
export function niceStep(max: number, target = 5): number {
  if (max <= 0) return 1;
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw);
  return Math.max(1, step ?? 10 * power);
}

/** The figure a source entry stands for: its point, else the middle of its range. */
export function figureOf(e: Pick<Estimate, 'low' | 'high' | 'point'>): number {
  if (e.point !== null) return e.point;
  const low = e.low ?? e.high ?? 0;
  const high = e.high ?? e.low ?? 0;
  return (low + high) / 2;
}

export function sourceKey(e: Pick<Estimate, 'sourceKind' | 'sourceName'>): string {
  return `${e.sourceKind}|${e.sourceName.trim().toLowerCase().replace(/\s+/g, ' ')}`;
}

export function buildScales(frame: Frame, estimates: Estimate[], points: PopulationPoint[]): Scales {
  // The time axis spans the figures, not the whole series up to today: a camp last counted in
  // 2016 is drawn over its months, and the band's last step is cut at the edge.
  const days = [...estimates.map((e) => e.date), ...points.filter((p) => p.range).map((p) => p.date)].map(
    dayNumber,
  );
  let [first, last] = [Math.min(...days), Math.max(...days)];
  last += Math.max(15, (last - first) * 0.08);
  if (!Number.isFinite(first) || !Number.isFinite(last)) {
    last = dayNumber(new Date().toISOString().slice(0, 10));
    first = last - 30;
  }
  if (last - first < 30) [first, last] = [first - 15, last + 15];
  const highest = Math.max(
    1,
    ...estimates.map((e) => Math.max(e.high ?? 0, e.point ?? 0, e.low ?? 0)),
    ...points.map((p) => p.range?.high ?? 0),
  );
  const step = niceStep(highest * 1.1);
  const top = Math.ceil((highest * 1.1) / step) * step;
  const innerWidth = frame.width - frame.left - frame.right;
  const innerHeight = frame.height - frame.top - frame.bottom;
  return {
    x: (day) => frame.left + ((Math.min(dayNumber(day), last) - first) / (last - first)) * innerWidth,
    y: (people) => frame.top + innerHeight - (people / top) * innerHeight,
    xTicks: monthTicks(dayOf(first), dayOf(last)),
    yTicks: Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step),
  };
}

/** First days of months inside the span, thinned to at most eight. */
export function monthTicks(from: string, to: string): string[] {
  const ticks: string[] = [];
  let [year, month] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  for (;;) {
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    const tick = `${year}-${String(month).padStart(2, '0')}-01`;
    if (tick > to) break;
    ticks.push(tick);
  }
  const every = Math.ceil(ticks.length / 8);
  return ticks.filter((_, i) => i % every === 0);
}

/**
 * The reconciled band as step shapes: a figure holds until the next change. Runs without a
 * range (no current source, or the site had ended) break the band.
 */
export function bandPaths(points: PopulationPoint[], scales: Scales): { band: string[]; central: string[] } {
  const band: string[] = [];
  const central: string[] = [];
  let run: PopulationPoint[] = [];
  const flush = (end: string | null) => {
    if (run.length === 0) return;
    const edges = run.map((p, i) => ({ from: p.date, to: run[i + 1]?.date ?? end ?? p.date, p }));
    const upper = edges.flatMap(({ from, to, p }) => [
      `${scales.x(from)},${scales.y(p.range?.high ?? 0)}`,
      `${scales.x(to)},${scales.y(p.range?.high ?? 0)}`,
    ]);
    const lower = [...edges]
      .reverse()
      .flatMap(({ from, to, p }) => [
        `${scales.x(to)},${scales.y(p.range?.low ?? 0)}`,
        `${scales.x(from)},${scales.y(p.range?.low ?? 0)}`,
      ]);
    band.push(`M${[...upper, ...lower].join('L')}Z`);
    central.push(
      `M${edges.flatMap(({ from, to, p }) => [`${scales.x(from)},${scales.y(p.central ?? 0)}`, `${scales.x(to)},${scales.y(p.central ?? 0)}`]).join('L')}`,
    );
    run = [];
  };
  for (const point of points) {
    if (point.range) run.push(point);
    else flush(point.date);
  }
  flush(null);
  return { band, central };
}
