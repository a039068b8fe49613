import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { useCases, useDashboard } from '../api';
import { useLegalDate } from '../Countdown';
import { AlertSettings } from './AlertSettings';
import { CaseTable } from './CaseTable';
import { DueAlerts } from './DueAlerts';

/** Cases by stage and by days to their nearest deadline, the most pressing first. */
export function DashboardPage() {
  const { t } = useTranslation('reunification');
  const permissions = usePermissions();
  const dashboard = useDashboard();
  const [params] = useSearchParams();
  const stage = params.get('stage') ?? '';
  const cases = useCases(stage);
  const formatDate = useLegalDate();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
        {dashboard.data && (
          <Text size="sm" c="dimmed" data-testid="legal-today">
            {t('deadline.today', { date: formatDate(dashboard.data.today) })}
          </Text>
        )}
      </Stack>
      <Group gap="sm">
        {permissions.has('tracing.read') && (
          <Button component={Link} to="/reunification/tracing" variant="light">
            {t('nav.tracing')}
          </Button>
        )}
        {permissions.has('tracing.write') && (
          <Button component={Link} to="/reunification/tracing/new" variant="light">
            {t('nav.newTracing')}
          </Button>
        )}
        {permissions.has('reunification.write') && (
          <Button component={Link} to="/reunification/cases/new">
            {t('nav.newCase')}
          </Button>
        )}
      </Group>
      {permissions.has('alerts.read') && <DueAlerts />}
      {dashboard.isPending && <PageLoader />}
      {dashboard.isError && <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />}
      {dashboard.data && (
        <>
          <Card withBorder component="section" aria-labelledby="by-urgency" data-testid="by-urgency">
            <Title order={2} size="h4" id="by-urgency" mb="sm">
              {t('dashboard.byUrgency')}
            </Title>
            <SimpleGrid cols={{ base: 2, sm: 5 }}>
              {dashboard.data.byUrgency.map((b) => (
                <Stack key={b.bucket} gap={0}>
                  <Text size="xl" fw={700} c={b.bucket === 'overdue' && b.count > 0 ? 'red' : undefined}>
                    {b.count}
                  </Text>
                  <Text size="sm">{t(`dashboard.buckets.${b.bucket}`)}</Text>
                </Stack>
              ))}
            </SimpleGrid>
          </Card>
          <Card withBorder component="section" aria-labelledby="by-stage" data-testid="by-stage">
            <Title order={2} size="h4" id="by-stage" mb="sm">
              {t('dashboard.byStage')}
            </Title>
            <Group gap="md">
              {dashboard.data.byStage.map((s) => (
                <Badge
                  key={s.stage}
                  component={Link}
                  to={s.stage === stage ? '/reunification' : `/reunification?stage=${s.stage}`}
                  aria-current={s.stage === stage ? 'true' : undefined}
                  variant={s.stage === stage ? 'filled' : s.count > 0 ? 'light' : 'outline'}
                  size="lg"
                  style={{ cursor: 'pointer' }}
                >
                  {t(`stages.${s.stage}`)}: {s.count}
                </Badge>
              ))}
            </Group>
          </Card>
          <CaseTable title={t('dashboard.soonest')} items={dashboard.data.soonest} testId="soonest" />
        </>
      )}
      {cases.data && (
        <CaseTable
          title={stage ? t('dashboard.atStage', { stage: t(`stages.${stage}`) }) : t('dashboard.cases')}
          items={cases.data.items}
          testId="active-cases"
        />
      )}
      {permissions.has('reunification.configure') && <AlertSettings />}
    </Stack>
  );
}
