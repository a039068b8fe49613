import { Button, Card, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../../api/form-errors';
import type { Role } from '../../../api/types';
import { FormAlert } from '../../../app/FormAlert';
import { useCreateUser } from '../api';
import { RoleCheckboxes } from './RoleCheckboxes';

const empty = { email: '', name: '', password: '', roles: [] as Role[] };

export function UserCreateForm() {
  const { t } = useTranslation('access');
  const create = useCreateUser();
  const [form, setForm] = useState(empty);
  const fields = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { email: form.email.trim(), name: form.name.trim(), roles: form.roles, password: form.password },
      {
        onSuccess: (user) => {
          notifications.show({ color: 'green', message: t('users.created', { email: user.email }) });
          setForm(empty);
          create.reset();
        },
      },
    );
  };

  return (
    <Card withBorder component="section" aria-labelledby="user-create-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id="user-create-title">
            {t('users.createTitle')}
          </Title>
          <FormAlert
            error={create.error}
            fields={['email', 'name', 'roles', 'password']}
            namespace="access"
          />
          <TextInput
            label={t('users.email')}
            type="email"
            autoComplete="off"
            inputMode="email"
            dir="ltr"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={fields.email}
          />
          <TextInput
            label={t('users.name')}
            autoComplete="off"
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={fields.name}
          />
          <RoleCheckboxes
            label={t('users.roles')}
            description={t('users.rolesHint')}
            value={form.roles}
            onChange={(roles) => setForm({ ...form, roles })}
            error={fields.roles}
          />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={fields.password}
            visibilityToggleButtonProps={{ 'aria-label': t('showTyped') }}
          />
          <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('users.create')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
