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
    const resize = new ResizeObserver(() => instance?.resize());
    const visible = new IntersectionObserver(
      (entries) => {
        if (instance || !entries.some((e) => e.isIntersecting)) return;
        instance = init(box, undefined, { renderer: 'svg' });
        instance.setOption(latest.current, { notMerge: true });
        chart.current = instance;
        resize.observe(box);
        visible.disconnect();
      },
      { rootMargin: '200px' },
    );
    visible.observe(box);
    return () => {
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
