import type { OverviewResponse } from '../../../../src/modules/reporting/reporting.schema';

export type Overview = OverviewResponse;
export type Cell = number | null;
export type Grid = Overview['population']['sexByAge'];
export type Labelled = Overview['needs']['byCategory'][number];

export const DATASETS = ['population', 'needs', 'cases', 'relocations', 'reunification'] as const;
export type Dataset = (typeof DATASETS)[number];

export interface ReportFilter {
  siteId?: string;
  from?: string;
  to?: string;
  scope?: 'all' | 'organisation';
}
