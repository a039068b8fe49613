import { Box, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { probabilityOf, useContributionLabel, usePercentValue, useWeight } from '../format';
import type { FieldContribution } from '../types';
import { ExplanationSummary } from './ExplanationSummary';

const COLOURS = {
  prior: 'var(--mantine-color-gray-5)',
  positive: 'var(--mantine-color-teal-6)',
  negative: 'var(--mantine-color-red-6)',
  total: 'var(--mantine-color-blue-6)',
};

interface Bar {
  key: string;
  label: string;
  detail: string;
  weight: number;
  from: number;
  to: number;
  colour: string;
}

/**
 * The explanation as a waterfall: the prior, then each field's weight added to the running total,
 * then the total. Evidence for the same person grows toward the inline end (right in English,
 * left in Arabic), evidence against toward the inline start: positions use logical properties, so
 * the chart mirrors with the page. Every row states its numbers in text; the bars repeat them.
 */
export function WaterfallChart({
  explanation,
  showTitle = true,
}: {
  explanation: FieldContribution[];
  showTitle?: boolean;
}) {
  const { t } = useTranslation('matching');
  const label = useContributionLabel();
  const formatWeight = useWeight();
  const percent = usePercentValue();
  let running = 0;
  const bars: Bar[] = explanation.map((c) => {
    const from = running;
    running += c.weight;
    const words = label(c);
    return {
      key: c.field,
      label: words.field,
      detail: c.field === 'prior' ? '' : words.level,
      weight: c.weight,
      from,
      to: running,
      colour: c.field === 'prior' ? COLOURS.prior : c.weight >= 0 ? COLOURS.positive : COLOURS.negative,
    };
  });
  bars.push({
    key: 'total',
    label: t('chart.total'),
    detail: '',
    weight: running,
    from: 0,
    to: running,
    colour: COLOURS.total,
  });
  const ends = bars.flatMap((b) => [b.from, b.to]);
  const min = Math.min(0, ...ends) - 0.5;
  const max = Math.max(0, ...ends) + 0.5;
  const at = (x: number) => ((x - min) / (max - min)) * 100;

  return (
    <Stack gap="xs" component="figure" m={0} data-testid="waterfall">
      {showTitle && (
        <Title order={2} size="h4">
          {t('chart.title')}
        </Title>
      )}
      <Box component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {bars.map((bar) => (
          <Box
            component="li"
            key={bar.key}
            data-field={bar.key}
            style={{
              display: 'grid',
              gridTemplateColumns: 'minmax(9rem, 14rem) 1fr 4rem',
              gap: 'var(--mantine-spacing-sm)',
              alignItems: 'center',
              paddingBlock: 2,
              borderBlockStart: bar.key === 'total' ? '1px solid var(--mantine-color-gray-4)' : undefined,
            }}
          >
            <Text size="sm" fw={bar.key === 'total' ? 700 : 500} lh={1.2}>
              {bar.label}
              {bar.detail && (
                <Text component="span" size="xs" c="dimmed" display="block">
                  {bar.detail}
                </Text>
              )}
            </Text>
            <Box aria-hidden="true" style={{ position: 'relative', blockSize: 18 }}>
              <Box
                style={{
                  position: 'absolute',
                  insetBlock: -2,
                  insetInlineStart: `${at(0)}%`,
                  borderInlineStart: '1px dashed var(--mantine-color-gray-5)',
                }}
              />
              <Box
                style={{
                  position: 'absolute',
                  insetBlock: 2,
                  insetInlineStart: `${at(Math.min(bar.from, bar.to))}%`,
                  inlineSize: `max(2px, ${Math.abs(at(bar.to) - at(bar.from))}%)`,
                  background: bar.colour,
                  borderRadius: 2,
                }}
              />
            </Box>
            <Text size="sm" ta="end" ff="monospace" fw={bar.key === 'total' ? 700 : 400} data-testid="weight">
              {formatWeight(bar.weight)}
            </Text>
          </Box>
        ))}
      </Box>
      <Text size="sm" fw={600} data-testid="waterfall-probability">
        {t('chart.probability', { score: percent(probabilityOf(running)) })}
      </Text>
      <ExplanationSummary explanation={explanation} />
      <Text component="figcaption" size="xs" c="dimmed">
        {t('chart.caption')}
      </Text>
    </Stack>
  );
}
