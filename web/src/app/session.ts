import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, apiResponse, setCsrfToken } from '../api/client';
import type { LoginInput, Me } from '../api/types';
import { takeBootMeRequest } from './boot';

export const ME_KEY = ['me'] as const;

/** The signed-in user, or null when there is no session (the API answered 401). */
async function fetchMe(): Promise<Me | null> {
  try {
    // At start the answer may already be on its way (asked by the boot script).
    const sent = takeBootMeRequest();
    const me = sent ? await apiResponse<Me>(sent) : await api.get<Me>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

const meQuery = { queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 };

export function useMe() {
  return useQuery(meQuery);
}

/**
 * Asks who is signed in as the app starts, before React's first render; `useMe` then shares the
 * same request. Retries as `useMe` would (network failures only); undefined when it failed.
 */
export function startMeQuery(queryClient: QueryClient): Promise<Me | null | undefined> {
  const retry = queryClient.getDefaultOptions().queries?.retry;
  return queryClient.fetchQuery({ ...meQuery, retry }).catch(() => undefined);
}

/** The signed-in user; only for components rendered behind the sign-in gate. */
export function useSignedInMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMe used outside the sign-in gate');
  return data;
}

export function usePermissions(): ReadonlySet<string> {
  const { data } = useMe();
  return new Set(data?.permissions ?? []);
}

export function storeMe(queryClient: QueryClient, me: Me): void {
  setCsrfToken(me.csrfToken);
  queryClient.setQueryData(ME_KEY, me);
}

/** Forgets every cached answer of the previous user, then shows the sign-in page. */
export function endSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  const others = { predicate: (query: { queryKey: readonly unknown[] }) => query.queryKey[0] !== ME_KEY[0] };
  void queryClient.cancelQueries(others);
  queryClient.removeQueries(others);
  queryClient.setQueryData(ME_KEY, null);
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput) => api.post<Me>('/api/auth/login', input),
    onSuccess: (me) => storeMe(queryClient, me),
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    // Even if the server cannot be reached, this device forgets the session view.
    onSettled: () => endSession(queryClient),
  });
}
