import { Box, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { bandPaths, buildScales, type Frame, figureOf, sourceKey } from './chart-scale';
import { useFormatCount, useFormatDay } from './format';
import type { Estimate, PopulationPoint } from './types';

const FRAME: Frame = { width: 720, height: 300, left: 60, right: 16, top: 12, bottom: 30 };
const PALETTE = ['#1971c2', '#e8590c', '#2f9e44', '#862e9c', '#c2255c', '#0c8599', '#5c940d', '#495057'];
const BAND = '#fab005';

interface Props {
  estimates: Estimate[];
  points: PopulationPoint[];
}

/**
 * Each source's figures over time (a line per source, a bar where it gave a range) and the
 * reconciled range as a band. Drawn as plain SVG: no chart library to download in the field.
 */
export function PopulationChart({ estimates, points }: Props) {
  const { t, i18n } = useTranslation('sites');
  const count = useFormatCount();
  const day = useFormatDay();
  if (estimates.length === 0) return <Text size="sm">{t('chart.empty')}</Text>;

  const scales = buildScales(FRAME, estimates, points);
  const { band, central } = bandPaths(points, scales);
  const groups = new Map<string, Estimate[]>();
  for (const e of [...estimates].sort((a, b) => a.date.localeCompare(b.date))) {
    groups.set(sourceKey(e), [...(groups.get(sourceKey(e)) ?? []), e]);
  }
  const sources = [...groups.values()].map((entries, index) => ({
    entries,
    colour: PALETTE[index % PALETTE.length] ?? '#495057',
    label: `${entries[0]?.sourceName ?? ''} (${t(`sourceKinds.${entries[0]?.sourceKind ?? 'ngo'}`)})`,
  }));
  const monthLabel = new Intl.DateTimeFormat(i18n.language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

  return (
    <Box>
      <Box dir="ltr">
        <svg
          viewBox={`0 0 ${FRAME.width} ${FRAME.height}`}
          width="100%"
          role="img"
          aria-label={t('chart.label')}
          data-testid="population-chart"
        >
          {scales.yTicks.map((tick) => (
            <g key={`y${tick}`}>
              <line
                x1={FRAME.left}
                x2={FRAME.width - FRAME.right}
                y1={scales.y(tick)}
                y2={scales.y(tick)}
                stroke="#e9ecef"
              />
              <text x={FRAME.left - 6} y={scales.y(tick) + 4} fontSize={11} textAnchor="end" fill="#495057">
                {count(tick)}
              </text>
            </g>
          ))}
          {scales.xTicks.map((tick) => (
            <text
              key={`x${tick}`}
              x={scales.x(tick)}
              y={FRAME.height - 10}
              fontSize={11}
              textAnchor="middle"
              fill="#495057"
            >
              {monthLabel.format(new Date(`${tick}T00:00:00Z`))}
            </text>
          ))}
          {band.map((d) => (
            <path key={d} d={d} fill={BAND} fillOpacity={0.25} stroke="none" data-testid="chart-band" />
          ))}
          {central.map((d) => (
            <path key={d} d={d} fill="none" stroke="#e67700" strokeWidth={2} strokeDasharray="6 4" />
          ))}
          {sources.map(({ entries, colour, label }) => {
            const current = entries.filter((e) => e.isCurrent);
            const line = current.map((e) => `${scales.x(e.date)},${scales.y(figureOf(e))}`).join(' ');
            return (
              <g key={label} data-source={label}>
                {current.length > 1 && <polyline points={line} fill="none" stroke={colour} strokeWidth={2} />}
                {entries.map((e) => (
                  <g key={e.id}>
                    <title>{`${label}, ${day(e.date)}: ${count(e.low ?? e.point)}${e.high !== null && e.high !== e.low ? `–${count(e.high)}` : ''}`}</title>
                    {e.low !== null && e.high !== null && e.isCurrent && (
                      <line
                        x1={scales.x(e.date)}
                        x2={scales.x(e.date)}
                        y1={scales.y(e.low)}
                        y2={scales.y(e.high)}
                        stroke={colour}
                        strokeWidth={3}
                        strokeOpacity={0.6}
                      />
                    )}
                    <circle
                      cx={scales.x(e.date)}
                      cy={scales.y(figureOf(e))}
                      r={e.isCurrent ? 4.5 : 3.5}
                      fill={e.isCurrent ? colour : '#ffffff'}
                      stroke={e.isCurrent ? '#ffffff' : '#adb5bd'}
                      strokeWidth={1.5}
                      data-testid={e.isCurrent ? 'chart-point' : 'chart-corrected'}
                    />
                  </g>
                ))}
              </g>
            );
          })}
        </svg>
      </Box>
      <Group gap="md" mt={4} wrap="wrap" data-testid="chart-legend">
        <LegendItem
          swatch={<Box w={14} h={10} style={{ background: BAND, opacity: 0.5 }} />}
          label={t('chart.band')}
        />
        <LegendItem
          swatch={<Box w={14} h={0} style={{ borderTop: '2px dashed #e67700' }} />}
          label={t('chart.central')}
        />
        {sources.map(({ colour, label }) => (
          <LegendItem
            key={label}
            swatch={<Box w={10} h={10} style={{ borderRadius: 5, background: colour }} />}
            label={label}
          />
        ))}
      </Group>
      <details>
        <summary>
          <Text span size="sm">
            {t('chart.table')}
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('population.colDate')}</Table.Th>
                <Table.Th>{t('chart.band')}</Table.Th>
                <Table.Th>{t('chart.central')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {points.map((p) => (
                <Table.Tr key={p.date}>
                  <Table.Td>{day(p.date)}</Table.Td>
                  <Table.Td>{p.range ? `${count(p.range.low)}–${count(p.range.high)}` : '—'}</Table.Td>
                  <Table.Td>{count(p.central)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Box>
  );
}

function LegendItem({ swatch, label }: { swatch: ReactNode; label: string }) {
  return (
    <Group gap={6}>
      <span aria-hidden>{swatch}</span>
      <Text size="xs">{label}</Text>
    </Group>
  );
}
