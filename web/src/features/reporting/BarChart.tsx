import { Box, Group, UnstyledButton } from '@mantine/core';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { layoutBars, type Series } from './bar-layout';
import type { Cell } from './types';

const PALETTE = ['#1971c2', '#e8590c', '#2f9e44', '#862e9c', '#c2255c', '#0c8599', '#5c940d', '#495057'];
const TEXT = '#495057';
const GRID = '#e9ecef';

let context: CanvasRenderingContext2D | null | undefined;
/** Width of a text in the chart's font (the page's, 12 px), measured once per text. */
const widths = new Map<string, number>();
function measure(text: string): number {
  let width = widths.get(text);
  if (width === undefined) {
    if (context === undefined) {
      context = document.createElement('canvas').getContext('2d');
      if (context) context.font = `12px ${getComputedStyle(document.body).fontFamily}`;
    }
    width = context ? context.measureText(text).width : text.length * 7;
    widths.set(text, width);
  }
  return width;
}

interface Props {
  categories: string[];
  series: Series[];
  horizontal: boolean;
  rtl: boolean;
  format: (value: Cell) => string;
  height: number;
  /** The chart's accessible name: its title and every figure it shows, as text. */
  label: string;
  testId: string;
}

/**
 * Bars drawn as SVG by React (bar-layout.ts has the geometry). Hovering a category shades it and
 * its tooltip lists each series' figure ("<5" for a hidden one); the legend's entries show or hide
 * a series. The chart itself is one image for screen readers, named with all its figures.
 */
export function BarChart({ categories, series, horizontal, rtl, format, height, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<number>>(() => new Set());
  const [hovered, setHovered] = useState<number | null>(null);

  // Measured before the first paint, then followed (a phone turned, the navigation opened).
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const read = () => {
      const { width, height: boxHeight } = element.getBoundingClientRect();
      setSize((old) =>
        old && old.width === width && old.height === boxHeight ? old : { width, height: boxHeight },
      );
    };
    read();
    const observer = new ResizeObserver(read);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const layout = useMemo(
    () =>
      size && size.width > 0
        ? layoutBars({
            categories,
            series,
            hidden,
            horizontal,
            rtl,
            width: size.width,
            height: size.height,
            measure,
            formatTick: (v) => format(v),
          })
        : null,
    [categories, series, hidden, horizontal, rtl, size, format],
  );

  const toggle = (index: number) =>
    setHidden((old) => {
      const next = new Set(old);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  return (
    <Box h={height} style={{ display: 'flex', flexDirection: 'column' }}>
      {series.length > 1 && (
        <Group gap="xs" mb={4} wrap="wrap">
          {series.map((s, index) => (
            <UnstyledButton
              key={s.name}
              onClick={() => toggle(index)}
              aria-pressed={!hidden.has(index)}
              fz="xs"
              c={hidden.has(index) ? 'dimmed' : undefined}
              style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}
            >
              <span
                style={{
                  width: 10,
                  height: 10,
                  borderRadius: 2,
                  background: hidden.has(index) ? GRID : PALETTE[index % PALETTE.length],
                }}
              />
              {s.name}
            </UnstyledButton>
          ))}
        </Group>
      )}
      {/* Mirrored for Arabic by its geometry: the SVG's own text must not take the page's direction. */}
      <div
        ref={box}
        dir="ltr"
        role="img"
        aria-label={label}
        data-testid={testId}
        style={{ flex: 1, minHeight: 0, position: 'relative' }}
      >
        {layout && size && (
          <svg
            width={size.width}
            height={size.height}
            style={{ display: 'block', fontSize: 12 }}
            aria-hidden="true"
          >
            {layout.grid.map(([x1, y1, x2, y2]) => (
              <line key={`${x1},${y1}`} x1={x1} y1={y1} x2={x2} y2={y2} stroke={GRID} />
            ))}
            {layout.categoryLabels.map((l) => (
              <text key={`c${l.x},${l.y}`} x={l.x} y={l.y} textAnchor={l.anchor} fill={TEXT}>
                {l.full && <title>{l.full}</title>}
                {l.text}
              </text>
            ))}
            {layout.valueLabels.map((l) => (
              <text key={`v${l.x},${l.y}`} x={l.x} y={l.y} textAnchor={l.anchor} fill={TEXT}>
                {l.text}
              </text>
            ))}
            {layout.bands.map((band, c) => (
              <rect
                key={categories[c] ?? c}
                {...band}
                fill={hovered === c ? 'rgba(0, 0, 0, 0.05)' : 'transparent'}
                onPointerEnter={() => setHovered(c)}
                onPointerLeave={() => setHovered((h) => (h === c ? null : h))}
              >
                <title>
                  {[categories[c], ...series.map((s) => `${s.name}: ${format(s.data[c] ?? 0)}`)].join('\n')}
                </title>
              </rect>
            ))}
            {layout.bars.map((bar) => (
              <rect
                key={`${bar.series}-${bar.category}`}
                x={bar.x}
                y={bar.y}
                width={bar.width}
                height={bar.height}
                fill={PALETTE[bar.series % PALETTE.length]}
                pointerEvents="none"
              />
            ))}
          </svg>
        )}
      </div>
    </Box>
  );
}
