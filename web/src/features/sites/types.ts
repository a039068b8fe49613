/**
 * Types of the sites API, inferred from the server's zod schemas (type-only imports: no zod code
 * reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  AssessmentResponse,
  AssessmentSeriesResponse,
  CreateAssessmentBody,
  CreateIncidentBody,
  IncidentResponse,
  IncidentSummaryResponse,
} from '../../../../src/modules/sites/monitoring.schema';
import type {
  PopulationResponse,
  PopulationSeriesResponse,
} from '../../../../src/modules/sites/population.schema';
import type {
  CreateEstimateBody,
  CreateSiteBody,
  EstimateResponse,
  SiteDetailResponse,
  SiteResponse,
  UpdateSiteBody,
} from '../../../../src/modules/sites/sites.schema';

export type Site = z.infer<typeof SiteResponse>;
export type SiteDetail = z.infer<typeof SiteDetailResponse>;
export type SiteKind = Site['kind'];
export type SiteStatus = Site['status'];
export type Estimate = z.infer<typeof EstimateResponse>;
export type SourceKind = Estimate['sourceKind'];
export type Population = z.infer<typeof PopulationResponse>;
export type PopulationPoint = z.infer<typeof PopulationSeriesResponse>['points'][number];
export type Assessment = z.infer<typeof AssessmentResponse>;
export type AssessmentSeries = z.infer<typeof AssessmentSeriesResponse>;
export type Incident = z.infer<typeof IncidentResponse>;
export type IncidentSummary = z.infer<typeof IncidentSummaryResponse>;

export type CreateSiteInput = z.input<typeof CreateSiteBody>;
export type UpdateSiteInput = z.input<typeof UpdateSiteBody>;
export type CreateEstimateInput = z.input<typeof CreateEstimateBody>;
export type CreateAssessmentInput = z.input<typeof CreateAssessmentBody>;
export type CreateIncidentInput = z.input<typeof CreateIncidentBody>;

// The enumerations, repeated as values for the forms (the schemas' own arrays would pull zod in).
export const SITE_KINDS: readonly SiteKind[] = [
  'informal_settlement',
  'camp_zone',
  'reception_centre',
  'orientation_centre',
  'transit_point',
  'other',
];
export const SITE_STATUSES: readonly SiteStatus[] = ['open', 'closing', 'dismantled', 'closed'];
export const SOURCE_KINDS: readonly SourceKind[] = [
  'authority',
  'ngo',
  'un_agency',
  'key_informant',
  'headcount',
  'registration',
];
