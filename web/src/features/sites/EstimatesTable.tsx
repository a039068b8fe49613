import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatCount, useFormatDay } from './format';
import type { Estimate } from './types';

/** Every entry, corrections included: figures are evidence and none is ever overwritten. */
export function EstimatesTable({ estimates }: { estimates: Estimate[] }) {
  const { t } = useTranslation('sites');
  const day = useFormatDay();
  const count = useFormatCount();
  return (
    <details>
      <summary>
        <Text span size="sm" fw={600}>
          {t('estimates.title')} ({count(estimates.length)})
        </Text>
      </summary>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={4} fz="sm" data-testid="estimates-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('population.colDate')}</Table.Th>
              <Table.Th>{t('population.colSource')}</Table.Th>
              <Table.Th>{t('population.colKind')}</Table.Th>
              <Table.Th>{t('estimateForm.low')}</Table.Th>
              <Table.Th>{t('estimateForm.high')}</Table.Th>
              <Table.Th>{t('estimateForm.point')}</Table.Th>
              <Table.Th>{t('estimates.colMethod')}</Table.Th>
              <Table.Th>{t('estimates.colState')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {estimates.map((e) => (
              <Table.Tr
                key={e.id}
                style={e.isCurrent ? undefined : { textDecoration: 'line-through', opacity: 0.7 }}
              >
                <Table.Td>{day(e.date)}</Table.Td>
                <Table.Td>{e.sourceName}</Table.Td>
                <Table.Td>{t(`sourceKinds.${e.sourceKind}`)}</Table.Td>
                <Table.Td>{count(e.low)}</Table.Td>
                <Table.Td>{count(e.high)}</Table.Td>
                <Table.Td>{count(e.point)}</Table.Td>
                <Table.Td>{e.method ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge size="xs" variant="light" color={e.isCurrent ? 'green' : 'gray'}>
                    {e.isCurrent ? t('estimates.current') : t('estimates.corrected')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}
