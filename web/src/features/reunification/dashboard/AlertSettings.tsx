import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useAlertSettings, useSaveAlertSettings } from '../api';

/**
 * How many days before a legal deadline its alert appears (the longest) and turns urgent (the
 * shortest). Applied to every case on the alert job's next run.
 */
export function AlertSettings() {
  const settings = useAlertSettings();
  // Kept here so that "saved" outlives the form, which restarts from the values the server kept.
  const save = useSaveAlertSettings();
  if (!settings.data) return null;
  return (
    <AlertSettingsForm key={settings.data.leadDays.join(',')} leadDays={settings.data.leadDays} save={save} />
  );
}

function AlertSettingsForm({
  leadDays,
  save,
}: {
  leadDays: number[];
  save: ReturnType<typeof useSaveAlertSettings>;
}) {
  const { t } = useTranslation('reunification');
  const [value, setValue] = useState(leadDays.join(', '));
  const errors = fieldErrors(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = value
      .split(/[,،\s]+/)
      .filter(Boolean)
      .map((d) => Number(d));
    save.mutate(days);
  };
  return (
    <Card
      withBorder
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="alert-settings-title"
      data-testid="alert-settings"
    >
      <Stack gap="sm">
        <Title order={2} size="h4" id="alert-settings-title">
          {t('alerts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('alerts.hint')}
        </Text>
        <FormAlert error={save.error} fields={['leadDays']} namespace="reunification" />
        <Group align="end" wrap="wrap">
          <TextInput
            label={t('alerts.leadDays')}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={errors.leadDays}
            inputMode="numeric"
            dir="ltr"
            miw={220}
          />
          <Button type="submit" variant="light" loading={save.isPending}>
            {t('alerts.save')}
          </Button>
        </Group>
        {save.isSuccess && (
          <Text size="sm" c="green" role="status">
            {t('alerts.saved')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
