import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { FormAlert } from '../../../app/FormAlert';
import { ErrorState, PageLoader } from '../../../app/states';
import { useMatches, useTracingRequest, useTracingStatus } from '../api';
import { useLegalDate } from '../Countdown';
import { nameOf, type TracingRequest } from '../types';
import { MatchCard } from './MatchCard';

/** /reunification/tracing/:id: the request, and its candidates to review. */
export function TracingRequestPage() {
  const { t } = useTranslation('reunification');
  const id = useParams().id ?? '';
  const request = useTracingRequest(id);
  const matches = useMatches(id);
  const status = useTracingStatus(id);
  if (request.isPending) return <PageLoader />;
  if (request.isError) return <ErrorState error={request.error} onRetry={() => void request.refetch()} />;
  const r = request.data;
  const canDecide = r.allowed.includes('decideMatch');
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reunification/tracing" size="sm">
        {t('nav.tracing')}
      </Anchor>
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2" dir="auto">
          {t('tracing.detail.title')}: {nameOf(r.sought)}
        </Title>
        <Group gap="xs">
          <Badge size="lg" variant="light" data-testid="tracing-status">
            {t(`tracing.statuses.${r.status}`)}
          </Badge>
          {r.allowed.includes('close') && (
            <Button
              variant="default"
              size="xs"
              loading={status.isPending}
              onClick={() => status.mutate('closed')}
            >
              {t('tracing.detail.close')}
            </Button>
          )}
          {r.allowed.includes('reopen') && (
            <Button
              variant="default"
              size="xs"
              loading={status.isPending}
              onClick={() => status.mutate('open')}
            >
              {t('tracing.detail.reopen')}
            </Button>
          )}
        </Group>
      </Group>
      <FormAlert error={status.error} fields={[]} namespace="reunification" />
      <RequestSummary r={r} />
      <Stack gap="sm" component="section" aria-labelledby="matches-title">
        <Title order={2} size="h3" id="matches-title">
          {t('tracing.matches.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('tracing.matches.hint')}
        </Text>
        {matches.isPending && <PageLoader />}
        {matches.isError && <ErrorState error={matches.error} onRetry={() => void matches.refetch()} />}
        {matches.data?.items.length === 0 && <Text>{t('tracing.matches.none')}</Text>}
        {matches.data?.items.map((m) => (
          <MatchCard
            key={m.id}
            requestId={r.id}
            match={m}
            canDecide={canDecide}
            canOpenCase={r.allowed.includes('openCase')}
          />
        ))}
      </Stack>
    </Stack>
  );
}

function RequestSummary({ r }: { r: TracingRequest }) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  const e = r.enquirer;
  const s = r.sought;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Card withBorder data-testid="tracing-enquirer">
        <Stack gap={4}>
          <Text fw={700}>{t('tracing.enquirer')}</Text>
          <Text dir="auto">{nameOf(e)}</Text>
          {e.kind === 'outside' && (
            <>
              <Text size="sm" dir="auto">
                {[e.city, e.country].filter(Boolean).join(', ')} ·{' '}
                {e.legalStatus ? t(`legalStatuses.${e.legalStatus}`) : ''}
              </Text>
              {e.phone && (
                <Text size="sm" dir="ltr">
                  {e.phone}
                </Text>
              )}
              {e.email && <Text size="sm">{e.email}</Text>}
            </>
          )}
        </Stack>
      </Card>
      <Card withBorder data-testid="tracing-sought">
        <Stack gap={4}>
          <Text fw={700}>
            {t('tracing.sought')} — {t(`kinships.${r.relationship}`)}
          </Text>
          <Text dir="auto">{nameOf(s)}</Text>
          {s.originalScriptName && <Text dir="auto">{s.originalScriptName}</Text>}
          <Text size="sm">
            {[t(`sexes.${s.sex}`, { defaultValue: s.sex }), s.birthYear, s.nationality]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          {s.placeOfSeparation && (
            <Text size="sm" dir="auto">
              {t('tracing.detail.separated', { place: s.placeOfSeparation })}
              {s.separatedOn ? `, ${formatDate(s.separatedOn)}` : ''}
            </Text>
          )}
          {s.notes && (
            <Text size="sm" dir="auto">
              {s.notes}
            </Text>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
