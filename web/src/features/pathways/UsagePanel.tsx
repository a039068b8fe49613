import { Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorState, PageLoader } from '../../app/states';
import { localToday } from './format';

interface Usage {
  from: string;
  to: string;
  byLanguage: Array<{ language: string; bookings: number; hours: number; needed: number; unmet: number }>;
}

/** Interpreting by language over a period, for planning: counts only, no person. */
export function UsagePanel() {
  const { t } = useTranslation('pathways');
  const [from, setFrom] = useState(localToday(-30));
  const [to, setTo] = useState(localToday(30));
  const usage = useQuery({
    queryKey: ['pathways', 'usage', from, to],
    queryFn: ({ signal }) => api.get<Usage>('/api/interpreters/usage', { from, to }, signal),
    enabled: from !== '' && to !== '',
  });
  return (
    <Stack gap="sm" data-testid="interpreter-usage">
      <Title order={2} size="h4">
        {t('usage.title')}
      </Title>
      <Group gap="xs" wrap="wrap" align="end">
        <TextInput
          type="date"
          label={t('usage.from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('usage.to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
      </Group>
      {usage.isPending && <PageLoader label={t('common:loading')} />}
      {usage.isError && <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />}
      {usage.isSuccess &&
        (usage.data.byLanguage.length === 0 ? (
          <Text c="dimmed">{t('usage.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('usage.language')}</Table.Th>
                  <Table.Th>{t('usage.bookings')}</Table.Th>
                  <Table.Th>{t('usage.hours')}</Table.Th>
                  <Table.Th>{t('usage.needed')}</Table.Th>
                  <Table.Th>{t('usage.unmet')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {usage.data.byLanguage.map((row) => (
                  <Table.Tr key={row.language}>
                    <Table.Td dir="ltr">{row.language}</Table.Td>
                    <Table.Td>{row.bookings}</Table.Td>
                    <Table.Td>{row.hours}</Table.Td>
                    <Table.Td>{row.needed}</Table.Td>
                    <Table.Td c={row.unmet > 0 ? 'red' : undefined}>{row.unmet}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Stack>
  );
}
