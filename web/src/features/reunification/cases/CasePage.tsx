import { Anchor, Badge, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../app/states';
import { useCase, useDeadlines } from '../api';
import { useLegalDate } from '../Countdown';
import { type CaseDetail, nameOf } from '../types';
import { FactsForm, TransitionForm } from './CaseActions';
import { DeadlineList } from './DeadlineList';
import { EvidenceChecklist } from './EvidenceChecklist';
import { StageTimeline } from './StageTimeline';

/** /reunification/cases/:id: stages, deadline countdowns, evidence, relatives and history. */
export function CasePage() {
  const { t } = useTranslation('reunification');
  const id = useParams().id ?? '';
  const query = useCase(id);
  // The same clocks as the case carries, with today's Paris date and what is not computed; it is
  // refetched after every write (the module's queries are invalidated together).
  const clocks = useDeadlines(id);
  const formatDate = useLegalDate();
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reunification" size="sm">
        {t('nav.back')}
      </Anchor>
      <Stack gap={4}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} size="h2" dir="auto" data-testid="case-person">
            {nameOf(c.person)}
          </Title>
          <Badge variant="outline" ff="monospace" dir="ltr">
            {c.person.code}
          </Badge>
          {c.applicantChild && <Badge color="red">{t('case.child')}</Badge>}
          <Badge size="lg" data-testid="case-stage">
            {t(`stages.${c.stage}`)}
          </Badge>
        </Group>
        <Text>
          {t(`bases.${c.legalBasis}`)} · {t(`ruleSets.${c.ruleSet}`, { defaultValue: c.ruleSet })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('case.lodged', { date: formatDate(c.dates.applicationLodgedOn) })}
        </Text>
      </Stack>
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <DeadlineList
              deadlines={c.deadlines}
              today={clocks.data?.today}
              notComputed={clocks.data?.notComputed}
            />
            <TransitionForm key={`${c.stage}-${c.id}`} c={c} />
            <FactsForm key={`facts-${c.dates.acceptedOn ?? ''}`} c={c} />
            <History c={c} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <StageTimeline c={c} />
            <EvidenceChecklist c={c} />
            <Relatives c={c} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function Relatives({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('reunification');
  return (
    <Card withBorder component="section" aria-labelledby="relatives-title" data-testid="relatives">
      <Stack gap="xs">
        <Title order={2} size="h4" id="relatives-title">
          {t('case.relatives')}
        </Title>
        {c.relatives.map((r) => (
          <Stack key={r.id} gap={0}>
            <Text fw={600} dir="auto">
              {nameOf(r)} — {t(`kinships.${r.kinship}`)}
            </Text>
            <Text size="sm" dir="auto">
              {[r.city, r.country].filter(Boolean).join(', ')}
              {r.legalStatus ? ` · ${t(`legalStatuses.${r.legalStatus}`)}` : ''}
            </Text>
            {r.phone && (
              <Text size="sm" dir="ltr">
                {r.phone}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Card>
  );
}

function History({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  const describe = (e: CaseDetail['events'][number]) => {
    if (e.kind === 'opened') return t('case.opened');
    if (e.kind === 'transition' && e.toStage)
      return `${t(`stages.${e.fromStage ?? 'intake'}`)} → ${t(`stages.${e.toStage}`)}`;
    if (e.kind === 'evidence')
      return t('case.evidenceChanged', {
        item: t(`case.evidenceItems.${String(e.summary.item)}`),
        status: t(`case.evidenceStatuses.${String(e.summary.status)}`),
      });
    return t('case.datesChanged');
  };
  return (
    <Card withBorder component="section" aria-labelledby="history-title" data-testid="case-history">
      <Stack gap="xs">
        <Title order={2} size="h4" id="history-title">
          {t('case.history')}
        </Title>
        {[...c.events].reverse().map((e) => (
          <Group key={e.id} gap="xs" align="start" wrap="nowrap">
            <Text size="sm" c="dimmed" miw={110}>
              {formatDate(e.occurredOn)}
            </Text>
            <Stack gap={0}>
              <Text size="sm">{describe(e)}</Text>
              {e.note && (
                <Text size="sm" c="dimmed" dir="auto">
                  {e.note}
                </Text>
              )}
            </Stack>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
