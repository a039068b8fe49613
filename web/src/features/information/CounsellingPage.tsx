import { Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '../../app/states';
import { useFormatDateTime } from '../../i18n/format';
import { useCompleteFollowUp, useFollowUps, useSessions } from './api';
import { CounsellingForm } from './CounsellingForm';
import { languageLabel } from './languages';

function FollowUpsList() {
  const { t } = useTranslation('information');
  const format = useFormatDateTime();
  const followUps = useFollowUps();
  const complete = useCompleteFollowUp();
  return (
    <Card withBorder component="section" aria-labelledby="follow-ups-title">
      <Title order={2} size="h4" id="follow-ups-title" mb="sm">
        {t('followUps.title')}
      </Title>
      {followUps.isPending && <PageLoader label={t('common:loading')} />}
      {followUps.isError && <ErrorState error={followUps.error} onRetry={() => void followUps.refetch()} />}
      {followUps.data && followUps.data.items.length === 0 && <Text>{t('followUps.empty')}</Text>}
      <Stack gap="xs" data-testid="follow-ups">
        {followUps.data?.items.map((item) => (
          <Group key={item.id} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600} dir="ltr">
                {item.personCode ?? t('counselling.anonymousPerson')}
              </Text>
              <Text size="xs" c="dimmed">
                {t('followUps.due', { date: format(item.followUpOn, 'date') })} ·{' '}
                {languageLabel(item.language)}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              {item.overdue && <Badge color="red">{t('followUps.overdue')}</Badge>}
              {item.allowed.includes('completeFollowUp') && (
                <Button
                  size="xs"
                  variant="light"
                  loading={complete.isPending && complete.variables === item.id}
                  onClick={() => complete.mutate(item.id)}
                >
                  {t('followUps.done')}
                </Button>
              )}
            </Group>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

function RecentSessions() {
  const { t } = useTranslation('information');
  const format = useFormatDateTime();
  const sessions = useSessions();
  const items = sessions.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="recent-sessions-title">
      <Title order={2} size="h4" id="recent-sessions-title" mb="sm">
        {t('counselling.recent')}
      </Title>
      {sessions.isPending && <PageLoader label={t('common:loading')} />}
      {sessions.isError && <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isSuccess && items.length === 0 && <Text>{t('counselling.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" data-testid="counselling-sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('counselling.date')}</Table.Th>
                <Table.Th>{t('counselling.person')}</Table.Th>
                <Table.Th>{t('counselling.language')}</Table.Th>
                <Table.Th>{t('counselling.intention')}</Table.Th>
                <Table.Th>{t('counselling.followUp')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{format(s.heldOn, 'date')}</Table.Td>
                  <Table.Td dir="ltr">{s.personCode ?? t('counselling.anonymousPerson')}</Table.Td>
                  <Table.Td>{languageLabel(s.language)}</Table.Td>
                  <Table.Td>{t(`intentions.${s.statedIntention}`)}</Table.Td>
                  <Table.Td>{s.followUpOn ? format(s.followUpOn, 'date') : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {sessions.hasNextPage && (
        <Button
          mt="sm"
          variant="default"
          onClick={() => void sessions.fetchNextPage()}
          loading={sessions.isFetchingNextPage}
        >
          {t('common:actions.loadMore')}
        </Button>
      )}
    </Card>
  );
}

export function CounsellingPage() {
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <CounsellingForm />
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="lg">
          <FollowUpsList />
          <RecentSessions />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
