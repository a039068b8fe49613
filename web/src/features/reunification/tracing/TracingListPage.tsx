import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useTracingList } from '../api';
import { nameOf } from '../types';

const STATUS_COLOR = { open: 'blue', matched: 'green', closed: 'gray' } as const;

/** The organisation's tracing requests, newest first, with how many candidates each has. */
export function TracingListPage() {
  const { t } = useTranslation('reunification');
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const list = useTracingList(status);
  const format = useFormatDateTime();
  const canWrite = usePermissions().has('tracing.write');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reunification" size="sm">
        {t('nav.back')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1} size="h2">
          {t('tracing.listTitle')}
        </Title>
        {canWrite && (
          <Button component={Link} to="/reunification/tracing/new">
            {t('nav.newTracing')}
          </Button>
        )}
      </Group>
      <NativeSelect
        label={t('tracing.status')}
        maw={240}
        value={status}
        onChange={(e) => setParams(e.currentTarget.value ? { status: e.currentTarget.value } : {})}
        data={[
          { value: '', label: t('tracing.any') },
          ...(['open', 'matched', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`tracing.statuses.${s}`),
          })),
        ]}
      />
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <Card withBorder data-testid="tracing-list">
          {list.data.items.length === 0 ? (
            <Text c="dimmed">{t('tracing.empty')}</Text>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('tracing.sought')}</Table.Th>
                    <Table.Th>{t('tracing.enquirer')}</Table.Th>
                    <Table.Th>{t('tracing.status')}</Table.Th>
                    <Table.Th>{t('tracing.candidates')}</Table.Th>
                    <Table.Th>{t('tracing.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.items.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/reunification/tracing/${r.id}`} dir="auto">
                          {nameOf(r.sought)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td dir="auto">
                        {nameOf(r.enquirer)} {r.enquirer.country ? `(${r.enquirer.country})` : ''}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={STATUS_COLOR[r.status]} variant="light">
                          {t(`tracing.statuses.${r.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{r.matches.proposed + r.matches.confirmed + r.matches.rejected}</Table.Td>
                      <Table.Td>{format(r.createdAt, 'date')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Card>
      )}
    </Stack>
  );
}
