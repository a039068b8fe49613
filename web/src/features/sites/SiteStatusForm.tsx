import { Button, Group, NativeSelect, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useUpdateSite } from './api';
import { textOrUndefined } from './form-values';
import { todayDay } from './format';
import { SITE_STATUSES, type SiteDetail, type SiteStatus } from './types';

/** A status change with the day it took effect: the history keeps every one. */
export function SiteStatusForm({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('sites');
  const update = useUpdateSite(site.id);
  const [form, setForm] = useState({
    status: site.status as SiteStatus,
    effectiveOn: todayDay(),
    reason: '',
  });
  const errors = fieldErrors(update.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      {
        status: form.status,
        statusEffectiveOn: form.effectiveOn,
        statusReason: textOrUndefined(form.reason),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('statusForm.done') });
          setForm({ ...form, reason: '' });
          update.reset();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="status-form-title">
      <Title order={3} size="h5" id="status-form-title" mb="xs">
        {t('statusForm.title')}
      </Title>
      <FormAlert
        error={update.error}
        fields={['status', 'statusEffectiveOn', 'statusReason']}
        namespace="sites"
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('statusForm.status')}
          value={form.status}
          onChange={(e) => setForm({ ...form, status: e.currentTarget.value as SiteStatus })}
          data={SITE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          error={errors.status}
        />
        <TextInput
          type="date"
          label={t('statusForm.effectiveOn')}
          value={form.effectiveOn}
          max={todayDay()}
          onChange={(e) => setForm({ ...form, effectiveOn: e.currentTarget.value })}
          error={errors.statusEffectiveOn}
        />
        <TextInput
          label={t('statusForm.reason')}
          value={form.reason}
          onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
          error={errors.statusReason}
          style={{ flex: 1, minWidth: 200 }}
        />
        <Button type="submit" loading={update.isPending}>
          {t('statusForm.submit')}
        </Button>
      </Group>
    </form>
  );
}
