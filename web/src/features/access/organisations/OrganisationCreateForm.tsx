import { Button, Card, Select, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import type { OrganisationKind } from '../../../api/types';
import { FormAlert } from '../../../app/FormAlert';
import { useCreateOrganisation } from '../api';

const KINDS: OrganisationKind[] = ['ngo', 'un_agency', 'authority'];
const empty = { slug: '', name: '', kind: 'ngo' as OrganisationKind };

export function OrganisationCreateForm() {
  const { t } = useTranslation('access');
  const create = useCreateOrganisation();
  const [form, setForm] = useState(empty);
  const fields = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { slug: form.slug.trim(), name: form.name.trim(), kind: form.kind },
      {
        onSuccess: (organisation) => {
          notifications.show({
            color: 'green',
            message: t('organisations.created', { name: organisation.name }),
          });
          setForm(empty);
          create.reset();
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby="org-create-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="org-create-title">
            {t('organisations.createTitle')}
          </Title>
          <FormAlert error={create.error} fields={['slug', 'name', 'kind']} namespace="access" />
          <TextInput
            label={t('organisations.name')}
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={fields.name}
          />
          <TextInput
            label={t('organisations.slug')}
            description={t('organisations.slugHint')}
            dir="ltr"
            autoCapitalize="none"
            spellCheck={false}
            value={form.slug}
            onChange={(e) => setForm({ ...form, slug: e.currentTarget.value.toLowerCase() })}
            error={fields.slug}
          />
          <Select
            label={t('organisations.kind')}
            data={KINDS.map((kind) => ({ value: kind, label: t(`common:orgKinds.${kind}`) }))}
            value={form.kind}
            allowDeselect={false}
            onChange={(value) => value && setForm({ ...form, kind: value as OrganisationKind })}
            error={fields.kind}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('organisations.create')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
