import {
  Anchor,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { autoDirection } from '../../people/fields/auto-direction';
import { NationalitySelect } from '../../people/fields/NationalitySelect';
import { useMatchingSearch } from '../api';
import type { SearchProbe } from '../types';
import { CandidateCard } from './CandidateCard';

const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const FIELDS = ['givenName', 'familyName', 'fullName', 'birthYear', 'sex', 'nationality'];

/**
 * /matching/search — "is this person already registered?". A profile opens it with the person's
 * details in the router's state (never in the address, which browsers keep in their history).
 */
export function DuplicateSearchPage() {
  const { t } = useTranslation('matching');
  const probe = (useLocation().state as { probe?: SearchProbe } | null)?.probe ?? {};
  const [form, setForm] = useState<SearchProbe>(probe);
  const search = useMatchingSearch();
  const errors = fieldErrors(search.error);
  const set = (patch: Partial<SearchProbe>) => setForm((f) => ({ ...f, ...patch }));
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const { excludeId: _self, ...fields } = form;
    const body = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== ''));
    search.mutate({ ...body, limit: 20 });
  };
  // Opened from a profile: check at once, as the button said ("look for duplicates").
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !probe.excludeId) return;
    started.current = true;
    submit();
  });
  const candidates = search.data?.candidates ?? [];
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/matching" size="sm">
        {t('actions.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('search.title')}
        </Title>
        <Text c="dimmed">{t('search.intro')}</Text>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('search.givenName')}
              ref={autoDirection}
              value={form.givenName ?? ''}
              onChange={(e) => set({ givenName: e.currentTarget.value })}
              error={errors.givenName}
              autoFocus
            />
            <TextInput
              label={t('search.familyName')}
              ref={autoDirection}
              value={form.familyName ?? ''}
              onChange={(e) => set({ familyName: e.currentTarget.value })}
              error={errors.familyName}
            />
            <TextInput
              label={t('search.fullName')}
              ref={autoDirection}
              value={form.fullName ?? ''}
              onChange={(e) => set({ fullName: e.currentTarget.value })}
              error={errors.fullName}
            />
            <NumberInput
              label={t('search.birthYear')}
              value={form.birthYear ?? ''}
              onChange={(v) => set({ birthYear: typeof v === 'number' ? v : undefined })}
              allowDecimal={false}
              min={1900}
              max={new Date().getFullYear()}
              error={errors.birthYear}
            />
            <Select
              label={t('search.sex')}
              value={form.sex ?? null}
              onChange={(v) => set({ sex: (v as SearchProbe['sex']) ?? undefined })}
              data={SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))}
              placeholder={t('search.anySex')}
              clearable
              error={errors.sex}
            />
            <NationalitySelect
              label={t('search.nationality')}
              value={form.nationality ?? null}
              onChange={(v) => set({ nationality: v ?? undefined })}
              error={errors.nationality}
            />
          </SimpleGrid>
          <FormAlert error={search.error} fields={FIELDS} namespace="matching" />
          <Group>
            <Button type="submit" loading={search.isPending}>
              {t('search.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {search.isSuccess && (
        <Stack gap="sm" component="section" aria-labelledby="candidates-title">
          <Title order={2} size="h4" id="candidates-title">
            {t('search.results')}
          </Title>
          {candidates.length === 0 ? (
            <Text>{t('search.empty')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="candidates">
              {candidates.map((c) => (
                <CandidateCard key={c.personId} candidate={c} isSelf={c.personId === form.excludeId} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
