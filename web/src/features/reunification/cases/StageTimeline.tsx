import { Card, Stack, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLegalDate } from '../Countdown';
import type { CaseDetail, Stage } from '../types';

/** The usual path; rejection and re-examination appear only when the case went through them. */
const MAIN_PATH: readonly Stage[] = [
  'intake',
  'evidence',
  'request_sent',
  'accepted',
  'transfer_scheduled',
  'transferred',
  'closed',
];

/**
 * Where the case stands: the stages it went through (with the day each happened) and those still
 * ahead, the current one highlighted.
 */
export function StageTimeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  const reached = new Map<Stage, string>();
  for (const e of c.events) if (e.toStage) reached.set(e.toStage, e.occurredOn);
  const went = c.events.filter((e) => e.toStage).map((e) => e.toStage as Stage);
  const path = [
    ...new Set([
      ...went,
      ...MAIN_PATH.filter((s) => !went.includes(s) && MAIN_PATH.indexOf(s) > MAIN_PATH.indexOf(c.stage)),
    ]),
  ];
  const active = path.indexOf(c.stage);
  return (
    <Card withBorder component="section" aria-labelledby="stages-title" data-testid="stage-timeline">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stages-title">
          {t('case.timeline')}
        </Title>
        <Timeline active={active} bulletSize={18} lineWidth={2}>
          {path.map((stage) => (
            <Timeline.Item
              key={stage}
              title={t(`stages.${stage}`)}
              aria-current={stage === c.stage ? 'step' : undefined}
              fw={stage === c.stage ? 700 : undefined}
            >
              <Text size="xs" c="dimmed">
                {reached.has(stage) ? formatDate(reached.get(stage)) : ''}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Card>
  );
}
