import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { Page } from '../../api/types';
import { overviewQuery } from './prefetch';
import type { Dataset, ReportFilter } from './types';

interface SiteOption {
  id: string;
  name: string;
  parentId: string | null;
}

/**
 * The overview for a filter (one request for every section); the previous figures stay on screen
 * while the next ones load. The first answer may already be in the cache (prefetch.ts).
 */
export function useOverview(filter: ReportFilter) {
  return useQuery({ ...overviewQuery(filter), placeholderData: keepPreviousData });
}

/** Every site, for the site filter (camps with their zones below them). */
export function useSiteOptions() {
  return useQuery({
    queryKey: ['reports', 'sites'],
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
    staleTime: 300_000,
  });
}

/** The address of an aggregate file: the same filters as the page, so the same hidden counts. */
export function exportUrl(
  dataset: Dataset,
  filter: ReportFilter,
  options: { format: 'csv' | 'xlsx'; hxl: boolean; location: 'site' | 'region' },
): string {
  const params = new URLSearchParams({ format: options.format, location: options.location });
  if (options.hxl) params.set('hxl', '1');
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  // Reunification files cover every site (they have no location column).
  if (dataset === 'reunification') params.delete('siteId');
  return `/api/exports/${dataset}?${params.toString()}`;
}
