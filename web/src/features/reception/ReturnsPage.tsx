import { Box, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { useReturnRates } from './api';
import { useFormatCount, useFormatPercent } from './format';
import { RecordReturnForm } from './RecordReturnForm';
import type { ReturnRates } from './types';

const GROUPINGS = ['centre', 'region', 'nationality', 'month'] as const;
type Grouping = (typeof GROUPINGS)[number];

/** Who came back, where from and why: rates with the counts behind each one. */
export function ReturnsPage() {
  const { t } = useTranslation('reception');
  const [by, setBy] = useState<Grouping>('centre');
  const rates = useReturnRates(by);
  const byMonth = useReturnRates('month');
  const canManage = usePermissions().has('reception.manage');
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('returns.title')}
      </Title>
      {canManage && <RecordReturnForm />}
      {byMonth.isSuccess && byMonth.data.groups.length > 0 && <MonthChart data={byMonth.data} />}
      <NativeSelect
        label={t('returns.by')}
        value={by}
        onChange={(e) => setBy(e.currentTarget.value as Grouping)}
        data={GROUPINGS.map((g) => ({ value: g, label: t(`returns.byOptions.${g}`) }))}
        maw={260}
      />
      {rates.isPending && <PageLoader label={t('common:loading')} />}
      {rates.isError && <ErrorState error={rates.error} onRetry={() => void rates.refetch()} />}
      {rates.isSuccess && <RatesTable data={rates.data} />}
    </Stack>
  );
}

function RatesTable({ data }: { data: ReturnRates }) {
  const { t } = useTranslation('reception');
  const count = useFormatCount();
  const percent = useFormatPercent();
  if (data.groups.length === 0) return <Text>{t('returns.empty')}</Text>;
  const reasons = (r: Record<string, number>) =>
    Object.entries(r)
      .map(([code, n]) => `${t(`returnReasons.${code}`, { defaultValue: code })}: ${count(n)}`)
      .join(', ');
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={560}>
        <Table striped verticalSpacing="xs" data-testid="return-rates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('returns.colGroup')}</Table.Th>
              <Table.Th ta="end">{t('returns.colDeparted')}</Table.Th>
              <Table.Th ta="end">{t('returns.colReturned')}</Table.Th>
              <Table.Th ta="end">{t('returns.colRate')}</Table.Th>
              <Table.Th>{t('returns.colReasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.groups.map((g) => (
              <Table.Tr key={g.key}>
                <Table.Td>{g.label}</Table.Td>
                <Table.Td ta="end">{count(g.departed)}</Table.Td>
                <Table.Td ta="end">{count(g.returned)}</Table.Td>
                <Table.Td ta="end">{percent(g.rate)}</Table.Td>
                <Table.Td>{reasons(g.reasons)}</Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr fw={600} data-testid="return-total">
              <Table.Td>{t('returns.total')}</Table.Td>
              <Table.Td ta="end">{count(data.totals.departed)}</Table.Td>
              <Table.Td ta="end">{count(data.totals.returned)}</Table.Td>
              <Table.Td ta="end">{percent(data.totals.rate)}</Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed">
        {t('returns.definition')}: {data.definition}
      </Text>
    </Stack>
  );
}

/** One bar per month of departure; the figures are in the table too, for screen readers. */
function MonthChart({ data }: { data: ReturnRates }) {
  const { t } = useTranslation('reception');
  const percent = useFormatPercent();
  const highest = Math.max(0.01, ...data.groups.map((g) => g.rate ?? 0));
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id="returns-chart-title">
        {t('returns.chart')}
      </Text>
      <Group
        gap={6}
        align="flex-end"
        wrap="nowrap"
        h={140}
        style={{ overflowX: 'auto' }}
        role="img"
        aria-labelledby="returns-chart-title"
        data-testid="returns-chart"
      >
        {data.groups.map((g) => (
          <Stack key={g.key} gap={2} align="center" justify="flex-end" h="100%" miw={44}>
            <Text size="xs">{percent(g.rate)}</Text>
            <Box
              w={28}
              h={`${Math.round(((g.rate ?? 0) / highest) * 90)}px`}
              bg="orange.5"
              style={{ borderRadius: 2, minHeight: 2 }}
            />
            <Text size="xs" c="dimmed">
              {g.label}
            </Text>
          </Stack>
        ))}
      </Group>
    </Stack>
  );
}
