import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDateTime } from '../../../i18n/format';
import { personLabel } from '../format';
import { type CaseSummary, RISK_COLOURS } from '../types';

export function CasesTable({ cases }: { cases: CaseSummary[] }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover data-testid="cases-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.person')}</Table.Th>
            <Table.Th>{t('list.type')}</Table.Th>
            <Table.Th>{t('list.risk')}</Table.Th>
            <Table.Th>{t('list.status')}</Table.Th>
            <Table.Th>{t('list.due')}</Table.Th>
            <Table.Th>{t('list.opened')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/cases/${c.id}`} dir="auto">
                    {personLabel(c.person)}
                  </Anchor>
                  {c.person.nameHidden && (
                    <Badge size="xs" variant="outline" color="gray">
                      {t('list.hidden')}
                    </Badge>
                  )}
                  {c.unaccompanied && (
                    <Badge size="xs" color="red">
                      {t('list.unaccompanied')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>{t(`types.${c.type}`)}</Table.Td>
              <Table.Td>
                <Badge color={RISK_COLOURS[c.risk]} variant="light">
                  {t(`risks.${c.risk}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`statuses.${c.status}`)}</Table.Td>
              <Table.Td>
                {c.overdueItems > 0 ? (
                  <Badge color="red">{t('list.overdue', { count: c.overdueItems })}</Badge>
                ) : (
                  <Text size="sm">{format(c.nextDueAt)}</Text>
                )}
              </Table.Td>
              <Table.Td>{format(c.openedAt, 'date')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
