import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { ME_KEY } from './session';

/**
 * Answers stay fresh for 30 s, so moving between pages on a slow connection does not refetch
 * everything; only network failures are retried (a 4xx will not change by asking again).
 */
export function createQueryClient(): QueryClient {
  // The server asks for second-factor enrolment (an admin reset it): /api/me says so and the
  // sign-in gate shows the enrolment page.
  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.code === 'totp_enrolment_required') {
      void client.invalidateQueries({ queryKey: ME_KEY });
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 10 * 60_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => error instanceof ApiError && error.isNetwork && failures < 2,
        retryDelay: (attempt) => Math.min(1000 * 2 ** attempt, 8000),
      },
      mutations: { retry: false },
    },
  });
  return client;
}
