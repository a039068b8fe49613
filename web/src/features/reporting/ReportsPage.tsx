import { Alert, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { memo, useDeferredValue, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../app/states';
import { useOverview, useSiteOptions } from './api';
import { ExportPanel } from './ExportPanel';
import { filterFromSearch } from './filter';
import { useFormatCell, useFormatPercent } from './format';
import { ReportCharts } from './ReportCharts';
import type { Cell, Overview, ReportFilter } from './types';

/** Filters live in the address, so a view can be bookmarked or sent before a meeting. */
function useFilter(): [ReportFilter, (next: ReportFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<ReportFilter>(() => filterFromSearch(params), [params]);
  const setFilter = (next: ReportFilter) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) search.set(key, value);
    setParams(search, { replace: true });
  };
  return [filter, setFilter];
}

function Figure({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <Paper withBorder p="sm" data-testid={`figure-${id}`}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" data-testid="figure-value">
        {value}
      </Text>
    </Paper>
  );
}

const KeyFigures = memo(function KeyFigures({ o }: { o: Overview }) {
  const { t } = useTranslation('reporting');
  const format = useFormatCell(o.suppression.threshold);
  const percent = useFormatPercent();
  const figures: Array<[string, string, string]> = [
    ['present', t('figures.present'), format(o.population.present)],
    ['registered-in-period', t('figures.registeredInPeriod'), format(o.population.registeredInPeriod)],
    ['children', t('figures.children'), format(o.children.grid.total)],
    ['open-cases', t('figures.openCases'), format(o.cases.open)],
    ['overdue', t('figures.overdue'), format(o.cases.overdue.casesWithOverdueWork)],
    ['free-places', t('figures.free'), format(o.places.totals.free as Cell)],
    ['return-rate', t('figures.returnRate'), percent(o.relocations.returnRate)],
    ['sessions', t('figures.sessions'), format(o.counselling.sessions)],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label={t('figures.label')} component="section">
      {figures.map(([id, label, value]) => (
        <Figure key={id} id={id} label={label} value={value} />
      ))}
    </SimpleGrid>
  );
});

/** /reports: the coordination dashboard. */
export function ReportsPage() {
  const { t } = useTranslation('reporting');
  const [filter, setFilter] = useFilter();
  const overview = useOverview(filter);
  const sites = useSiteOptions();
  const siteOptions = useMemo(() => {
    const list = sites.data ?? [];
    const depth = (id: string | null, seen = 0): number => {
      const site = list.find((s) => s.id === id);
      return site?.parentId && seen < 5 ? 1 + depth(site.parentId, seen + 1) : 0;
    };
    return list
      .map((s) => ({ value: s.id, label: `${'— '.repeat(depth(s.id))}${s.name}` }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }, [sites.data]);
  const o = overview.data;
  // The thirteen chart sections are drawn in a second, interruptible pass: the key figures are
  // painted first instead of waiting for them. The page usually mounts with its figures already in
  // the cache (prefetch.ts): without `undefined` as the initial value, React would not defer that
  // first render at all.
  const chartsOverview = useDeferredValue(o, undefined);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro', { threshold: o?.suppression.threshold ?? 5 })}</Text>
      </div>
      <Group gap="md" align="flex-end" wrap="wrap" role="group" aria-label={t('filters.label')}>
        <NativeSelect
          label={t('filters.site')}
          value={filter.siteId ?? ''}
          onChange={(e) => setFilter({ ...filter, siteId: e.currentTarget.value || undefined })}
          data={[{ value: '', label: t('filters.allSites') }, ...siteOptions]}
          maw={320}
        />
        <TextInput
          type="date"
          label={t('filters.from')}
          value={filter.from ?? ''}
          onChange={(e) => setFilter({ ...filter, from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('filters.to')}
          value={filter.to ?? ''}
          onChange={(e) => setFilter({ ...filter, to: e.currentTarget.value || undefined })}
        />
        <NativeSelect
          label={t('filters.scope')}
          value={filter.scope ?? 'all'}
          onChange={(e) =>
            setFilter({
              ...filter,
              scope: e.currentTarget.value === 'organisation' ? 'organisation' : undefined,
            })
          }
          data={[
            { value: 'all', label: t('filters.scopeAll') },
            { value: 'organisation', label: t('filters.scopeOrganisation') },
          ]}
        />
      </Group>
      {overview.isPending && <PageLoader label={t('common:loading')} />}
      {overview.isError && <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />}
      {o && (
        <Stack
          gap="lg"
          data-testid="report"
          aria-busy={overview.isFetching}
          data-loading={overview.isFetching}
        >
          <Alert variant="light" color={o.suppression.applied ? 'blue' : 'green'}>
            {o.suppression.applied
              ? t('suppressedNote', {
                  last: o.suppression.threshold - 1,
                  base: o.suppression.flowsRoundedTo ?? o.suppression.threshold,
                })
              : t('exact')}{' '}
            {t('filters.snapped', { from: o.period.from, to: o.period.to })}
          </Alert>
          <KeyFigures o={o} />
          {chartsOverview && <ReportCharts overview={chartsOverview} />}
          <ExportPanel filter={filter} />
        </Stack>
      )}
    </Stack>
  );
}
