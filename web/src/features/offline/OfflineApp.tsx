import { Alert, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PublicFrame } from '../../app/PublicFrame';
import { ME_KEY } from '../../app/session';
import { PageLoader } from '../../app/states';
import { useStoreState } from './hooks';
import { UnlockCard } from './UnlockCard';
import { Workspace } from './Workspace';

/**
 * What the app shows when the server cannot be reached: the offline workspace of this device if
 * it was prepared (PIN, then work and a sync once the connection is back), else `fallback`.
 */
export function OfflineApp({ fallback }: { fallback: ReactNode }) {
  const { t } = useTranslation('offline');
  const queryClient = useQueryClient();
  const state = useStoreState();
  if (state.status === 'loading') return <PageLoader />;
  if (state.status === 'none') return <>{fallback}</>;
  return (
    <PublicFrame>
      <Stack gap="md" data-testid="offline-app">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Alert color="gray" role="status">
          {t('offlineShell')}
        </Alert>
        {state.status === 'locked' ? (
          <UnlockCard />
        ) : (
          <Workspace
            device={state.device}
            online={false}
            // Back online and synced: the full app (the session is still there) takes over.
            onSynced={() => void queryClient.invalidateQueries({ queryKey: ME_KEY })}
          />
        )}
      </Stack>
    </PublicFrame>
  );
}
