import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AuthGate } from './AuthGate';
import { adoptAccountLocale } from './locale';
import { createQueryClient } from './query-client';
import { openPageAt } from './routes';
import { startMeQuery } from './session';
import { theme } from './theme';

const queryClient = createQueryClient();
// Who is signed in is asked while React draws its first frame, not after it (the boot script has
// usually asked already); once known, the account's language applies and the page opened from the
// address bar starts its data requests, before the app has re-rendered.
void startMeQuery(queryClient).then((me) => {
  if (!me) return;
  adoptAccountLocale(me.user.locale);
  openPageAt(window.location.pathname, me, queryClient);
});

export function App() {
  return (
    <DirectionProvider>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-center" />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthGate />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
