import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Organisation, Page } from '../../api/types';
import type { Alert, CaseDetail, CaseFilter, Caseload, CaseSummary, Referral, TimelineItem } from './types';

export const casePath = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

export const casesKeys = {
  all: ['cases'] as const,
  list: (filter: CaseFilter) => ['cases', 'list', filter] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  timeline: (id: string) => ['cases', 'timeline', id] as const,
  caseload: ['cases', 'caseload'] as const,
  referrals: (direction: string) => ['cases', 'referrals', direction] as const,
  alerts: ['alerts'] as const,
};

export function useCases(filter: CaseFilter, enabled = true) {
  return useQuery({
    queryKey: casesKeys.list(filter),
    queryFn: ({ signal }) => api.get<Page<CaseSummary>>('/api/cases', { ...filter, limit: 100 }, signal),
    enabled,
    staleTime: 15_000,
  });
}

export function useCase(id: string) {
  return useQuery({
    queryKey: casesKeys.detail(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(casePath(id), undefined, signal),
    enabled: id !== '',
  });
}

export function useTimeline(id: string) {
  return useQuery({
    queryKey: casesKeys.timeline(id),
    queryFn: ({ signal }) => api.get<{ items: TimelineItem[] }>(casePath(id, '/timeline'), undefined, signal),
    enabled: id !== '',
  });
}

export function useCaseload() {
  return useQuery({
    queryKey: casesKeys.caseload,
    queryFn: ({ signal }) => api.get<Caseload>('/api/cases/caseload', undefined, signal),
  });
}

export function useReferrals(direction: 'incoming' | 'outgoing') {
  return useQuery({
    queryKey: casesKeys.referrals(direction),
    queryFn: ({ signal }) => api.get<{ items: Referral[] }>('/api/referrals', { direction }, signal),
  });
}

/** The user's due work, due first (the server sorts it). */
/** The user's alerts; `enabled` false for roles that may not read them, so no request is refused. */
export function useAlerts(enabled = true) {
  return useQuery({
    queryKey: casesKeys.alerts,
    queryFn: ({ signal }) => api.get<Page<Alert>>('/api/alerts', { limit: 50 }, signal),
    staleTime: 30_000,
    enabled,
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: ({ signal }) => api.get<{ items: Organisation[] }>('/api/organisations', undefined, signal),
    staleTime: 5 * 60_000,
  });
}

export interface PersonHit {
  id: string;
  code: string;
  givenName?: string;
  fathersName?: string | null;
  familyName?: string | null;
  age: number | null;
  unaccompanied: boolean;
}

/** People by name or card code, to open a case for (the registry's search). */
export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: ['cases', 'person-search', q],
    queryFn: ({ signal }) => api.get<Page<PersonHit>>('/api/people', { q, limit: 10 }, signal),
    enabled: q.trim().length >= 2,
  });
}

export function usePersonById(id: string | null) {
  return useQuery({
    queryKey: ['cases', 'person', id],
    queryFn: ({ signal }) =>
      api.get<PersonHit>(`/api/people/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

/** Caseworkers and supervisors of the user's organisation (staff names, to assign work to). */
export function useCaseworkers() {
  return useQuery({
    queryKey: ['cases', 'caseworkers'],
    queryFn: ({ signal }) =>
      api.get<{ items: Array<{ id: string; name: string }> }>('/api/cases/caseworkers', undefined, signal),
    staleTime: 5 * 60_000,
  });
}
