import { Button, Group, NativeSelect, NumberInput, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useCreateAppointment } from './api';
import { optional } from './format';
import { SiteSelect } from './SiteSelect';
import { type Procedure, PURPOSES, TRANSPORT } from './types';

const FIELDS = [
  'purpose',
  'procedureId',
  'stage',
  'startsAt',
  'endsAt',
  'place',
  'mapReference',
  'hostOrganisation',
  'interpreterLanguage',
  'transport',
  'siteId',
];

/** Books an appointment for a person: for a procedure step, counselling or a medical referral. */
export function AppointmentForm({
  personId,
  procedures,
  defaultLanguage,
}: {
  personId: string;
  procedures: Procedure[];
  defaultLanguage?: string;
}) {
  const { t } = useTranslation('pathways');
  const create = useCreateAppointment();
  const open = procedures.filter((p) => p.status === 'open');
  const [purpose, setPurpose] = useState<(typeof PURPOSES)[number]>('pathway_step');
  const [step, setStep] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [minutes, setMinutes] = useState<number | string>(60);
  const [place, setPlace] = useState('');
  const [mapReference, setMapReference] = useState('');
  const [host, setHost] = useState('');
  const [language, setLanguage] = useState(defaultLanguage ?? '');
  const [siteId, setSiteId] = useState('');
  const [transport, setTransport] = useState<(typeof TRANSPORT)[number]>('none');
  const errors = fieldErrors(create.error);
  // A step is "procedureId|stage": the appointment is for that stage of that procedure.
  const steps = open.flatMap((p) =>
    p.nextStages.map((s) => ({
      value: `${p.id}|${s}`,
      label: `${t(`procedure.kinds.${p.kind}`)} · ${t(`stages.${s}`)}`,
    })),
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const start = startsAt ? new Date(startsAt) : null;
    const [procedureId, stage] = purpose === 'pathway_step' && step ? step.split('|') : [];
    create.mutate(
      {
        personId,
        purpose,
        ...(procedureId ? { procedureId, stage } : {}),
        ...(siteId ? { siteId } : {}),
        startsAt: start && !Number.isNaN(start.getTime()) ? start.toISOString() : startsAt,
        ...(start && Number(minutes) > 0
          ? { endsAt: new Date(start.getTime() + Number(minutes) * 60_000).toISOString() }
          : {}),
        place: place.trim(),
        ...(optional(mapReference) ? { mapReference: optional(mapReference) } : {}),
        hostOrganisation: host.trim(),
        ...(optional(language) ? { interpreterLanguage: optional(language) } : {}),
        transport,
      },
      { onSuccess: () => setStartsAt('') },
    );
  };
  return (
    <form onSubmit={submit} data-testid="appointment-form">
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('appointments.book')}
        </Title>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <NativeSelect
            label={t('appointments.purpose')}
            value={purpose}
            onChange={(e) => setPurpose(e.currentTarget.value as typeof purpose)}
            data={PURPOSES.map((p) => ({ value: p, label: t(`appointments.purposes.${p}`) }))}
            error={errors.purpose}
            miw={180}
          />
          {purpose === 'pathway_step' && steps.length > 0 && (
            <NativeSelect
              label={t('appointments.procedure')}
              value={step}
              onChange={(e) => setStep(e.currentTarget.value)}
              data={[{ value: '', label: t('appointments.noProcedure') }, ...steps]}
              error={errors.procedureId ?? errors.stage}
              miw={220}
            />
          )}
        </Group>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <TextInput
            type="datetime-local"
            label={t('appointments.startsAt')}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={errors.startsAt}
            required
            miw={200}
          />
          <NumberInput
            label={t('appointments.durationMinutes')}
            value={minutes}
            onChange={setMinutes}
            min={5}
            max={720}
            step={15}
            error={errors.endsAt}
            miw={140}
          />
        </Group>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <TextInput
            label={t('appointments.place')}
            value={place}
            onChange={(e) => setPlace(e.currentTarget.value)}
            error={errors.place}
            required
            miw={200}
          />
          <TextInput
            label={t('appointments.host')}
            value={host}
            onChange={(e) => setHost(e.currentTarget.value)}
            error={errors.hostOrganisation}
            required
            miw={200}
          />
        </Group>
        <Group grow wrap="wrap" align="start" preventGrowOverflow={false}>
          <TextInput
            label={t('appointments.mapReference')}
            value={mapReference}
            onChange={(e) => setMapReference(e.currentTarget.value)}
            error={errors.mapReference}
            miw={160}
          />
          <TextInput
            label={t('appointments.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            error={errors.interpreterLanguage}
            dir="ltr"
            miw={160}
          />
          <SiteSelect
            label={t('sites.appointment')}
            value={siteId}
            onChange={setSiteId}
            error={errors.siteId}
          />
          <NativeSelect
            label={t('appointments.transport')}
            value={transport}
            onChange={(e) => setTransport(e.currentTarget.value as typeof transport)}
            data={TRANSPORT.map((x) => ({ value: x, label: t(`appointments.transports.${x}`) }))}
            error={errors.transport}
            miw={160}
          />
        </Group>
        <FormAlert error={create.error} fields={FIELDS} namespace="pathways" />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('appointments.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
