import { Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { memo, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart } from './BarChart';
import type { Series } from './bar-layout';
import { useFormatCell, useKeyLabel } from './format';
import type { Cell, Grid, Labelled, Overview } from './types';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={`report-${id}`}
      data-testid={`report-${id}`}
    >
      <Title order={2} size="h4" id={`report-${id}`} mb="sm">
        {title}
      </Title>
      {children}
    </Card>
  );
}

/** A bar chart for one section; its figures also read as text by screen readers in the label. */
function Bars(props: {
  id: string;
  title: string;
  categories: string[];
  series: Series[];
  horizontal?: boolean;
  threshold: number;
  height?: number;
}) {
  const { i18n, t } = useTranslation('reporting');
  const rtl = i18n.dir() === 'rtl';
  const format = useFormatCell(props.threshold);
  const { categories, series, horizontal = false } = props;
  const empty = series.every((s) => s.data.every((d) => d === 0));
  const summary = categories
    .map((c, i) => `${c}: ${series.map((s) => format(s.data[i] ?? 0)).join(' / ')}`)
    .join('; ');
  const height = props.height ?? (horizontal ? Math.max(160, categories.length * 32 + 60) : 260);
  return (
    <Section id={props.id} title={props.title}>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('noData')}
        </Text>
      ) : (
        <BarChart
          categories={categories}
          series={series}
          horizontal={horizontal}
          rtl={rtl}
          format={format}
          height={height}
          label={`${props.title} — ${summary}`}
          testId={`chart-${props.id}`}
        />
      )}
    </Section>
  );
}

function gridSeries(grid: Grid, rowLabel: (k: string) => string): Series[] {
  return grid.rows.map((row, r) => ({ name: rowLabel(row), data: grid.cells[r] ?? [], stack: 'grid' }));
}

function labelled(items: Labelled[], label: (k: string) => string) {
  return { categories: items.map((i) => label(i.key)), data: items.map((i) => i.count) };
}

/**
 * Every chart section. Memoised: the page re-renders when the site list arrives or a filter field
 * changes, and redrawing thirteen sections for nothing cost ~50 ms on the cold path.
 */
export const ReportCharts = memo(function ReportCharts({ overview }: { overview: Overview }) {
  const { t, i18n } = useTranslation('reporting');
  const key = useKeyLabel();
  const threshold = overview.suppression.threshold;
  const format = useFormatCell(threshold);
  const language = i18n.language;
  const languageName = useMemo(() => {
    const names = new Intl.DisplayNames([language], { type: 'language' });
    return (code: string) => (code === 'unknown' ? t('unknownKey') : (names.of(code) ?? code));
  }, [language, t]);
  const o = overview;
  const charts = useMemo(() => {
    const ages = o.population.sexByAge.columns.map((c) => (c === 'unknown' ? t('ages.unknown') : c));
    const nationalities = labelled(o.population.nationalities, (k) => key('nationalities', k));
    const needs = labelled(o.needs.byCategory, (k) => key('needs', k));
    const topics = labelled(o.counselling.byTopic, (k) => key('topics', k));
    const languages = labelled(o.counselling.byLanguage, languageName);
    const tracing = labelled(o.reunification.tracingByStatus, (k) => key('statuses', k));
    const stages = labelled(o.reunification.casesByStage, (k) => key('stages', k));
    const series = (name: string, data: Cell[]): Series[] => [{ name, data }];
    return [
      {
        id: 'population',
        title: t('sections.population'),
        horizontal: true,
        categories: o.population.bySite.map((s) => s.name),
        series: [
          { name: t('series.present'), data: o.population.bySite.map((s) => s.present) },
          {
            name: t('series.registeredInPeriod'),
            data: o.population.bySite.map((s) => s.registeredInPeriod),
          },
        ],
      },
      {
        id: 'sex-age',
        title: t('sections.sexAge'),
        categories: ages,
        series: gridSeries(o.population.sexByAge, (k) => t(`sexes.${k}`)),
      },
      {
        id: 'nationalities',
        title: t('sections.nationalities'),
        horizontal: true,
        categories: nationalities.categories,
        series: series(t('series.people'), nationalities.data),
      },
      {
        id: 'needs',
        title: t('sections.needs'),
        horizontal: true,
        categories: needs.categories,
        series: series(t('series.people'), needs.data),
      },
      {
        id: 'children',
        title: t('sections.children'),
        categories: o.children.grid.columns.map((k) => t(`childKinds.${k}`)),
        series: gridSeries(o.children.grid, (k) => t(`sexes.${k}`)),
      },
      {
        id: 'cases',
        title: t('sections.cases'),
        horizontal: true,
        categories: o.cases.typeByRisk.rows.map((k) => key('caseTypes', k)),
        series: o.cases.typeByRisk.columns.map((risk, c) => ({
          name: key('risks', risk),
          data: o.cases.typeByRisk.cells.map((row) => row[c] ?? null),
          stack: 'risk',
        })),
      },
      {
        id: 'places',
        title: t('sections.places'),
        horizontal: true,
        categories: o.places.categories.map((c) => c.category.replace(/_/g, ' ')),
        series: (['occupied', 'reserved', 'free', 'blocked'] as const).map((k) => ({
          name: t(`series.${k}`),
          data: o.places.categories.map((c) => c[k]),
          stack: 'places',
        })),
      },
      {
        id: 'relocations',
        title: t('sections.relocations'),
        categories: o.relocations.weeks.map((w) => w.weekStart.slice(5)),
        series: (['departed', 'arrived', 'returned'] as const).map((k) => ({
          name: t(`series.${k}`),
          data: o.relocations.weeks.map((w) => w[k]),
        })),
      },
      {
        id: 'counselling-topics',
        title: t('sections.counsellingTopics'),
        horizontal: true,
        categories: topics.categories,
        series: series(t('series.sessions'), topics.data),
      },
      {
        id: 'counselling-languages',
        title: t('sections.counsellingLanguages'),
        horizontal: true,
        categories: languages.categories,
        series: series(t('series.sessions'), languages.data),
      },
      {
        id: 'tracing',
        title: t('sections.tracing'),
        horizontal: true,
        categories: tracing.categories,
        series: series(t('series.requests'), tracing.data),
      },
      {
        id: 'reunification',
        title: t('sections.reunification'),
        horizontal: true,
        categories: stages.categories,
        series: series(t('series.cases'), stages.data),
      },
      {
        id: 'reconciled',
        title: t('sections.reconciled'),
        horizontal: true,
        categories: o.reconciled.map((r) => r.name),
        series: [
          { name: t('series.registered'), data: o.reconciled.map((r) => r.registeredPresent) },
          { name: t('series.central'), data: o.reconciled.map((r) => r.central) },
        ],
      },
    ];
  }, [o, t, key, languageName]);

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      {charts.map((chart) => (
        <Bars key={chart.id} threshold={threshold} {...chart} />
      ))}
      <Section id="deadlines" title={t('sections.deadlines')}>
        {o.reunification.nearestDeadlines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {o.reunification.available ? t('noData') : t('unavailable', { note: o.reunification.note })}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={280}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('table.stage')}</Table.Th>
                  <Table.Th>{t('table.dueOn')}</Table.Th>
                  <Table.Th>{t('table.cases')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.reunification.nearestDeadlines.map((d) => (
                  <Table.Tr key={`${d.stage}-${d.dueOn}`}>
                    <Table.Td>{key('stages', d.stage)}</Table.Td>
                    <Table.Td>{d.dueOn}</Table.Td>
                    <Table.Td>{format(d.cases)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </SimpleGrid>
  );
});
