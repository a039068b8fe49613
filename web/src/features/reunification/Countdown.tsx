import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline } from './types';

const STATUS_COLOR: Record<Deadline['status'], string> = {
  running: 'blue',
  overdue: 'red',
  met: 'green',
  missed: 'orange',
  stopped: 'gray',
};

/** A legal date as the interface language writes it; the date itself is a Paris calendar date. */
export function useLegalDate() {
  const { i18n } = useTranslation();
  return (date: string | null | undefined) => {
    if (!date) return '—';
    // Noon UTC keeps the calendar date whatever the device's time zone.
    return new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${date}T12:00:00Z`),
    );
  };
}

/**
 * How long is left, in words: counted by the server in Paris calendar days, so every device shows
 * the same countdown whatever its own clock or time zone.
 */
export function Countdown({ deadline }: { deadline: Pick<Deadline, 'daysLeft' | 'status' | 'doneOn'> }) {
  const { t } = useTranslation('reunification');
  const formatDate = useLegalDate();
  if (deadline.status === 'met' || deadline.status === 'missed')
    return <Text size="sm">{t('deadline.doneOn', { date: formatDate(deadline.doneOn) })}</Text>;
  if (deadline.status === 'stopped') return null;
  const { daysLeft } = deadline;
  const text =
    daysLeft === 0
      ? t('deadline.dueToday')
      : daysLeft > 0
        ? t('deadline.daysLeft', { count: daysLeft })
        : t('deadline.overdue', { count: -daysLeft });
  return (
    <Text size="sm" fw={700} c={daysLeft < 0 ? 'red' : daysLeft <= 7 ? 'orange' : undefined}>
      {text}
    </Text>
  );
}

export function DeadlineStatus({ status }: { status: Deadline['status'] }) {
  const { t } = useTranslation('reunification');
  return (
    <Group gap={4}>
      <Badge color={STATUS_COLOR[status]} variant="light">
        {t(`deadline.status.${status}`)}
      </Badge>
    </Group>
  );
}
