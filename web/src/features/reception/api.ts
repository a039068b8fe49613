import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  AcceptPlanInput,
  Availability,
  CapacityInput,
  Centre,
  Convoy,
  CreateConvoyInput,
  Plan,
  PlanInput,
  Relocation,
  RelocationStatus,
  ReturnInput,
  ReturnRates,
  SiteOption,
  TransitionInput,
  WaitingPerson,
} from './types';

export const receptionKeys = {
  all: ['reception'] as const,
  availability: ['reception', 'availability'] as const,
  relocations: (status: string) => ['reception', 'relocations', status] as const,
  returns: (by: string) => ['reception', 'returns', by] as const,
  convoys: ['reception', 'convoys'] as const,
  sites: ['reception', 'sites'] as const,
  waiting: (siteId: string) => ['reception', 'waiting', siteId] as const,
};

export function useAvailability() {
  return useQuery({
    queryKey: receptionKeys.availability,
    queryFn: ({ signal }) => api.get<Availability>('/api/reception/availability', undefined, signal),
    staleTime: 10_000,
  });
}

/** Every site, for the "waiting at", origin and "seen again at" choices. */
export function useSiteOptions() {
  return useQuery({
    queryKey: receptionKeys.sites,
    queryFn: async ({ signal }) => {
      const items: SiteOption[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<SiteOption>>('/api/sites', { limit: 500, cursor }, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    staleTime: 60_000,
  });
}

/** People registered at a site (the first 100): the planner's list to choose households from. */
export function useWaitingPeople(siteId: string) {
  return useQuery({
    queryKey: receptionKeys.waiting(siteId),
    queryFn: ({ signal }) => api.get<Page<WaitingPerson>>('/api/people', { siteId, limit: 100 }, signal),
    enabled: siteId !== '',
  });
}

export function usePeopleLookup(q: string) {
  return useQuery({
    queryKey: ['reception', 'lookup', q],
    queryFn: ({ signal }) => api.get<Page<WaitingPerson>>('/api/people', { q, limit: 10 }, signal),
    enabled: q.trim().length >= 2,
  });
}

export function useRelocations(status: RelocationStatus | '') {
  return useQuery({
    queryKey: receptionKeys.relocations(status),
    queryFn: ({ signal }) =>
      api.get<Page<Relocation>>('/api/relocations', { status: status || undefined, limit: 200 }, signal),
  });
}

export function useConvoys() {
  return useQuery({
    queryKey: receptionKeys.convoys,
    queryFn: ({ signal }) => api.get<{ items: Convoy[] }>('/api/convoys', undefined, signal),
  });
}

export function useReturnRates(by: 'centre' | 'region' | 'nationality' | 'month') {
  return useQuery({
    queryKey: receptionKeys.returns(by),
    queryFn: ({ signal }) => api.get<ReturnRates>('/api/reception/returns', { by }, signal),
  });
}

/** Any write changes places, the pipeline or the rates: refresh every reception query. */
function useReceptionMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receptionKeys.all }),
  });
}

const sitePath = (id: string) => `/api/sites/${encodeURIComponent(id)}/capacity`;
const relocationPath = (id: string) => `/api/relocations/${encodeURIComponent(id)}/transitions`;

export const useSaveCapacity = (siteId: string) =>
  useReceptionMutation((input: CapacityInput) =>
    apiRequest<Centre>('PUT', sitePath(siteId), { body: input }),
  );

export const usePlanPlacement = () =>
  useReceptionMutation((input: PlanInput) => api.post<Plan>('/api/placement/plan', input));

export const useAcceptPlan = (planId: string) =>
  useReceptionMutation((input: AcceptPlanInput) =>
    api.post<{ relocationIds: string[] }>(`/api/placement/plans/${encodeURIComponent(planId)}/accept`, input),
  );

export const useTransition = (id: string) =>
  useReceptionMutation((input: TransitionInput) => api.post<Relocation>(relocationPath(id), input));

export const useBulkTransition = () =>
  useReceptionMutation((input: { relocationIds: string[]; transition: TransitionInput }) =>
    api.post<{ results: Array<{ id: string; ok: boolean; error?: { code: string; message: string } }> }>(
      '/api/relocations/transitions',
      input,
    ),
  );

export const useCreateConvoy = () =>
  useReceptionMutation((input: CreateConvoyInput) => api.post<Convoy>('/api/convoys', input));

export const useRecordReturn = () =>
  useReceptionMutation((input: ReturnInput) =>
    api.post<{ relocationId: string }>('/api/reception/returns', input),
  );
