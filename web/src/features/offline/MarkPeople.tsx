import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useVault } from './hooks';
import { readProfile } from './sync';
import type { OfflinePerson, OfflineProfile } from './types';
import { put } from './vault';

const noProfile: OfflineProfile = { offlineActions: [], marked: [], cases: [] };

/**
 * Marks registered people for offline use (online only): the next sync brings their records, as
 * the server presents them to this user, into the encrypted store.
 */
export function MarkPeople() {
  const { t } = useTranslation('offline');
  const profile = useVault(readProfile, noProfile);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<OfflinePerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function search(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const page = await api.get<{ items: OfflinePerson[] }>('/api/people', { q: query, limit: 20 });
      setFound(page.items);
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.isNetwork ? t('errors.needConnection') : t('errors.generic'),
      );
    }
  }

  async function toggle(id: string) {
    const marked = profile.marked.includes(id)
      ? profile.marked.filter((m) => m !== id)
      : [...profile.marked, id];
    await put('profile', 'me', { ...profile, marked });
  }

  return (
    <Card withBorder component="section" aria-labelledby="offline-mark-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="offline-mark-title">
          {t('mark.title')}
        </Title>
        <Text size="sm">{t('mark.intro', { count: profile.marked.length })}</Text>
        <form onSubmit={(e) => void search(e)}>
          <Group align="flex-end" wrap="wrap">
            <TextInput
              label={t('mark.search')}
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
              style={{ flex: 1, minWidth: 180 }}
            />
            <Button type="submit" variant="light">
              {t('mark.find')}
            </Button>
          </Group>
        </form>
        {error && <Text c="red">{error}</Text>}
        {found?.length === 0 && <Text size="sm">{t('mark.noResult')}</Text>}
        {found?.map((person) => (
          <Group key={person.id} justify="space-between" wrap="wrap">
            <Text size="sm">
              {[person.givenName, person.familyName].filter(Boolean).join(' ')} ·{' '}
              <span dir="ltr">{person.code}</span>
            </Text>
            <Button size="compact-sm" variant="light" onClick={() => void toggle(person.id)}>
              {profile.marked.includes(person.id) ? t('mark.unmark') : t('mark.mark')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
