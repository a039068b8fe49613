import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  CaseDetail,
  CaseSummary,
  CreateCaseInput,
  CreateTracingInput,
  Dashboard,
  Deadlines,
  FamilyLink,
  PersonHit,
  TracingMatch,
  TracingRequest,
  TransitionInput,
  UpdateCaseInput,
} from './types';

const enc = encodeURIComponent;
export const tracingPath = (id: string, rest = '') => `/api/tracing-requests/${enc(id)}${rest}`;
export const casePath = (id: string, rest = '') => `/api/reunification-cases/${enc(id)}${rest}`;

export const keys = {
  all: ['reunification'] as const,
  dashboard: ['reunification', 'dashboard'] as const,
  cases: (stage: string) => ['reunification', 'cases', stage] as const,
  case: (id: string) => ['reunification', 'case', id] as const,
  deadlines: (id: string) => ['reunification', 'deadlines', id] as const,
  tracingList: (status: string) => ['reunification', 'tracing', status] as const,
  tracing: (id: string) => ['reunification', 'tracing-request', id] as const,
  matches: (id: string) => ['reunification', 'matches', id] as const,
  links: (personId: string) => ['reunification', 'links', personId] as const,
};

export const useDashboard = () =>
  useQuery({
    queryKey: keys.dashboard,
    queryFn: ({ signal }) => api.get<Dashboard>('/api/reunification-cases/dashboard', undefined, signal),
  });

/** Cases at one stage (closed ones included), or every active case when no stage is given. */
export const useCases = (stage: string) =>
  useQuery({
    queryKey: keys.cases(stage),
    queryFn: ({ signal }) =>
      api.get<Page<CaseSummary>>(
        '/api/reunification-cases',
        stage ? { stage, limit: 100 } : { active: 'true', limit: 100 },
        signal,
      ),
  });

export const useCase = (id: string) =>
  useQuery({
    queryKey: keys.case(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(casePath(id), undefined, signal),
  });

/** Every clock with today's Paris date and the limits the rule set does not compute. */
export const useDeadlines = (id: string) =>
  useQuery({
    queryKey: keys.deadlines(id),
    queryFn: ({ signal }) => api.get<Deadlines>(casePath(id, '/deadlines'), undefined, signal),
  });

export const useTracingList = (status: string) =>
  useQuery({
    queryKey: keys.tracingList(status),
    queryFn: ({ signal }) =>
      api.get<Page<TracingRequest>>(
        '/api/tracing-requests',
        { status: status || undefined, limit: 100 },
        signal,
      ),
  });

export const useTracingRequest = (id: string) =>
  useQuery({
    queryKey: keys.tracing(id),
    queryFn: ({ signal }) => api.get<TracingRequest>(tracingPath(id), undefined, signal),
  });

/** Runs the matching engine on the server each time it is fetched (new registrations since). */
export const useMatches = (id: string) =>
  useQuery({
    queryKey: keys.matches(id),
    queryFn: ({ signal }) =>
      api.get<{ items: TracingMatch[] }>(tracingPath(id, '/matches'), undefined, signal),
  });

export const useFamilyLinks = (personId: string | null) =>
  useQuery({
    queryKey: keys.links(personId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: FamilyLink[] }>(`/api/people/${enc(personId ?? '')}/family-links`, undefined, signal),
    enabled: Boolean(personId),
  });

export const usePersonSearch = (q: string) =>
  useQuery({
    queryKey: ['reunification', 'person-search', q],
    queryFn: ({ signal }) => api.get<Page<PersonHit>>('/api/people', { q, limit: 10 }, signal),
    enabled: q.trim().length >= 2,
  });

export const usePerson = (id: string | null) =>
  useQuery({
    queryKey: ['reunification', 'person', id],
    queryFn: ({ signal }) => api.get<PersonHit>(`/api/people/${enc(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });

/** Every write refreshes the module's lists, the record it changed and the user's due work. */
function useWrite<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      void queryClient.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

export const useCreateTracing = () =>
  useWrite((input: CreateTracingInput) => api.post<TracingRequest>('/api/tracing-requests', input));

export const useDecideMatch = (requestId: string) =>
  useWrite((input: { matchId: string; decision: 'confirmed' | 'rejected'; note?: string }) =>
    api.post<{ items: TracingMatch[] }>(tracingPath(requestId, `/matches/${enc(input.matchId)}/decision`), {
      decision: input.decision,
      ...(input.note ? { note: input.note } : {}),
    }),
  );

export const useTracingStatus = (requestId: string) =>
  useWrite((status: 'open' | 'closed') =>
    api.post<TracingRequest>(tracingPath(requestId, '/status'), { status }),
  );

export const useCreateCase = () =>
  useWrite((input: CreateCaseInput) => api.post<CaseDetail>('/api/reunification-cases', input));

export const useAlertSettings = () =>
  useQuery({
    queryKey: ['reunification', 'alert-settings'],
    queryFn: ({ signal }) =>
      api.get<{ leadDays: number[] }>('/api/reunification/alert-settings', undefined, signal),
  });

export const useSaveAlertSettings = () =>
  useWrite((leadDays: number[]) =>
    apiRequest<{ leadDays: number[] }>('PUT', '/api/reunification/alert-settings', { body: { leadDays } }),
  );

export function useCaseWrites(id: string) {
  return {
    transition: useWrite((input: TransitionInput) =>
      api.post<CaseDetail>(casePath(id, '/transitions'), input),
    ),
    update: useWrite((input: UpdateCaseInput) => api.patch<CaseDetail>(casePath(id), input)),
    evidence: useWrite((input: { item: string; status: string }) =>
      apiRequest<CaseDetail>('PUT', casePath(id, `/evidence/${enc(input.item)}`), {
        body: { status: input.status },
      }),
    ),
  };
}
