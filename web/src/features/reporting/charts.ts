import type { ChartOption } from './EChart';
import type { Cell } from './types';

export interface Series {
  name: string;
  data: Cell[];
  stack?: string;
}

interface BarInput {
  categories: string[];
  series: Series[];
  rtl: boolean;
  /** Categories down the side (long names such as sites); otherwise along the bottom. */
  horizontal?: boolean;
  format: (value: Cell) => string;
}

const PALETTE = ['#1971c2', '#e8590c', '#2f9e44', '#862e9c', '#c2255c', '#0c8599', '#5c940d', '#495057'];

/**
 * Bars mirrored for right-to-left reading: in Arabic the categories run from the
 * right, the value axis sits on the right, and the legend starts at the right edge. Hidden counts
 * are gaps in the bars and read "<5" in the tooltip.
 */
export function barOption({ categories, series, rtl, horizontal = false, format }: BarInput): ChartOption {
  const category = {
    type: 'category' as const,
    data: categories,
    inverse: horizontal ? true : rtl,
    position: horizontal ? (rtl ? ('right' as const) : ('left' as const)) : ('bottom' as const),
    axisLabel: { hideOverlap: true, width: 140, overflow: 'truncate' as const },
  };
  const value = {
    type: 'value' as const,
    minInterval: 1,
    inverse: horizontal ? rtl : false,
    position: horizontal ? ('bottom' as const) : rtl ? ('right' as const) : ('left' as const),
  };
  return {
    color: PALETTE,
    animation: false,
    textStyle: { fontFamily: 'inherit' },
    grid: { left: 8, right: 8, top: series.length > 1 ? 36 : 12, bottom: 8, containLabel: true },
    legend:
      series.length > 1
        ? { show: true, top: 0, left: rtl ? 'right' : 'left', align: rtl ? 'right' : 'left', type: 'scroll' }
        : { show: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => format(typeof v === 'number' ? v : null),
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: s.stack,
      data: s.data.map((d) => (d === null ? '-' : d)),
      connectNulls: false,
      barMaxWidth: 28,
    })),
  } as ChartOption;
}
