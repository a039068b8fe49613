import { Badge, Card, Group, List, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Countdown, DeadlineStatus, useLegalDate } from '../Countdown';
import type { Deadline } from '../types';

/**
 * Every legal clock of the case: what is due, by when (a Paris calendar date), how many days are
 * left, the article it comes from, what happens if it passes, and whether the limit was verified
 * in the text. `today` and `notComputed` come from the deadlines endpoint once it has answered.
 */
export function DeadlineList({
  deadlines,
  today,
  notComputed = [],
}: {
  deadlines: Deadline[];
  today?: string;
  notComputed?: string[];
}) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  return (
    <Card withBorder component="section" aria-labelledby="deadlines-title" data-testid="deadlines">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="deadlines-title">
            {t('deadline.title')}
          </Title>
          {today && (
            <Text size="xs" c="dimmed" data-testid="legal-today">
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
                {/* The rule sets' citations and consequences are written in English. */}
                <Text size="xs" c="dimmed" lang="en" dir="auto">
                  {d.legalSource}
                </Text>
                {(d.status === 'running' || d.status === 'overdue') && (
                  <Text size="xs">
                    {t('deadline.consequence')}:{' '}
                    <span lang="en" dir="auto">
                      {d.consequence}
                    </span>
                  </Text>
                )}
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
        {notComputed.length > 0 && (
          <Stack gap={2} data-testid="not-computed">
            <Text size="sm" fw={600}>
              {t('deadline.notComputed')}
            </Text>
            <List size="xs" c="dimmed">
              {notComputed.map((reason) => (
                <List.Item key={reason} lang="en" dir="auto">
                  {reason}
                </List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
