export type PersonStatus = 'active' | 'merged' | 'erased';

export interface PeopleTable {
  id: string;
  /** Short human code printed on the card (unambiguous alphabet, check character). */
  code: string;
  org_id: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  birth_year: number | null;
  age_estimated: number;
  /** ISO 3166-1 alpha-3. */
  nationality: string | null;
  /** JSON array of BCP 47 tags. */
  languages: string;
  /** Where the person is now; null once they have left. */
  site_id: string | null;
  household_id: string | null;
  status: PersonStatus;
  merged_into: string | null;
  /** Encrypted JSON: names in every script, aliases, father's name, birth date, phone, documents. */
  identity: string;
  /** Encrypted photo bytes (EXIF stripped), base64 of the sealed bytes. */
  photo: string | null;
  version: number;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface PersonKeysTable {
  person_id: string;
  wrapped_key: string;
  key_version: number;
  created_at: string;
}

export interface PersonIndexTable {
  person_id: string;
  kind: string;
  hmac: string;
}

export interface HouseholdsTable {
  id: string;
  org_id: string;
  code: string;
  site_id: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export type Relationship =
  | 'head'
  | 'spouse'
  | 'child'
  | 'sibling'
  | 'parent'
  | 'other_relative'
  | 'non_relative';

export interface HouseholdMembersTable {
  household_id: string;
  person_id: string;
  relationship: Relationship;
  joined_at: string;
  left_at: string | null;
}

export interface SpecificNeedsTable {
  id: string;
  person_id: string;
  org_id: string;
  /** UNHCR specific-needs code, e.g. SC-UC, or a TI-* trafficking-risk indicator. */
  code: string;
  /** The code's category, e.g. SC. */
  category: string;
  noted_by: string | null;
  noted_at: string;
  removed_by: string | null;
  removed_at: string | null;
}

export interface ConsentsTable {
  id: string;
  person_id: string;
  org_id: string;
  purpose: 'services' | 'referral' | 'tracing' | 'information_sharing';
  basis: 'consent' | 'vital_interest' | 'public_interest' | 'legitimate_interest' | 'legal_obligation';
  recorded_by: string | null;
  recorded_at: string;
  withdrawn_by: string | null;
  withdrawn_at: string | null;
}

export interface PersonHistoryTable {
  id: string;
  person_id: string;
  changed_by: string | null;
  changed_at: string;
  /** JSON array of changed field names (plain: says what changed, not to what). */
  fields: string;
  /** Encrypted JSON { field: [before, after] }. */
  change: string;
}

export interface RegistryTables {
  people: PeopleTable;
  person_keys: PersonKeysTable;
  person_index: PersonIndexTable;
  households: HouseholdsTable;
  household_members: HouseholdMembersTable;
  specific_needs: SpecificNeedsTable;
  consents: ConsentsTable;
  person_history: PersonHistoryTable;
}
