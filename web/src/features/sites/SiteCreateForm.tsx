import { Button, Card, NativeSelect, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useCreateSite, useSites } from './api';
import { numberOrRaw, textOrUndefined } from './form-values';
import { type CreateSiteInput, SITE_KINDS, SITE_STATUSES, type SiteKind, type SiteStatus } from './types';

const empty = {
  name: '',
  kind: 'informal_settlement' as SiteKind,
  status: 'open' as SiteStatus,
  parentId: '',
  latitude: '',
  longitude: '',
  region: '',
  managedBy: '',
  openedOn: '',
};

export function SiteCreateForm() {
  const { t } = useTranslation('sites');
  const navigate = useNavigate();
  const create = useCreateSite();
  const parents = useSites({});
  const [form, setForm] = useState(empty);
  const errors = fieldErrors(create.error);
  const set = (key: keyof typeof empty) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: event.currentTarget.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const latitude = numberOrRaw(form.latitude);
    const longitude = numberOrRaw(form.longitude);
    const body = {
      name: form.name,
      kind: form.kind,
      status: form.status,
      parentId: textOrUndefined(form.parentId),
      location: latitude === undefined && longitude === undefined ? undefined : { latitude, longitude },
      region: textOrUndefined(form.region),
      managedBy: textOrUndefined(form.managedBy),
      openedOn: textOrUndefined(form.openedOn),
    } as CreateSiteInput;
    create.mutate(body, {
      onSuccess: (site) => {
        notifications.show({ color: 'green', message: t('create.created', { name: site.name }) });
        setForm(empty);
        navigate(`/sites/${site.id}`);
      },
    });
  };

  return (
    <Card withBorder component="section" aria-labelledby="site-create-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="site-create-title">
            {t('create.title')}
          </Title>
          <FormAlert
            error={create.error}
            fields={['name', 'kind', 'status', 'parentId', 'location', 'region', 'managedBy', 'openedOn']}
            namespace="sites"
          />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
            <TextInput
              label={t('create.name')}
              value={form.name}
              onChange={set('name')}
              error={errors.name}
            />
            <NativeSelect
              label={t('create.kind')}
              value={form.kind}
              onChange={set('kind')}
              data={SITE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
              error={errors.kind}
            />
            <NativeSelect
              label={t('create.status')}
              value={form.status}
              onChange={set('status')}
              data={SITE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
              error={errors.status}
            />
            <NativeSelect
              label={t('create.parent')}
              value={form.parentId}
              onChange={set('parentId')}
              data={[
                { value: '', label: t('create.parentNone') },
                ...(parents.data ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
              error={errors.parentId}
            />
            <TextInput
              label={t('create.latitude')}
              description={t('create.locationHint')}
              inputMode="decimal"
              dir="ltr"
              value={form.latitude}
              onChange={set('latitude')}
              error={errors['location.latitude']}
            />
            <TextInput
              label={t('create.longitude')}
              inputMode="decimal"
              dir="ltr"
              value={form.longitude}
              onChange={set('longitude')}
              error={errors['location.longitude']}
            />
            <TextInput
              label={t('create.region')}
              value={form.region}
              onChange={set('region')}
              error={errors.region}
            />
            <TextInput
              label={t('create.managedBy')}
              value={form.managedBy}
              onChange={set('managedBy')}
              error={errors.managedBy}
            />
            <TextInput
              type="date"
              label={t('create.openedOn')}
              value={form.openedOn}
              onChange={set('openedOn')}
              error={errors.openedOn}
            />
          </SimpleGrid>
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('create.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
