/**
 * Starts what the dashboard needs all at once instead of one after the other: the overview request
 * beside the page's chunk. Without this the overview request waited for the page chunk to arrive
 * and run (a waterfall of about 300 ms on the demo data). This module is small and sits in the app
 * shell; the page and its strings stay lazy.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { api } from '../../api/client';
import { takeBootRequest } from '../../app/boot';
import { filterFromSearch, overviewSearch } from './filter';
import type { Overview, ReportFilter } from './types';

/**
 * The overview of a filter, as the page asks for it and as it is asked for ahead of the page. Opened
 * from the address bar, the boot script (web/build/boot-script.ts) has usually sent this very
 * request already, once /api/me answered: its answer is taken (once) instead of asking again.
 */
export function overviewQuery(filter: ReportFilter) {
  return {
    queryKey: ['reports', 'overview', filter] as const,
    queryFn: async ({ signal }: { signal?: AbortSignal }): Promise<Overview> => {
      const query = overviewSearch(filter);
      const early = await takeBootRequest(`/api/reports/overview${query ? `?${query}` : ''}`);
      // Anything but an answer (none sent, a dropped connection, an error status) is asked again
      // below, through the API client, which reports it.
      if (early?.ok) return (await early.json()) as Overview;
      return api.get<Overview>('/api/reports/overview', { ...filter }, signal);
    },
    staleTime: 60_000,
  };
}

/** The dashboard's own chunk; the route's loader (app/routes.tsx) keeps it once it has arrived. */
export function loadReportsPageChunk(): Promise<ComponentType> {
  return import('./ReportsPage').then((m) => m.ReportsPage);
}

/**
 * Run when the /reports route is first drawn, or once /api/me has answered at start (app/routes.tsx
 * `openPageAt`), for a user who may read reports: the overview goes into the query cache beside
 * the page chunk and its strings, so that the page's first draw usually has its figures. The
 * overview is never sent before /api/me has answered: the same server would compute it first and
 * hold up the whole page (measured with bench:dashboard).
 */
export function startReportsData(queryClient: QueryClient): void {
  const filter = filterFromSearch(new URLSearchParams(window.location.search));
  queryClient.prefetchQuery(overviewQuery(filter)).catch(() => undefined);
}
