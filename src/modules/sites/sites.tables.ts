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

export interface SitesTables {
  sites: SitesTable;
  site_status_history: SiteStatusHistoryTable;
}
