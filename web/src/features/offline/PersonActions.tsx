import { Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVault } from './hooks';
import { editPersonOffline, queueChange } from './queue';
import { readProfile } from './sync';
import type { OfflinePerson, OfflineProfile } from './types';

const INTENTIONS = [
  'asylum_france',
  'relocation',
  'family_reunification',
  'voluntary_return',
  'onward_movement',
  'undecided',
  'not_stated',
  'other',
] as const;
const PURPOSES = ['services', 'referral', 'tracing', 'information_sharing'] as const;

type Action = 'phone' | 'needs' | 'consent' | 'counselling' | 'note';
/** Each form and the kind of change the server must allow this user (offlineActions). */
const ACTIONS: [Action, string][] = [
  ['phone', 'person.update'],
  ['needs', 'person.needs'],
  ['consent', 'person.consent'],
  ['counselling', 'counselling.create'],
  ['note', 'case.note'],
];

const noProfile: OfflineProfile = { offlineActions: [], marked: [], cases: [] };

/** Offline edits of one kept person, limited to the kinds of change the server allows this user. */
export function PersonActions({ person, actions }: { person: OfflinePerson; actions: string[] }) {
  const { t } = useTranslation('offline');
  const profile = useVault(readProfile, noProfile);
  const cases = profile.cases.filter((c) => c.personId === person.id);
  const offered = ACTIONS.filter(([a, kind]) => actions.includes(kind) && (a !== 'note' || cases.length > 0));
  const [action, setAction] = useState<Action | ''>('');
  const [value, setValue] = useState('');
  const [flags, setFlags] = useState<string[]>([]);
  const [caseId, setCaseId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const name = [person.givenName, person.familyName].filter(Boolean).join(' ');
  if (offered.length === 0) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (action === 'phone') await editPersonOffline(person, { phone: value.trim() || null });
    if (action === 'needs') {
      const add = value
        .split(/[,\s]+/)
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean);
      await queueChange('person.needs', { add }, name, { target: person.id });
    }
    if (action === 'consent')
      await queueChange('person.consent', { give: flags }, name, { target: person.id });
    if (action === 'counselling') {
      await queueChange(
        'counselling.create',
        {
          personId: person.id,
          heldOn: new Date().toISOString().slice(0, 10),
          language: (person.languages[0] ?? 'en').split('-')[0],
          interpreterUsed: false,
          statedIntention: flags[0] ?? 'not_stated',
          ...(value.trim() ? { notes: value.trim() } : {}),
        },
        name,
      );
    }
    if (action === 'note') {
      await queueChange('case.note', { text: value.trim() }, name, { target: caseId || cases[0]?.id });
    }
    setDone(t(`personActions.done.${action}`));
    setAction('');
    setValue('');
    setFlags([]);
  }

  return (
    <Stack gap={6} mt={6}>
      <NativeSelect
        label={t('personActions.choose', { name })}
        value={action}
        onChange={(e) => {
          setAction(e.currentTarget.value as Action | '');
          setValue(e.currentTarget.value === 'phone' ? (person.phone ?? '') : '');
          setDone(null);
        }}
        data={[
          { value: '', label: '—' },
          ...offered.map(([a]) => ({ value: a, label: t(`personActions.${a}`) })),
        ]}
        size="xs"
      />
      {done && (
        <Text size="sm" c="green" role="status">
          {done}
        </Text>
      )}
      {action && (
        <form onSubmit={(e) => void submit(e)}>
          <Stack gap={6}>
            {action === 'phone' && (
              <TextInput
                label={t('register.phone')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                dir="ltr"
              />
            )}
            {action === 'needs' && (
              <TextInput
                label={t('register.needs')}
                description={t('register.needsHint')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                dir="ltr"
              />
            )}
            {action === 'consent' && (
              <Checkbox.Group label={t('register.purposes')} value={flags} onChange={setFlags}>
                <Group gap="sm" mt={4}>
                  {PURPOSES.map((p) => (
                    <Checkbox key={p} value={p} label={t(`purposes.${p}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
            )}
            {action === 'counselling' && (
              <NativeSelect
                label={t('personActions.intention')}
                value={flags[0] ?? 'not_stated'}
                onChange={(e) => setFlags([e.currentTarget.value])}
                data={INTENTIONS.map((i) => ({ value: i, label: t(`intentions.${i}`) }))}
              />
            )}
            {action === 'note' && cases.length > 1 && (
              <NativeSelect
                label={t('personActions.case')}
                value={caseId}
                onChange={(e) => setCaseId(e.currentTarget.value)}
                data={cases.map((c) => ({ value: c.id, label: `${c.type} · ${c.risk}` }))}
              />
            )}
            {(action === 'counselling' || action === 'note') && (
              <Textarea
                label={t('personActions.notes')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            )}
            <Group>
              <Button type="submit" size="xs">
                {t('personActions.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
