import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type {
  ApiToken,
  CreatedApiToken,
  CreateOrganisationInput,
  CreateTokenInput,
  CreateUserInput,
  Organisation,
  Page,
  Session,
  UpdateUserInput,
  User,
} from '../../api/types';

const PAGE_SIZE = 50;

export const accessKeys = {
  users: ['access', 'users'] as const,
  organisations: ['access', 'organisations'] as const,
  sessions: ['access', 'me', 'sessions'] as const,
  tokens: ['access', 'me', 'tokens'] as const,
};

export function useUsers() {
  return useInfiniteQuery({
    queryKey: accessKeys.users,
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<User>>('/api/users', { limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateUserInput) => api.post<User>('/api/users', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.users }),
  });
}

export function useUpdateUser(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateUserInput) => api.patch<User>(`/api/users/${encodeURIComponent(id)}`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.users }),
  });
}

export function useRevokeUserSessions(id: string) {
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>(`/api/users/${encodeURIComponent(id)}/sessions/revoke`),
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: accessKeys.organisations,
    queryFn: ({ signal }) => api.get<{ items: Organisation[] }>('/api/organisations', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateOrganisationInput) => api.post<Organisation>('/api/organisations', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.organisations }),
  });
}

export function useOwnSessions() {
  return useQuery({
    queryKey: accessKeys.sessions,
    queryFn: ({ signal }) => api.get<{ items: Session[] }>('/api/me/sessions', undefined, signal),
  });
}

export function useRevokeOwnSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/me/sessions/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.sessions }),
  });
}

export function useOwnTokens() {
  return useQuery({
    queryKey: accessKeys.tokens,
    queryFn: ({ signal }) => api.get<{ items: ApiToken[] }>('/api/me/tokens', undefined, signal),
  });
}

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTokenInput) => api.post<CreatedApiToken>('/api/me/tokens', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.tokens }),
  });
}

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/me/tokens/${encodeURIComponent(id)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: accessKeys.tokens }),
  });
}
