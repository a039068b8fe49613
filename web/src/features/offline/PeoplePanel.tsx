import { Badge, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVault } from './hooks';
import { PersonActions } from './PersonActions';
import { keptPeople, localPeople } from './queue';
import type { LocalPerson, OfflinePerson } from './types';

const noPeople: OfflinePerson[] = [];
const noLocal: LocalPerson[] = [];

const nameOf = (p: { givenName?: string; familyName?: string | null }) =>
  [p.givenName, p.familyName].filter(Boolean).join(' ');

function matches(query: string, ...values: (string | null | undefined)[]) {
  const q = query.trim().toLowerCase();
  return !q || values.some((v) => v?.toLowerCase().includes(q));
}

/**
 * The people this device holds: the ones the server sent for offline use (as this user may see
 * them) and the ones registered here and not yet synced.
 */
export function PeoplePanel({ actions }: { actions: string[] }) {
  const { t } = useTranslation('offline');
  const [query, setQuery] = useState('');
  const kept = useVault(keptPeople, noPeople);
  const local = useVault(localPeople, noLocal);
  const shownKept = kept.filter((p) => matches(query, nameOf(p), p.code, p.phone));
  const shownLocal = local.filter((p) => matches(query, nameOf(p), p.phone));
  return (
    <Card withBorder component="section" aria-labelledby="offline-people-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="offline-people-title">
          {t('people.title')}
        </Title>
        <TextInput
          label={t('people.search')}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
        />
        {shownKept.length + shownLocal.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('people.none')}
          </Text>
        )}
        <Stack gap="xs" data-testid="offline-people">
          {shownLocal.map((person) => (
            <Card key={person.ref} withBorder padding="xs">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{nameOf(person)}</Text>
                <Badge variant="light" color="yellow">
                  {t('people.notSynced')}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {[t(`sexes.${person.sex}`), person.birthYear, person.phone].filter(Boolean).join(' · ')}
              </Text>
            </Card>
          ))}
          {shownKept.map((person) => (
            <Card key={person.id} withBorder padding="xs" data-testid="kept-person">
              <Group justify="space-between" wrap="wrap">
                <Text fw={600}>{nameOf(person)}</Text>
                <Text size="sm" dir="ltr">
                  {person.code}
                </Text>
              </Group>
              <Text size="sm" c="dimmed">
                {[person.sex && t(`sexes.${person.sex}`), person.birthYear, person.phone]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
              <PersonActions person={person} actions={actions} />
            </Card>
          ))}
        </Stack>
      </Stack>
    </Card>
  );
}
