import type { ReportFilter } from './types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dashboard's filter from the address (`?siteId=&from=&to=&scope=`); anything malformed is dropped. */
export function filterFromSearch(params: URLSearchParams): ReportFilter {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return DAY.test(value) ? value : undefined;
  };
  return {
    siteId: params.get('siteId') || undefined,
    from: day('from'),
    to: day('to'),
    scope: params.get('scope') === 'organisation' ? 'organisation' : undefined,
  };
}

/** The overview's query string for a filter, in a fixed order (it is also the early request's key). */
export function overviewSearch(filter: ReportFilter): string {
  const params = new URLSearchParams();
  for (const key of ['siteId', 'from', 'to', 'scope'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}
