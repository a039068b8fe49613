import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeopleSearch } from '../api';
import { autoDirection } from '../fields/auto-direction';
import { displayName, useAgeText } from '../format';
import type { PersonHit } from '../types';

interface Props {
  excludeIds: readonly string[];
  onPick: (person: PersonHit) => void;
}

/** Finds a registered person by name, code or phone (the same search as /people) and picks one. */
export function PersonPicker({ excludeIds, onPick }: Props) {
  const { t } = useTranslation('people');
  const ageText = useAgeText();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = usePeopleSearch({ q });
  const items = q
    ? (results.data?.pages.flatMap((p) => p.items) ?? [])
        .filter((p) => !excludeIds.includes(p.id))
        .slice(0, 8)
    : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    setQ(text.trim());
  };
  return (
    <Stack gap="xs">
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            type="search"
            label={t('profile.findPerson')}
            description={t('search.box')}
            ref={autoDirection}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" variant="default" loading={results.isFetching && q !== ''}>
            {t('actions.search')}
          </Button>
        </Group>
      </form>
      {q && results.isSuccess && items.length === 0 && <Text size="sm">{t('profile.noResults')}</Text>}
      {items.map((person) => (
        <Group key={person.id} justify="space-between" wrap="nowrap" data-testid="picker-result">
          <div>
            <Text size="sm" fw={600}>
              {displayName(person)}{' '}
              {person.originalScriptName && <span ref={autoDirection}>{person.originalScriptName}</span>}
            </Text>
            <Text size="xs" c="dimmed">
              <span dir="ltr">{person.code}</span> · {ageText(person)}
            </Text>
          </div>
          <Button size="compact-sm" variant="light" onClick={() => onPick(person)}>
            {t('profile.choose')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}
