import { Box } from '@mantine/core';
import type { BarSeriesOption } from 'echarts/charts';
import { BarChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws: bars, axes, legend, tooltip; SVG keeps text selectable.
use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

interface Props {
  option: ChartOption;
  label: string;
  height?: number;
  testId?: string;
}

/** One ECharts instance, resized with its box (phones rotate), disposed with the component. */
export function EChart({ option, label, height = 260, testId }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);

  const latest = useRef(option);
  latest.current = option;

  // Drawn when it comes near the screen: a dozen charts at once would hold up the first one.
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    let instance: ReturnType<typeof init> | null = null;
    // An observer reports the box's size as soon as it observes it: laying the chart out again for
    // the size it was just drawn at cost as much as drawing it (measured: ~110 ms for the first
    // screen's charts on the cold path). Only a real change of size redraws.
    let drawnAt = '';
    const resize = new ResizeObserver(([entry]) => {
      const size = entry ? `${entry.contentRect.width}x${entry.contentRect.height}` : '';
      if (!instance || size === drawnAt) return;
      drawnAt = size;
      instance.resize();
    });
    let disposed = false;
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const draw = () => {
      if (instance || disposed) return;
      instance = init(box, undefined, { renderer: 'svg' });
      const { width, height: boxHeight } = box.getBoundingClientRect(); // no border or padding
      drawnAt = `${width}x${boxHeight}`;
      instance.setOption(latest.current, { notMerge: true });
      chart.current = instance;
      resize.observe(box);
    };
    const visible = new IntersectionObserver(
      (entries) => {
        const entry = entries.find((e) => e.isIntersecting);
        if (instance || !entry) return;
        visible.disconnect();
        const screen = entry.rootBounds?.height ?? window.innerHeight;
        const onScreen = entry.boundingClientRect.top < screen && entry.boundingClientRect.bottom > 0;
        // A chart just below the screen is drawn ahead of scrolling, but after the screen's own
        // charts have been painted, not in the same task.
        if (onScreen) draw();
        else
          frame = requestAnimationFrame(() => {
            timer = setTimeout(draw, 0);
          });
      },
      { rootMargin: '200px' },
    );
    visible.observe(box);
    return () => {
      disposed = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      visible.disconnect();
      resize.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // The chart mirrors itself for Arabic through its options; its SVG text must not inherit the
  // page's right-to-left direction, which would flip every label's anchor.
  return <Box ref={ref} dir="ltr" h={height} w="100%" role="img" aria-label={label} data-testid={testId} />;
}
