import { Button, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { setUnauthenticatedHandler } from '../api/client';
import type { Me } from '../api/types';
import { usePendingRecoveryCodes } from '../features/access/totp/pending-codes';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { lazyPage } from './lazy-page';
import { useLocaleSync } from './locale';
import { PublicFrame } from './PublicFrame';
import { AppRoutes, useOpeningPage } from './routes';
import { endSession, ME_KEY, useMe, useSignOut } from './session';
import { ErrorState, PageLoader } from './states';

// The pages before the app opens are chunks of their own too: a signed-in start never loads them.
const signInPage = lazyPage(
  () => import('../features/access/sign-in/SignInPage').then((m) => m.SignInPage),
  ['access'],
);
const totpEnrolPage = lazyPage(
  () => import('../features/access/totp/TotpEnrolPage').then((m) => m.TotpEnrolPage),
  ['access'],
);
const recoveryCodesPage = lazyPage(
  () => import('../features/access/totp/RecoveryCodesPage').then((m) => m.RecoveryCodesPage),
  ['access'],
);

// Without a cached copy of this chunk (no service worker yet), the plain error page is shown.
type OfflineAppProps = { fallback: ReactNode };
const offlineApp = lazyPage<OfflineAppProps>(
  () =>
    import('../features/offline/OfflineApp')
      .then((m): ((props: OfflineAppProps) => ReactNode) => m.OfflineApp)
      .catch(
        () =>
          ({ fallback }: OfflineAppProps) =>
            fallback,
      ),
  ['offline'],
);

/**
 * Decides what the user sees: sign-in without a session, enrolment while a required second
 * factor is missing, the app otherwise. A 401 on any call brings the sign-in page back.
 */
export function AuthGate() {
  useLocaleSync();
  useSessionExpiry();
  const { data: me, isPending, fetchStatus, error, refetch } = useMe();
  const recoveryCodes = usePendingRecoveryCodes();

  // Once /api/me has failed (or paused with no network), a refetch leaves the offline workspace
  // below in place instead of flashing the loader.
  const failed = useRef(false);
  if (error || fetchStatus === 'paused') failed.current = true;
  // At start, the page opened from the address bar is drawn with the shell once it has loaded.
  const opening = useOpeningPage();
  if ((isPending || opening) && !failed.current) return <PageLoader />;
  if (me === undefined) {
    const unreachable = (
      <PublicFrame>
        <ErrorState error={error} onRetry={() => void refetch()} />
      </PublicFrame>
    );
    // No server: a device prepared for offline work opens its offline workspace instead.
    return (
      <Suspense fallback={<PageLoader />}>
        <offlineApp.Component fallback={unreachable} />
      </Suspense>
    );
  }
  if (me === null) return <Lazy page={<signInPage.Component />} />;
  if (recoveryCodes)
    return <Lazy page={<recoveryCodesPage.Component codes={recoveryCodes} demo={me.demo} />} />;
  if (me.secondFactor.required && !me.secondFactor.enrolled)
    return <Lazy page={<totpEnrolPage.Component />} />;
  if (!me.secondFactor.satisfied) return <SecondFactorMissing me={me} />;
  return (
    <Layout>
      <AppRoutes />
    </Layout>
  );
}

/** A page outside the app's routes, with the loader (then the error and its retry) of the routes. */
function Lazy({ page }: { page: ReactNode }) {
  return (
    <ErrorBoundary resetKey="gate">
      <Suspense fallback={<PageLoader />}>{page}</Suspense>
    </ErrorBoundary>
  );
}

function useSessionExpiry(): void {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      // Before sign-in, /api/me answering 401 is the normal way to learn there is no session.
      if (!queryClient.getQueryData<Me | null>(ME_KEY)) return;
      endSession(queryClient);
      notifications.show({ color: 'yellow', message: t('states.sessionEnded') });
    });
    return () => setUnauthenticatedHandler(null);
  }, [queryClient, t]);
}

function SecondFactorMissing({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  return (
    <PublicFrame demo={me.demo}>
      <Stack>
        <Title order={2} size="h3">
          {t('states.secondFactorMissingTitle')}
        </Title>
        <Text>{t('states.secondFactorMissingBody')}</Text>
        <Button onClick={() => signOut.mutate()} loading={signOut.isPending}>
          {t('menu.signOut')}
        </Button>
      </Stack>
    </PublicFrame>
  );
}
