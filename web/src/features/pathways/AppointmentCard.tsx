import { Anchor, Badge, Button, Card, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../app/FormAlert';
import { useFormatDateTime } from '../../i18n/format';
import { slipUrl, useAppointmentOutcome, useBookInterpreter, useFollowUp, useInterpreters } from './api';
import type { Appointment } from './types';

const STATUS_COLOR: Record<Appointment['status'], string> = {
  scheduled: 'blue',
  attended: 'green',
  missed: 'red',
  cancelled: 'gray',
};

/** Interpreters who speak the language and are free over the appointment's hour; book one. */
function BookInterpreter({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation('pathways');
  const language = appointment.interpreterLanguage ?? '';
  const free = useInterpreters(
    { language, from: appointment.startsAt, to: appointment.endsAt },
    language !== '',
  );
  const book = useBookInterpreter();
  const [chosen, setChosen] = useState('');
  const items = free.data?.items ?? [];
  if (!language || free.isPending) return null;
  if (items.length === 0)
    return (
      <Text size="sm" c="orange">
        {t('appointments.noInterpreterFree')}
      </Text>
    );
  const interpreterId = chosen || items[0]!.id;
  return (
    <Stack gap={4}>
      <Group align="end" wrap="wrap" gap="xs">
        <NativeSelect
          label={t('appointments.chooseInterpreter')}
          value={interpreterId}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={items.map((i) => ({
            value: i.id,
            label: `${i.name} · ${t(`interpreters.kinds.${i.kind}`)} · ${i.languages.join(', ')}`,
          }))}
          miw={220}
        />
        <Button
          variant="light"
          loading={book.isPending}
          onClick={() => book.mutate({ interpreterId, appointmentId: appointment.id })}
        >
          {t('appointments.bookInterpreter')}
        </Button>
      </Group>
      <FormAlert error={book.error} fields={[]} namespace="pathways" />
    </Stack>
  );
}

/** One appointment, for a day list or a person's file; actions as the server allows them. */
export function AppointmentCard({
  appointment,
  showPerson,
}: {
  appointment: Appointment;
  showPerson?: boolean;
}) {
  const { t } = useTranslation('pathways');
  const formatDateTime = useFormatDateTime();
  const outcome = useAppointmentOutcome();
  const followUp = useFollowUp();
  const a = appointment;
  const can = (action: string) => a.allowed.includes(action);
  return (
    <Card withBorder padding="sm" data-testid="appointment" data-appointment-id={a.id}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{formatDateTime(a.startsAt)}</Text>
          <Badge color={STATUS_COLOR[a.status]} variant="light">
            {t(`appointments.status.${a.status}`)}
          </Badge>
        </Group>
        {showPerson && (
          <Text size="sm">
            <Anchor component={Link} to={`/people/${encodeURIComponent(a.personId)}?tab=pathway`}>
              {a.personName ?? a.personCode}
            </Anchor>{' '}
            <Text span c="dimmed" size="xs" dir="ltr">
              {a.personCode}
            </Text>
          </Text>
        )}
        <Text size="sm">
          {t(`appointments.purposes.${a.purpose}`)}
          {a.stage ? ` · ${t(`stages.${a.stage}`, a.stage)}` : ''}
        </Text>
        <Text size="sm">
          {a.place} · {a.hostOrganisation}
          {a.mapReference ? ` · ${a.mapReference}` : ''}
        </Text>
        <Text size="sm" c="dimmed">
          {t('appointments.transport')}: {t(`appointments.transports.${a.transport}`)}
        </Text>
        {a.interpreter ? (
          <Text size="sm" data-testid="appointment-interpreter">
            {t('appointments.interpreterBooked', {
              name: a.interpreter.interpreterName,
              language: a.interpreter.language,
            })}
          </Text>
        ) : (
          a.interpreterLanguage && (
            <Text size="sm" c="orange">
              {t('appointments.interpreterNeeded', { language: a.interpreterLanguage })}
            </Text>
          )
        )}
        {!a.interpreter && can('bookInterpreter') && <BookInterpreter appointment={a} />}
        <Group gap="xs" wrap="wrap">
          {can('printSlip') && (
            <Button
              component="a"
              href={slipUrl(a.id)}
              target="_blank"
              rel="noopener"
              variant="default"
              size="xs"
            >
              {t('appointments.slip')}
            </Button>
          )}
          {can('recordOutcome') && (
            <>
              <Button
                size="xs"
                variant="light"
                color="green"
                onClick={() => outcome.mutate({ id: a.id, status: 'attended' })}
              >
                {t('appointments.attended')}
              </Button>
              <Button
                size="xs"
                variant="light"
                color="red"
                onClick={() => outcome.mutate({ id: a.id, status: 'missed' })}
              >
                {t('appointments.missed')}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={() => outcome.mutate({ id: a.id, status: 'cancelled' })}
              >
                {t('appointments.cancel')}
              </Button>
            </>
          )}
          {can('followUp') && !a.followUpDoneAt && (
            <Button size="xs" variant="light" onClick={() => followUp.mutate(a.id)}>
              {t('appointments.followUp')}
            </Button>
          )}
        </Group>
        <FormAlert error={outcome.error ?? followUp.error} fields={[]} namespace="pathways" />
      </Stack>
    </Card>
  );
}
