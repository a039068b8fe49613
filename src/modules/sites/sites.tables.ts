export type SiteKind =
  | 'informal_settlement'
  | 'camp_zone'
  | 'reception_centre'
  | 'orientation_centre'
  | 'transit_point'
  | 'other';

export type SiteStatus = 'open' | 'closing' | 'dismantled' | 'closed';

export interface SitesTable {
  id: string;
  /** Managing organisation. Sites are not personal data: every signed-in role may list them. */
  org_id: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  parent_id: string | null;
  region: string | null;
  latitude: number | null;
  longitude: number | null;
  /** Optional GeoJSON geometry (Polygon / MultiPolygon) as text. */
  outline: string | null;
  contact: string | null;
  /** Free-text name of the managing body, which may not use Passerelle (added in 0051). */
  managed_by: string | null;
  opened_on: string | null;
  closed_on: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface SiteStatusHistoryTable {
  id: string;
  site_id: string;
  status: SiteStatus;
  effective_on: string;
  reason: string | null;
  changed_by: string | null;
  changed_at: string;
}

export type EstimateSourceKind =
  | 'authority'
  | 'ngo'
  | 'un_agency'
  | 'key_informant'
  | 'headcount'
  | 'registration';

/** Append-only: a correction is a new row whose `supersedes_id` names the row it replaces. */
export interface PopulationEstimatesTable {
  id: string;
  site_id: string;
  /** Organisation that recorded the figure (not necessarily its source). */
  org_id: string;
  /** The day the figure describes, YYYY-MM-DD. */
  estimated_on: string;
  source_name: string;
  source_kind: EstimateSourceKind;
  method: string | null;
  low: number | null;
  high: number | null;
  point: number | null;
  /** JSON: children, women, unaccompaniedMinors counts and nationalities (ISO alpha-3 → count). */
  breakdown: string | null;
  supersedes_id: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

/** A DTM-style site assessment from key informants; severities use the 1–5 JIAF scale. */
export interface SiteAssessmentsTable {
  id: string;
  site_id: string;
  org_id: string;
  assessed_on: string;
  shelter_severity: number;
  wash_severity: number;
  health_severity: number;
  protection_severity: number;
  latrines: number | null;
  water_points: number | null;
  showers: number | null;
  /** JSON array of protection-risk codes. */
  protection_risks: string;
  /** JSON array of service codes present on the site. */
  services: string;
  /** JSON array of {kind, count}: who was interviewed, never their names. */
  key_informants: string;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

export interface IncidentsTable {
  id: string;
  site_id: string;
  org_id: string;
  occurred_on: string;
  kind: string;
  severity: string;
  people_affected: number | null;
  /** Encrypted under this incident's data key; may name victims or witnesses. */
  description: string | null;
  /** The incident's data key wrapped under the key ring; deleting it erases the description. */
  wrapped_key: string | null;
  key_version: number | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

export interface SitesTables {
  sites: SitesTable;
  site_status_history: SiteStatusHistoryTable;
  population_estimates: PopulationEstimatesTable;
  site_assessments: SiteAssessmentsTable;
  incidents: IncidentsTable;
}
