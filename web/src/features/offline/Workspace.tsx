import { Badge, Button, Group, Stack, Tabs } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictsPanel } from './ConflictsPanel';
import { useVault } from './hooks';
import { MarkPeople } from './MarkPeople';
import { PeoplePanel } from './PeoplePanel';
import { RegisterForm } from './RegisterForm';
import { SyncPanel } from './SyncPanel';
import { EMPTY_PROFILE, readProfile } from './sync';
import type { DeviceMeta, OpenConflict } from './types';
import { all, lock } from './vault';

const loadConflicts = () => all<OpenConflict>('conflicts');
const noConflicts: OpenConflict[] = [];

/** The unlocked offline store: sync status always on top, then the work, by tab. */
export function Workspace({
  device,
  online,
  onSynced,
}: {
  device: DeviceMeta;
  /** Online pages add marking people for offline use; the offline shell cannot. */
  online: boolean;
  onSynced?: () => void;
}) {
  const { t } = useTranslation('offline');
  const profile = useVault(readProfile, EMPTY_PROFILE);
  const conflicts = useVault(loadConflicts, noConflicts);
  const canRegister = profile.offlineActions.includes('person.create');
  const [tab, setTab] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <SyncPanel device={device} onSynced={onSynced} />
      <Tabs value={tab ?? (canRegister ? 'register' : 'people')} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {canRegister && <Tabs.Tab value="register">{t('tabs.register')}</Tabs.Tab>}
          <Tabs.Tab value="people">{t('tabs.people')}</Tabs.Tab>
          <Tabs.Tab
            value="conflicts"
            rightSection={
              conflicts.length > 0 ? (
                <Badge size="sm" color="red" circle>
                  {conflicts.length}
                </Badge>
              ) : null
            }
          >
            {t('tabs.conflicts')}
          </Tabs.Tab>
        </Tabs.List>
        {canRegister && (
          <Tabs.Panel value="register" pt="md">
            <RegisterForm />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="people" pt="md">
          <Stack gap="md">
            <PeoplePanel actions={profile.offlineActions} />
            {online && <MarkPeople />}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          <ConflictsPanel />
        </Tabs.Panel>
      </Tabs>
      <Group>
        <Button variant="subtle" color="gray" onClick={lock}>
          {t('lock')}
        </Button>
      </Group>
    </Stack>
  );
}
