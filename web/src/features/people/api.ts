import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api/client';
import type { Page } from '../../api/types';
import type {
  AgeBand,
  ConsentBasis,
  ConsentPurpose,
  HistoryItem,
  Household,
  ImportReport,
  NeedReference,
  Person,
  PersonHit,
  ReferenceItem,
  RegisterPersonInput,
  Registration,
  Relationship,
  SiteOption,
  UpdatePersonInput,
} from './types';

const personPath = (id: string, rest = '') => `/api/people/${encodeURIComponent(id)}${rest}`;

export const peopleKeys = {
  search: (params: SearchParams) => ['people', 'search', params] as const,
  searches: ['people', 'search'] as const,
  person: (id: string) => ['people', 'person', id] as const,
  history: (id: string) => ['people', 'history', id] as const,
  household: (id: string) => ['people', 'household', id] as const,
  countries: ['reference', 'countries'] as const,
  needs: ['reference', 'specific-needs'] as const,
  sites: ['people', 'site-options'] as const,
};

export interface SearchParams {
  q?: string;
  siteId?: string;
  nationality?: string;
  sex?: string;
  ageBand?: AgeBand;
  need?: string;
}

/** Each search is audited on the server: it runs when asked (Enter, a filter), not on every keystroke. */
export function usePeopleSearch(params: SearchParams) {
  return useInfiniteQuery({
    queryKey: peopleKeys.search(params),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<PersonHit>>('/api/people', { ...params, limit: 20, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.person(id),
    queryFn: ({ signal }) => api.get<Person>(personPath(id), undefined, signal),
  });
}

export function useRegisterPerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterPersonInput) => api.post<Registration>('/api/people', input),
    onSuccess: ({ person }) => {
      void queryClient.invalidateQueries({ queryKey: peopleKeys.searches });
      // The household's member list, read when the form opened, now has one more member.
      if (person.householdId)
        void queryClient.invalidateQueries({ queryKey: peopleKeys.household(person.householdId) });
    },
  });
}

/** A write that answers the updated person: the profile shows it at once, searches refresh. */
function usePersonWrite<T>(id: string, write: (input: T) => Promise<Person>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (person) => {
      queryClient.setQueryData(peopleKeys.person(id), person);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.searches });
      void queryClient.invalidateQueries({ queryKey: peopleKeys.history(id) });
    },
  });
}

export function useUpdatePerson(id: string) {
  return usePersonWrite(id, (input: UpdatePersonInput) => api.patch<Person>(personPath(id), input));
}

export function useChangeNeeds(id: string) {
  return usePersonWrite(id, (input: { add?: string[]; remove?: string[] }) =>
    api.post<Person>(personPath(id, '/needs'), input),
  );
}

export function useChangeConsent(id: string) {
  return usePersonWrite(
    id,
    (input: { basis?: ConsentBasis; give?: ConsentPurpose[]; withdraw?: ConsentPurpose[] }) =>
      api.post<Person>(personPath(id, '/consent'), input),
  );
}

export function usePersonHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: peopleKeys.history(id),
    queryFn: ({ signal }) => api.get<{ items: HistoryItem[] }>(personPath(id, '/history'), undefined, signal),
    enabled,
  });
}

export function useHousehold(id: string | null) {
  return useQuery({
    queryKey: peopleKeys.household(id ?? ''),
    queryFn: ({ signal }) =>
      api.get<Household>(`/api/households/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: id !== null,
  });
}

/** Creates a household and makes `personId` a member of it, in two calls (the API's own steps). */
export function useStartHousehold() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { personId: string; relationship: Relationship; siteId?: string | null }) => {
      const household = await api.post<Household>(
        '/api/households',
        input.siteId ? { siteId: input.siteId } : {},
      );
      return api.post<Household>(`/api/households/${encodeURIComponent(household.id)}/members`, {
        personId: input.personId,
        relationship: input.relationship,
      });
    },
    onSuccess: (household, input) => {
      queryClient.setQueryData(peopleKeys.household(household.id), household);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.person(input.personId) });
    },
  });
}

export function useAddMember(householdId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { personId: string; relationship: Relationship }) =>
      api.post<Household>(`/api/households/${encodeURIComponent(householdId)}/members`, input),
    onSuccess: (household, input) => {
      queryClient.setQueryData(peopleKeys.household(householdId), household);
      void queryClient.invalidateQueries({ queryKey: peopleKeys.person(input.personId) });
    },
  });
}

/** Reference tables change with a release, not during a shift: fetched once per session. */
export function useCountries() {
  return useQuery({
    queryKey: peopleKeys.countries,
    queryFn: ({ signal }) =>
      api.get<{ items: ReferenceItem[] }>('/api/reference/countries', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.items,
  });
}

export function useNeedsReference() {
  return useQuery({
    queryKey: peopleKeys.needs,
    queryFn: ({ signal }) =>
      api.get<{ items: NeedReference[] }>('/api/reference/specific-needs', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.items,
  });
}

/**
 * Sites for the site fields, or null when this server has no sites module (404) or the user may
 * not list sites (403): the field is then hidden rather than broken.
 */
export function useSiteOptions() {
  return useQuery({
    queryKey: peopleKeys.sites,
    queryFn: async ({ signal }): Promise<SiteOption[] | null> => {
      const items: SiteOption[] = [];
      let cursor: string | undefined;
      try {
        do {
          const page = await api.get<Page<SiteOption>>('/api/sites', { limit: 500, cursor }, signal);
          items.push(...page.items.map(({ id, name }) => ({ id, name })));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return null;
        throw error;
      }
      return items;
    },
    staleTime: 5 * 60_000,
  });
}

export interface ImportRequest {
  csv: string;
  mapping?: Record<string, string | null>;
  dryRun?: boolean;
  validOnly?: boolean;
}

export function useImportPeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportRequest) => api.post<ImportReport>('/api/people/import', input),
    onSuccess: (report) => {
      if (report.written > 0) void queryClient.invalidateQueries({ queryKey: peopleKeys.searches });
    },
  });
}
