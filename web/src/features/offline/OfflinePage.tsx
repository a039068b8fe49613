import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { PageLoader } from '../../app/states';
import { DevicesCard } from './DevicesCard';
import { useStoreState } from './hooks';
import { SetupCard } from './SetupCard';
import { UnlockCard } from './UnlockCard';
import { Workspace } from './Workspace';

/** /offline while connected: prepare this device, open its store, work, sync, see devices. */
export function OfflinePage() {
  const { t } = useTranslation('offline');
  const me = useSignedInMe();
  const state = useStoreState();
  const otherUser =
    (state.status === 'locked' || state.status === 'unlocked') && state.device.userId !== me.user.id;
  return (
    <Stack gap="md" maw={760}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Text>{t('intro')}</Text>
      {state.status === 'loading' && <PageLoader />}
      {state.status === 'none' && <SetupCard userId={me.user.id} wiped={state.wiped} />}
      {otherUser && <Text c="red">{t('otherUser')}</Text>}
      {state.status === 'locked' && !otherUser && <UnlockCard />}
      {state.status === 'unlocked' && !otherUser && <Workspace device={state.device} online />}
      <DevicesCard />
    </Stack>
  );
}
