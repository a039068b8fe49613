import { Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { usePeopleLookup, useRecordReturn, useSiteOptions } from './api';
import { personName } from './format';
import { RETURN_REASONS, type ReturnReason, type WaitingPerson } from './types';

/** A person seen again at the camp after a relocation, with the reason they gave. */
export function RecordReturnForm() {
  const { t } = useTranslation('reception');
  const [query, setQuery] = useState('');
  const [person, setPerson] = useState<WaitingPerson | null>(null);
  const [form, setForm] = useState({ siteId: '', returnReason: '' as ReturnReason | '', note: '' });
  const lookup = usePeopleLookup(person ? '' : query);
  const sites = useSiteOptions();
  const record = useRecordReturn();
  const errors = fieldErrors(record.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      {
        personId: person?.id ?? '',
        siteId: form.siteId,
        returnReason: form.returnReason as ReturnReason,
        reason: form.note.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('returns.done') });
          setPerson(null);
          setQuery('');
          setForm({ siteId: form.siteId, returnReason: '', note: '' });
          record.reset();
        },
      },
    );
  };

  return (
    <Card withBorder padding="sm">
      <form onSubmit={submit} noValidate aria-label={t('returns.record')}>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('returns.record')}
          </Title>
          <FormAlert
            error={record.error}
            fields={['personId', 'siteId', 'returnReason', 'reason']}
            namespace="reception"
          />
          {person ? (
            <Group gap="sm">
              <Text size="sm" data-testid="return-person">
                {t('returns.chosen', { name: `${personName(person)} (${person.code})` })}
              </Text>
              <Button size="compact-xs" variant="default" onClick={() => setPerson(null)}>
                ✕
              </Button>
            </Group>
          ) : (
            <>
              <TextInput
                label={t('returns.person')}
                value={query}
                onChange={(e) => setQuery(e.currentTarget.value)}
                error={errors.personId}
                maw={420}
              />
              <Group gap={4} wrap="wrap">
                {(lookup.data?.items ?? []).map((p) => (
                  <Button key={p.id} size="compact-sm" variant="light" onClick={() => setPerson(p)}>
                    {t('returns.choose', { name: `${personName(p)} (${p.code})` })}
                  </Button>
                ))}
              </Group>
            </>
          )}
          <Group gap="sm" align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('returns.site')}
              value={form.siteId}
              onChange={(e) => setForm({ ...form, siteId: e.currentTarget.value })}
              data={[
                { value: '', label: '—' },
                ...(sites.data ?? []).map((s) => ({ value: s.id, label: s.name })),
              ]}
              error={errors.siteId}
            />
            <NativeSelect
              label={t('returns.reason')}
              value={form.returnReason}
              onChange={(e) => setForm({ ...form, returnReason: e.currentTarget.value as ReturnReason })}
              data={[
                { value: '', label: '—' },
                ...RETURN_REASONS.map((r) => ({ value: r, label: t(`returnReasons.${r}`) })),
              ]}
              error={errors.returnReason}
            />
          </Group>
          <TextInput
            label={t('returns.note')}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.currentTarget.value })}
            error={errors.reason}
          />
          <Group>
            <Button type="submit" loading={record.isPending}>
              {t('returns.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
