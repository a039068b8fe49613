import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  Assessment,
  AssessmentSeries,
  CreateAssessmentInput,
  CreateEstimateInput,
  CreateIncidentInput,
  CreateSiteInput,
  Estimate,
  Incident,
  IncidentSummary,
  Population,
  PopulationPoint,
  Site,
  SiteDetail,
  SiteKind,
  SiteStatus,
  UpdateSiteInput,
} from './types';

const path = (id: string, rest = '') => `/api/sites/${encodeURIComponent(id)}${rest}`;

export const sitesKeys = {
  all: ['sites'] as const,
  list: (filter: SiteFilter) => ['sites', 'list', filter] as const,
  site: (id: string) => ['sites', 'site', id] as const,
};

export interface SiteFilter {
  kind?: SiteKind;
  status?: SiteStatus;
  parentId?: string;
  topLevel?: 'true';
}

/** Every matching site: the map needs them all at once, so the pages are followed here. */
export function useSites(filter: SiteFilter) {
  return useQuery({
    queryKey: sitesKeys.list(filter),
    queryFn: async ({ signal }) => {
      const items: Site[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<Page<Site>>('/api/sites', { ...filter, limit: 500, cursor }, signal);
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return items;
    },
    staleTime: 30_000,
  });
}

export function useSite(id: string, enabled = true) {
  return useQuery({
    queryKey: sitesKeys.site(id),
    queryFn: ({ signal }) => api.get<SiteDetail>(path(id), undefined, signal),
    enabled: enabled && id !== '',
  });
}

export function useEstimates(id: string) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'estimates'],
    queryFn: ({ signal }) => api.get<Page<Estimate>>(path(id, '/estimates'), { limit: 500 }, signal),
  });
}

export function usePopulation(id: string, date: string | undefined) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'population', date ?? 'today'],
    queryFn: ({ signal }) => api.get<Population>(path(id, '/population'), { date }, signal),
  });
}

export function usePopulationSeries(id: string) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'population-series'],
    queryFn: ({ signal }) =>
      api.get<{ siteId: string; points: PopulationPoint[] }>(
        path(id, '/population/series'),
        undefined,
        signal,
      ),
  });
}

export function useAssessments(id: string) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'assessments'],
    queryFn: ({ signal }) => api.get<Page<Assessment>>(path(id, '/assessments'), { limit: 20 }, signal),
  });
}

export function useAssessmentSeries(id: string) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'assessment-series'],
    queryFn: ({ signal }) => api.get<AssessmentSeries>(path(id, '/assessments/series'), undefined, signal),
  });
}

export function useIncidentSummary(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'incident-summary'],
    queryFn: ({ signal }) => api.get<IncidentSummary>(path(id, '/incidents/summary'), undefined, signal),
    enabled,
  });
}

export function useIncidentDetails(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...sitesKeys.site(id), 'incidents'],
    queryFn: ({ signal }) => api.get<Page<Incident>>(path(id, '/incidents'), { limit: 50 }, signal),
    enabled,
  });
}

/** Any write may change a parent's figures (camps sum their zones): refresh every sites query. */
function useSitesMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sitesKeys.all }),
  });
}

export const useCreateSite = () =>
  useSitesMutation((input: CreateSiteInput) => api.post<SiteDetail>('/api/sites', input));
export const useUpdateSite = (id: string) =>
  useSitesMutation((input: UpdateSiteInput) => api.patch<SiteDetail>(path(id), input));
export const useAddEstimate = (id: string) =>
  useSitesMutation((input: CreateEstimateInput) => api.post<Estimate>(path(id, '/estimates'), input));
export const useAddAssessment = (id: string) =>
  useSitesMutation((input: CreateAssessmentInput) => api.post<Assessment>(path(id, '/assessments'), input));
export const useAddIncident = (id: string) =>
  useSitesMutation((input: CreateIncidentInput) => api.post<Incident>(path(id, '/incidents'), input));
