import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { useCreateInterpreter, useInterpreters, useUpdateInterpreter } from './api';
import type { Interpreter } from './types';

function AddInterpreterForm() {
  const { t } = useTranslation('pathways');
  const create = useCreateInterpreter();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<Interpreter['kind']>('interpreter');
  const [languages, setLanguages] = useState('');
  const [organisation, setOrganisation] = useState('');
  const errors = fieldErrors(create.error);
  return (
    <form
      data-testid="add-interpreter"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          {
            name: name.trim(),
            kind,
            languages: languages
              .split(/[,\s]+/)
              .map((l) => l.trim())
              .filter(Boolean),
            organisation: organisation.trim(),
            availability: [],
          },
          {
            onSuccess: () => {
              setName('');
              setLanguages('');
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Title order={3} size="h6">
          {t('interpreters.add')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput
            label={t('interpreters.name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            required
          />
          <NativeSelect
            label={t('interpreters.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as Interpreter['kind'])}
            data={(['interpreter', 'cultural_mediator'] as const).map((k) => ({
              value: k,
              label: t(`interpreters.kinds.${k}`),
            }))}
          />
          <TextInput
            label={t('interpreters.languages')}
            value={languages}
            onChange={(e) => setLanguages(e.currentTarget.value)}
            error={errors.languages}
            dir="ltr"
            required
          />
          <TextInput
            label={t('interpreters.organisation')}
            value={organisation}
            onChange={(e) => setOrganisation(e.currentTarget.value)}
            error={errors.organisation}
            required
          />
        </SimpleGrid>
        <FormAlert error={create.error} fields={['name', 'languages', 'organisation']} namespace="pathways" />
        <Group>
          <Button type="submit" variant="light" loading={create.isPending}>
            {t('interpreters.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The roster of interpreters and cultural mediators, with their languages and weekly availability. */
export function InterpreterRoster() {
  const { t } = useTranslation('pathways');
  const permissions = usePermissions();
  const roster = useInterpreters({});
  const update = useUpdateInterpreter();
  const canManage = permissions.has('interpreters.manage');
  return (
    <Stack gap="sm" data-testid="interpreter-roster">
      <Title order={2} size="h4">
        {t('interpreters.title')}
      </Title>
      {roster.isPending && <PageLoader label={t('common:loading')} />}
      {roster.isError && <ErrorState error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.isSuccess && roster.data.items.length === 0 && <Text c="dimmed">{t('interpreters.none')}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {roster.data?.items.map((i) => (
          <Card key={i.id} withBorder padding="sm" data-testid="interpreter">
            <Stack gap={4}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text fw={700}>{i.name}</Text>
                <Badge variant="light">{t(`interpreters.kinds.${i.kind}`)}</Badge>
              </Group>
              <Text size="sm" dir="ltr" ta="start">
                {i.languages.join(', ')}
              </Text>
              <Text size="sm" c="dimmed">
                {i.organisation}
              </Text>
              <Text size="xs">
                {t('interpreters.availability')}:{' '}
                {i.availability.length === 0
                  ? t('interpreters.onCall')
                  : i.availability
                      .map((s) => `${t(`interpreters.weekdays.${s.weekday}`)} ${s.from}–${s.to}`)
                      .join(' · ')}
              </Text>
              <Group gap="xs">
                {!i.active && <Badge color="gray">{t('interpreters.inactive')}</Badge>}
                {canManage && (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    loading={update.isPending && update.variables?.id === i.id}
                    onClick={() => update.mutate({ id: i.id, active: !i.active })}
                  >
                    {i.active ? t('interpreters.deactivate') : t('interpreters.reactivate')}
                  </Button>
                )}
                {i.upcoming.length > 0 && (
                  <Badge color="blue" variant="outline">
                    {t('interpreters.booked', { count: i.upcoming.length })}
                  </Badge>
                )}
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
      {canManage && (
        <Card withBorder>
          <AddInterpreterForm />
        </Card>
      )}
    </Stack>
  );
}
