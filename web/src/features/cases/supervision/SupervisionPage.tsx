import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useCaseload } from '../api';
import type { Caseload } from '../types';

/** /cases/supervision: the organisation's open caseload by risk, state, type and age; approvals waiting. */
export function SupervisionPage() {
  const { t } = useTranslation('cases');
  const load = useCaseload();
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        {t('nav.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('supervision.title')}
      </Title>
      {load.isPending && <PageLoader label={t('common:loading')} />}
      {load.isError && <ErrorState error={load.error} onRetry={() => void load.refetch()} />}
      {load.isSuccess && <Overview load={load.data} />}
    </Stack>
  );
}

function Counts({
  title,
  counts,
  prefix,
}: {
  title: string;
  counts: Record<string, number>;
  prefix?: string;
}) {
  const { t } = useTranslation('cases');
  return (
    <Card withBorder padding="sm">
      <Text fw={600} mb={4}>
        {title}
      </Text>
      {Object.entries(counts).map(([key, n]) => (
        <Group key={key} justify="space-between">
          <Text size="sm">{prefix ? t(`${prefix}.${key}`) : t('supervision.days', { range: key })}</Text>
          <Text size="sm" fw={600}>
            {n}
          </Text>
        </Group>
      ))}
    </Card>
  );
}

function Overview({ load }: { load: Caseload }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  return (
    <Stack gap="md">
      <Text>{t('supervision.summary', { total: load.total, overdue: load.overdueCases })}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Counts title={t('filters.risk')} counts={load.byRisk} prefix="risks" />
        <Counts title={t('filters.status')} counts={load.byStatus} prefix="statuses" />
        <Counts title={t('filters.type')} counts={load.byType} prefix="types" />
        <Counts title={t('supervision.age')} counts={load.byAge} />
      </SimpleGrid>
      <Title order={2} size="h4">
        {t('supervision.caseworkers')}
      </Title>
      <Table data-testid="caseload-by-caseworker">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('supervision.caseworker')}</Table.Th>
            <Table.Th>{t('supervision.open')}</Table.Th>
            <Table.Th>{t('supervision.overdue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {load.byCaseworker.map((w) => (
            <Table.Tr key={w.userId ?? 'none'}>
              <Table.Td>
                {w.userId ? (
                  <Anchor component={Link} to={`/cases?assigned=${w.userId}&status=active`}>
                    {w.name ?? w.userId}
                  </Anchor>
                ) : (
                  t('filters.unassigned')
                )}
              </Table.Td>
              <Table.Td>{w.open}</Table.Td>
              <Table.Td>{w.overdue}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} size="h4">
        {t('supervision.approvals')}
      </Title>
      {load.pendingApprovals.length === 0 && <Text c="dimmed">{t('supervision.noApprovals')}</Text>}
      {load.pendingApprovals.map((a) => (
        <Group key={a.id} gap="xs">
          <Anchor component={Link} to={`/cases/${a.caseId}`}>
            {t(`workflow.approvalKinds.${a.kind}`)}
          </Anchor>
          <Text size="sm" c="dimmed">
            {format(a.requestedAt)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
