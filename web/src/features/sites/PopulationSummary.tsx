import { Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatCount, useFormatDay, useFormatRange } from './format';
import type { Population } from './types';

/**
 * The reconciled figures in the reader's language, built from the numbers (the API's own
 * statement is English): range, central value and method, disagreement, registry floor, sources.
 */
export function PopulationSummary({ population: p }: { population: Population }) {
  const { t, i18n } = useTranslation('sites');
  const count = useFormatCount();
  const range = useFormatRange();
  const day = useFormatDay();
  const ratio =
    p.divergenceRatio === null
      ? null
      : new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
          p.divergenceRatio,
        );
  const ignored = p.ignored.length;

  return (
    <Stack gap="sm" data-testid="population-summary">
      {p.closure && (
        <Text size="sm">
          {t('population.closed', {
            status: t(`statuses.${p.closure.status}`).toLowerCase(),
            date: day(p.closure.on),
          })}
        </Text>
      )}
      {p.range === null ? (
        <Text data-testid="population-none">{t('population.none')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Figure label={t('population.range')} testId="population-range">
            {range(p.range.low, p.range.high)}
          </Figure>
          <Figure label={t('population.central')} testId="population-central">
            {count(p.central?.value)}{' '}
            <Text span size="xs" c="dimmed">
              ({t(`population.methods.${p.central?.method ?? 'weighted_median'}`)}
              {p.central?.raisedToFloor ? `, ${t('population.raised')}` : ''})
            </Text>
          </Figure>
          <Figure label={t('population.divergence')} testId="population-divergence">
            {ratio === null ? '—' : `× ${ratio}`}
          </Figure>
          <Figure label={t('population.registered')} testId="population-registered">
            {count(p.registeredPresent)}
            {!p.floorApplied && p.registeredPresent > 0 && (
              <Text span size="xs" c="dimmed">
                {' '}
                ({t('population.registeredPast')})
              </Text>
            )}
          </Figure>
        </SimpleGrid>
      )}
      {p.basis === 'zones' && (
        <Text size="sm">{t('population.zonesBasis', { count: p.zones.filter((z) => z.range).length })}</Text>
      )}
      {p.newestFigureOn && daysBetween(p.newestFigureOn, p.date) > 30 && (
        <Text size="sm" c="orange.9" data-testid="population-newest">
          {t('population.newest', { date: day(p.newestFigureOn) })}
        </Text>
      )}
      {ignored > 0 && (
        <Text size="sm" c="dimmed">
          {t('population.ignored', { count: ignored })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {p.method.maxAgeDays === null
          ? t('population.weights', { halfLife: p.method.halfLifeDays })
          : t('population.weightsCutoff', { halfLife: p.method.halfLifeDays, maxAge: p.method.maxAgeDays })}
      </Text>
      {p.sources.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} fz="sm" data-testid="population-sources">
            <Table.Caption>{t('population.sources')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('population.colSource')}</Table.Th>
                <Table.Th>{t('population.colKind')}</Table.Th>
                <Table.Th>{t('population.colDate')}</Table.Th>
                <Table.Th>{t('population.colFigure')}</Table.Th>
                <Table.Th>{t('population.colWeight')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.sources.map((s) => (
                <Table.Tr key={s.estimateId}>
                  <Table.Td>{s.sourceName}</Table.Td>
                  <Table.Td>{t(`sourceKinds.${s.sourceKind}`)}</Table.Td>
                  <Table.Td>{day(s.date)}</Table.Td>
                  <Table.Td>
                    {s.point !== null ? count(s.point) : range(s.low, s.high)}
                    {s.belowFloor && (
                      <Badge ms={6} size="xs" color="orange" variant="light">
                        {t('population.belowFloor')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{s.weight.toFixed(2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {p.zones.length > 0 && (
        <Table verticalSpacing={4} fz="sm">
          <Table.Caption>{t('population.zones')}</Table.Caption>
          <Table.Tbody>
            {p.zones.map((z) => (
              <Table.Tr key={z.siteId}>
                <Table.Td>{z.name}</Table.Td>
                <Table.Td>{z.range ? range(z.range.low, z.range.high) : '—'}</Table.Td>
                <Table.Td>{count(z.central?.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <BreakdownLine population={p} />
    </Stack>
  );
}

const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

function Figure({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} fz="xl" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}

function BreakdownLine({ population: p }: { population: Population }) {
  const { t } = useTranslation('sites');
  const range = useFormatRange();
  const parts = (['children', 'women', 'unaccompaniedMinors'] as const)
    .map((key) => ({ key, span: p.breakdown[key] }))
    .filter((part) => part.span !== null);
  if (parts.length === 0 && p.breakdown.nationalities.length === 0) return null;
  return (
    <div>
      <Text size="sm" fw={600}>
        {t('population.breakdown')}
      </Text>
      <Group gap="lg" wrap="wrap">
        {parts.map(({ key, span }) => (
          <Text key={key} size="sm">
            {t(`population.${key}`)}: {range(span?.low, span?.high)}
          </Text>
        ))}
        {p.breakdown.nationalities.length > 0 && (
          <Text size="sm">
            {t('population.nationalities')}:{' '}
            <span dir="ltr">
              {p.breakdown.nationalities.map((n) => `${n.code} ${range(n.low, n.high)}`).join(', ')}
            </span>
          </Text>
        )}
      </Group>
    </div>
  );
}
