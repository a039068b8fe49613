import { Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '../../app/states';
import { useEstimates, usePopulation, usePopulationSeries } from './api';
import { EstimateForm } from './EstimateForm';
import { EstimatesTable } from './EstimatesTable';
import { todayDay, useFormatDay } from './format';
import { PopulationChart } from './PopulationChart';
import { PopulationSummary } from './PopulationSummary';
import type { PopulationPoint, SiteDetail } from './types';

/**
 * The day to show first: today when some source is current today; otherwise the day of the
 * latest figures (a site whose sources are months old still shows what was last known).
 */
function defaultDay(points: PopulationPoint[] | undefined): { day: string; isLatest: boolean } {
  const today = todayDay();
  const latest = [...(points ?? [])].reverse().find((p) => p.range !== null);
  if (!latest || latest.date === today) return { day: today, isLatest: false };
  return { day: latest.date, isLatest: true };
}

export function PopulationSection({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('sites');
  const formatDay = useFormatDay();
  const series = usePopulationSeries(site.id);
  const estimates = useEstimates(site.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const fallback = defaultDay(series.data?.points);
  const day = chosen ?? fallback.day;
  const population = usePopulation(
    site.id,
    series.isSuccess ? (day === todayDay() ? undefined : day) : undefined,
  );

  return (
    <Card withBorder component="section" aria-labelledby="population-title">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h3" id="population-title">
            {t('population.title')}
          </Title>
          <TextInput
            type="date"
            label={t('population.date')}
            value={day}
            max={todayDay()}
            onChange={(e) => setChosen(e.currentTarget.value || null)}
          />
        </Group>
        {chosen === null && fallback.isLatest && (
          <Text size="sm" c="dimmed">
            {t('population.latestHint', { date: formatDay(fallback.day) })}
          </Text>
        )}
        {(population.isPending || series.isPending) && <PageLoader label={t('common:loading')} />}
        {population.isError && (
          <ErrorState error={population.error} onRetry={() => void population.refetch()} />
        )}
        {population.isSuccess && series.isSuccess && <PopulationSummary population={population.data} />}
        <Title order={3} size="h4">
          {t('chart.title')}
        </Title>
        {estimates.isSuccess && series.isSuccess && (
          <PopulationChart estimates={estimates.data.items} points={series.data.points} />
        )}
        {estimates.isSuccess && estimates.data.items.length > 0 && (
          <EstimatesTable estimates={estimates.data.items} />
        )}
        {site.allowed.includes('addEstimate') && (
          <EstimateForm
            siteId={site.id}
            estimates={estimates.data?.items ?? []}
            onAdded={(date) => setChosen(date)}
          />
        )}
      </Stack>
    </Card>
  );
}
