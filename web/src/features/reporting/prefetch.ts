/**
 * Starts what the dashboard needs all at once instead of one after the other: the overview request,
 * the page's chunk and the chart chunk. Without this the overview request waited for the page chunk
 * to arrive and run (a waterfall of about 300 ms on the demo data), and the key figures waited for
 * ECharts. This module is small and sits in the app shell; the page, its strings and the charts
 * stay lazy.
 */
import type { ComponentType } from 'react';
import { filterFromSearch, overviewSearch } from './filter';
import type { Overview, ReportFilter } from './types';

const REUSE_MS = 15_000;
let early: { search: string; at: number; response: Promise<Overview> } | null = null;

/** Sends the overview request for the address's filter, unless the same one is already on its way. */
export function startOverviewRequest(search: string): void {
  const query = overviewSearch(filterFromSearch(new URLSearchParams(search)));
  if (early && early.search === query && Date.now() - early.at < REUSE_MS) return;
  const response = fetch(`/api/reports/overview${query ? `?${query}` : ''}`, {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  }).then((r) => (r.ok ? (r.json() as Promise<Overview>) : Promise.reject(new Error(String(r.status)))));
  // Signed out, or no permission: the page then asks again through the API client, which reports it.
  response.catch(() => undefined);
  early = { search: query, at: Date.now(), response };
}

/** The early answer for this filter, used once; null when there is none (or it is too old). */
export function takeEarlyOverview(filter: ReportFilter): Promise<Overview> | null {
  const current = early;
  if (!current || current.search !== overviewSearch(filter) || Date.now() - current.at > REUSE_MS)
    return null;
  early = null;
  return current.response;
}

type ChartModule = typeof import('./EChart');
let chartModule: Promise<ChartModule> | null = null;
let chartModuleLoaded: ChartModule | null = null;

/** The ECharts chunk (about 500 kB), asked for once; null until it has arrived and run. */
export function loadedChartModule(): ChartModule | null {
  return chartModuleLoaded;
}

export function loadChartModule(): Promise<ChartModule> {
  chartModule ??= import('./EChart').then((m) => {
    chartModuleLoaded = m;
    return m;
  });
  chartModule.catch(() => {
    chartModule = null;
  });
  return chartModule;
}

/** The dashboard's own chunk; the route's loader (app/routes.tsx) keeps it once it has arrived. */
export function loadReportsPageChunk(): Promise<ComponentType> {
  return import('./ReportsPage').then((m) => m.ReportsPage);
}

/**
 * Run when the /reports route is first drawn (the session is known by then): the overview request
 * and the chart chunk start beside the page chunk and its strings. The key figures do not wait for
 * the charts (ReportCharts draws placeholders until the chart chunk has run). Opened from the
 * address bar, the page chunk was already asked for while the app shell asked who is signed in;
 * the overview waits for the route: sent earlier, it would be answered before /api/me by the same
 * server and hold up the whole page (measured with bench:dashboard).
 */
export function startReportsData(): void {
  startOverviewRequest(window.location.search);
  loadChartModule().catch(() => undefined);
}
