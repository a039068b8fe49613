import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { peopleKeys } from '../people/api';
import type { Person } from '../people/types';
import type { Candidate, MatchingSearchInput, Pair, PairDetail, PairStatus, Run } from './types';

const pairPath = (id: string, rest = '') => `/api/duplicates/${encodeURIComponent(id)}${rest}`;

export const matchingKeys = {
  all: ['matching'] as const,
  queue: (status: PairStatus, personId?: string) => ['matching', 'pairs', status, personId ?? ''] as const,
  pair: (id: string) => ['matching', 'pair', id] as const,
  latestRun: ['matching', 'run', 'latest'] as const,
};

/** The queue (or the decided pairs), most likely first; the first 100 are enough to review. */
export function usePairs(status: PairStatus, personId?: string, enabled = true) {
  return useQuery({
    queryKey: matchingKeys.queue(status, personId),
    queryFn: ({ signal }) => api.get<Page<Pair>>('/api/duplicates', { status, personId, limit: 100 }, signal),
    enabled,
  });
}

export function usePair(id: string) {
  return useQuery({
    queryKey: matchingKeys.pair(id),
    queryFn: ({ signal }) => api.get<PairDetail>(pairPath(id), undefined, signal),
    enabled: id !== '',
  });
}

/** Any decision changes the queue, the pair and the records it names: refresh all of them. */
function usePairMutation<I>(send: (input: I) => Promise<PairDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (pair) => {
      queryClient.setQueryData(matchingKeys.pair(pair.id), pair);
      void queryClient.invalidateQueries({ queryKey: matchingKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export const useDecide = () =>
  usePairMutation((input: { id: string; decision: 'same' | 'different'; reason?: string }) =>
    api.post<PairDetail>(pairPath(input.id, '/decision'), {
      decision: input.decision,
      ...(input.reason ? { reason: input.reason } : {}),
    }),
  );

export const useUnmerge = () =>
  usePairMutation((id: string) => api.post<PairDetail>(pairPath(id, '/unmerge'), {}));

/** The latest run; polled while it is queued or running. */
export function useLatestRun(enabled: boolean) {
  return useQuery({
    queryKey: matchingKeys.latestRun,
    queryFn: ({ signal }) => api.get<{ run: Run | null }>('/api/matching/runs/latest', undefined, signal),
    enabled,
    refetchInterval: (query) => {
      const status = query.state.data?.run?.status;
      return status === 'queued' || status === 'running' ? 2000 : false;
    },
  });
}

export function useStartRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<Run>('/api/matching/runs', {}),
    onSuccess: (run) => queryClient.setQueryData(matchingKeys.latestRun, { run }),
  });
}

/** Each check is audited on the server: it runs when asked, not on every keystroke. */
export function useMatchingSearch() {
  return useMutation({
    mutationFn: (input: MatchingSearchInput) =>
      api.post<{ candidates: Candidate[] }>('/api/matching/search', input),
  });
}

/** A record of the pair, read as the people module reads it (audited, only the visible fields). */
export function usePersonRecord(id: string, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.person(id),
    queryFn: ({ signal }) => api.get<Person>(`/api/people/${encodeURIComponent(id)}`, undefined, signal),
    enabled: enabled && id !== '',
  });
}
