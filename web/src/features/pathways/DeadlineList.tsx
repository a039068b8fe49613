import { Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCalendarDate } from './format';
import type { Deadline } from './types';

function Countdown({ deadline }: { deadline: Deadline }) {
  const { t } = useTranslation('pathways');
  const formatDate = useCalendarDate();
  if (deadline.met) return <Text size="sm">{t('deadline.metOn', { date: formatDate(deadline.metOn) })}</Text>;
  const { daysLeft } = deadline;
  const text =
    daysLeft === 0
      ? t('deadline.dueToday')
      : daysLeft > 0
        ? t('deadline.daysLeft', { count: daysLeft })
        : t('deadline.overdue', { count: -daysLeft });
  return (
    <Text
      size="sm"
      fw={700}
      c={daysLeft < 0 ? 'red' : daysLeft <= 7 ? 'orange' : undefined}
      data-testid="countdown"
    >
      {text}
    </Text>
  );
}

/** A procedure's statutory time limits: due date (a Paris calendar date), countdown, article. */
export function DeadlineList({ deadlines }: { deadlines: Deadline[] }) {
  const { t } = useTranslation('pathways');
  const formatDate = useCalendarDate();
  if (deadlines.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="procedure-deadlines">
      <Title order={4} size="h6">
        {t('deadline.title')}
      </Title>
      {deadlines.map((d) => (
        <Card key={`${d.rule}-${d.dueAt}`} withBorder padding="xs" data-testid="deadline" data-rule={d.rule}>
          <Group justify="space-between" align="start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
              <Text fw={600} size="sm">
                {t(`rules.${d.rule.replace(/^pathways\./, '')}`, { defaultValue: d.label })}
              </Text>
              <Text size="xs" c="dimmed">
                {d.legalSource}
              </Text>
              {!d.met && (
                <Text size="xs" c="dimmed">
                  {d.consequence}
                </Text>
              )}
              {d.verification.status !== 'verified' && (
                <Tooltip label={d.verification.checkedAgainst} multiline w={300}>
                  <Badge size="xs" variant="outline" color="yellow">
                    {t(`deadline.${d.verification.status}`)}
                  </Badge>
                </Tooltip>
              )}
            </Stack>
            <Stack gap={2} align="end">
              <Text size="sm">{t('deadline.dueOn', { date: formatDate(d.dueOn) })}</Text>
              {d.extended && (
                <Text size="xs" c="dimmed">
                  {t('deadline.extended')}
                </Text>
              )}
              <Countdown deadline={d} />
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
