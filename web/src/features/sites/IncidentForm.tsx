import { Button, NativeSelect, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useAddIncident } from './api';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES } from './assessment-options';
import { numberOrRaw, textOrUndefined } from './form-values';
import { todayDay } from './format';
import type { CreateIncidentInput } from './types';

const blank = () => ({
  date: todayDay(),
  kind: 'other',
  severity: 'medium',
  peopleAffected: '',
  description: '',
});

export function IncidentForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation('sites');
  const add = useAddIncident(siteId);
  const [form, setForm] = useState(blank);
  const errors = fieldErrors(add.error);
  const set = (key: keyof ReturnType<typeof blank>) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      date: form.date,
      kind: form.kind,
      severity: form.severity,
      peopleAffected: numberOrRaw(form.peopleAffected),
      description: textOrUndefined(form.description),
    } as CreateIncidentInput;
    add.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('incidentForm.added') });
        setForm(blank());
        add.reset();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="incident-form-title">
      <Stack gap="sm">
        <Title order={3} size="h4" id="incident-form-title">
          {t('incidentForm.title')}
        </Title>
        <FormAlert
          error={add.error}
          fields={['date', 'kind', 'severity', 'peopleAffected', 'description']}
          namespace="sites"
        />
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <TextInput
            type="date"
            label={t('incidentForm.date')}
            value={form.date}
            max={todayDay()}
            onChange={set('date')}
            error={errors.date}
          />
          <NativeSelect
            label={t('incidentForm.kind')}
            value={form.kind}
            onChange={set('kind')}
            data={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`incidents.kinds.${k}`) }))}
            error={errors.kind}
          />
          <NativeSelect
            label={t('incidentForm.severity')}
            value={form.severity}
            onChange={set('severity')}
            data={INCIDENT_SEVERITIES.map((s) => ({ value: s, label: t(`incidents.severities.${s}`) }))}
            error={errors.severity}
          />
          <TextInput
            label={t('incidentForm.peopleAffected')}
            inputMode="numeric"
            value={form.peopleAffected}
            onChange={set('peopleAffected')}
            error={errors.peopleAffected}
          />
        </SimpleGrid>
        <Textarea
          label={t('incidentForm.description')}
          description={t('incidentForm.descriptionHint')}
          autosize
          minRows={3}
          value={form.description}
          onChange={set('description')}
          error={errors.description}
        />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('incidentForm.submit')}
        </Button>
      </Stack>
    </form>
  );
}
