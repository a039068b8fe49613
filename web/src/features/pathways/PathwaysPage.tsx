import { Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { AppointmentCard } from './AppointmentCard';
import { useAppointments } from './api';
import { localToday } from './format';
import { InterpreterRoster } from './InterpreterRoster';
import { SiteSelect } from './SiteSelect';
import { UsagePanel } from './UsagePanel';

/** "Who must be where" on a day (tomorrow by default): the outreach teams' list. */
function DayView() {
  const { t } = useTranslation('pathways');
  const [date, setDate] = useState(localToday(1));
  const [siteId, setSiteId] = useState('');
  const day = useAppointments({ date, ...(siteId ? { siteId } : {}) });
  return (
    <Stack gap="sm" data-testid="day-view">
      <Group align="end" wrap="wrap">
        <TextInput
          type="date"
          label={t('page.day')}
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
        />
        <SiteSelect label={t('sites.day')} value={siteId} onChange={setSiteId} />
        <Button variant="default" onClick={() => setDate(localToday(1))}>
          {t('page.tomorrow')}
        </Button>
      </Group>
      {day.isPending && <PageLoader label={t('common:loading')} />}
      {day.isError && <ErrorState error={day.error} onRetry={() => void day.refetch()} />}
      {day.isSuccess &&
        (day.data.items.length === 0 ? (
          <Text c="dimmed">{t('page.noAppointments')}</Text>
        ) : (
          <Stack gap="xs">
            {day.data.items.map((a) => (
              <AppointmentCard key={a.id} appointment={a} showPerson />
            ))}
          </Stack>
        ))}
    </Stack>
  );
}

/** /pathways: the day's appointments and the interpreter roster. */
export function PathwaysPage() {
  const { t } = useTranslation('pathways');
  const permissions = usePermissions();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('page.title')}</Title>
        <Text c="dimmed">{t('page.intro')}</Text>
      </Stack>
      {permissions.has('appointments.read') && <DayView />}
      {permissions.has('interpreters.read') && <InterpreterRoster />}
      {permissions.has('interpreters.statistics') && <UsagePanel />}
    </Stack>
  );
}
