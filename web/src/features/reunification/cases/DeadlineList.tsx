import { Badge, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Countdown, DeadlineStatus, useLegalDate } from '../Countdown';
import type { Deadline } from '../types';

/**
 * Every legal clock of the case: what is due, by when (a Paris calendar date), how many days are
 * left, the article it comes from, and whether the limit was verified in the text.
 */
export function DeadlineList({ deadlines, today }: { deadlines: Deadline[]; today?: string }) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  return (
    <Card withBorder component="section" aria-labelledby="deadlines-title" data-testid="deadlines">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="deadlines-title">
            {t('deadline.title')}
          </Title>
          {today && (
            <Text size="xs" c="dimmed">
              {t('deadline.today', { date: formatDate(today) })}
            </Text>
          )}
        </Group>
        {deadlines.length === 0 && <Text c="dimmed">{t('deadline.none')}</Text>}
        {deadlines.map((d) => (
          <Card key={d.rule} withBorder padding="sm" data-testid="deadline" data-rule={d.rule}>
            <Group justify="space-between" align="start" wrap="wrap">
              <Stack gap={2} maw={520}>
                <Text fw={600}>{t(`rules.${d.rule}`, { defaultValue: d.rule })}</Text>
                <Text size="xs" c="dimmed">
                  {d.legalSource}
                </Text>
                {d.verification.status !== 'verified' && (
                  <Tooltip label={d.verification.checkedAgainst} multiline w={320}>
                    <Badge
                      color={d.verification.status === 'unverified' ? 'orange' : 'yellow'}
                      variant="outline"
                      size="sm"
                    >
                      {t(`deadline.${d.verification.status}`)}
                    </Badge>
                  </Tooltip>
                )}
              </Stack>
              <Stack gap={2} align="end">
                <Text size="sm">{t('deadline.dueOn', { date: formatDate(d.dueOn) })}</Text>
                <Countdown deadline={d} />
                <DeadlineStatus status={d.status} />
              </Stack>
            </Group>
          </Card>
        ))}
      </Stack>
    </Card>
  );
}
