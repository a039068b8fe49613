export type RelocationStatus =
  | 'proposed'
  | 'accepted'
  | 'scheduled'
  | 'departed'
  | 'arrived'
  | 'left'
  | 'returned'
  | 'declined'
  | 'cancelled'
  | 'no_show';

export type ReturnReason = 'family_in_uk' | 'centre_conditions' | 'asylum_outcome' | 'other';

/** What a reception or orientation centre offers, beside the site record the sites module owns. */
export interface CentreProfilesTable {
  site_id: string;
  medical_care: number;
  child_protection: number;
  accessible: number;
  /** JSON array of BCP 47 tags spoken by staff or interpreters on site. */
  languages: string;
  updated_by: string | null;
  updated_at: string;
}

/** Places of one category at one centre. Occupancy is never stored: it is counted from stays. */
export interface CapacitiesTable {
  id: string;
  site_id: string;
  category: string;
  places: number;
  /** Places out of use (maintenance), never offered. */
  blocked: number;
  updated_by: string | null;
  updated_at: string;
}

/** The occupancy ledger: a stay opens at admission and closes at discharge, with its reason. */
export interface StaysTable {
  id: string;
  person_id: string;
  org_id: string;
  site_id: string;
  category: string;
  relocation_id: string | null;
  admitted_at: string;
  discharged_at: string | null;
  discharge_reason: string | null;
  is_demo: number;
}

export interface RelocationsTable {
  id: string;
  org_id: string;
  from_site_id: string | null;
  to_site_id: string;
  category: string;
  people_count: number;
  status: RelocationStatus;
  convoy_id: string | null;
  return_reason: ReturnReason | null;
  plan_id: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface RelocationPeopleTable {
  relocation_id: string;
  person_id: string;
  /** 1 while the relocation is under way; a partial unique index allows one per person. */
  is_open: number | null;
}

/** Every state change: when it happened, who recorded it, and why. */
export interface RelocationEventsTable {
  id: string;
  relocation_id: string;
  from_status: RelocationStatus | null;
  to_status: RelocationStatus;
  /** When it happened (may be earlier than when it was recorded). */
  occurred_at: string;
  recorded_at: string;
  actor_id: string | null;
  reason: string | null;
  return_reason: ReturnReason | null;
  /** For a return: the site where the person was seen again. */
  site_id: string | null;
}

export interface ConvoysTable {
  id: string;
  org_id: string;
  origin_site_id: string;
  departs_on: string;
  vehicle: string;
  vehicle_capacity: number;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

/** What a person asked for, for the planner. Regions only: never an address. */
export interface PlacementPreferencesTable {
  person_id: string;
  org_id: string;
  preferred_regions: string;
  preferred_site_ids: string;
  relatives_regions: string;
  updated_by: string | null;
  updated_at: string;
}

export interface PlacementPlansTable {
  id: string;
  org_id: string;
  status: 'proposed' | 'accepted';
  /** JSON: the plan as presented (person ids, centres, reasons, figures), no names. */
  result: string;
  created_by: string | null;
  created_at: string;
  accepted_at: string | null;
}

export interface ReceptionTables {
  centre_profiles: CentreProfilesTable;
  capacities: CapacitiesTable;
  stays: StaysTable;
  relocations: RelocationsTable;
  relocation_people: RelocationPeopleTable;
  relocation_events: RelocationEventsTable;
  convoys: ConvoysTable;
  placement_preferences: PlacementPreferencesTable;
  placement_plans: PlacementPlansTable;
}
