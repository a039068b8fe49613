import type { EvidenceItem } from './evidence.js';
import type {
  EvidenceStatus,
  Kinship,
  LegalBasis,
  LegalStatus,
  MatchStatus,
  Stage,
  TracingStatus,
  TransferExtension,
} from './reunification.enums.js';

/**
 * A search for a missing relative. Who is looking and who is sought are encrypted under the
 * request's own data key (`tracing_request_keys`): deleting it erases both. Plain columns are
 * what matching filters and counts need (sex, birth year, nationality, relationship, dates).
 */
export interface TracingRequestsTable {
  id: string;
  org_id: string;
  status: TracingStatus;
  /** The enquirer when registered here; otherwise their contact is in `enquirer`. */
  enquirer_person_id: string | null;
  /** Encrypted JSON: an outside enquirer's names, contact, city (null for a registered enquirer). */
  enquirer: string | null;
  /** Where an outside enquirer lives (ISO 3166-1 alpha-3) and their status there. */
  enquirer_country: string | null;
  enquirer_legal_status: LegalStatus | null;
  /** Consent basis for tracing recorded for an outside enquirer. */
  enquirer_consent_basis: string | null;
  /** Encrypted JSON: the sought person's names in every script, place of separation, notes. */
  sought: string;
  sought_sex: string;
  sought_birth_year: number | null;
  sought_age_estimated: number;
  sought_nationality: string | null;
  /** Who the sought person is to the enquirer. */
  relationship: Kinship;
  separated_on: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  version: number;
  is_demo: number;
}

export interface TracingRequestKeysTable {
  request_id: string;
  wrapped_key: string;
  key_version: number;
  created_at: string;
}

/** Blind indexes of the sought names (same keys as `person_index`): a new registration finds requests. */
export interface TracingRequestIndexTable {
  request_id: string;
  kind: string;
  hmac: string;
}

export interface TracingMatchesTable {
  id: string;
  request_id: string;
  person_id: string;
  org_id: string;
  /** Match probability from the Fellegi–Sunter model, 0–1. */
  score: number;
  band: 'high' | 'medium' | 'low';
  /** JSON [{field, level, weight}]: what each field contributed; no names. */
  explanation: string;
  status: MatchStatus;
  /** 'search' (the officer listed matches) or 'registration' (a new registration matched). */
  source: string;
  /** Encrypted under the request key: why it was confirmed or rejected. */
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

/**
 * A confirmed relationship between a registered person and a relative, registered here or abroad.
 * The relative's names and whereabouts are encrypted with the person's own data key, so erasing
 * the person erases their family links too.
 */
export interface FamilyLinksTable {
  id: string;
  org_id: string;
  person_id: string;
  relative_person_id: string | null;
  kinship: Kinship;
  country: string | null;
  legal_status: LegalStatus | null;
  details: string | null;
  tracing_request_id: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ReunificationCasesTable {
  id: string;
  org_id: string;
  person_id: string;
  legal_basis: LegalBasis;
  /** The rule set of the application date, kept for the life of the case. */
  rule_set: string;
  stage: Stage;
  applicant_child: number;
  assigned_user_id: string | null;
  tracing_request_id: string | null;
  application_lodged_on: string;
  eurodac_hit_on: string | null;
  request_sent_on: string | null;
  request_urgent: number;
  /** The requested state's answer (acceptance or rejection), or null when acceptance was deemed. */
  reply_on: string | null;
  accepted_on: string | null;
  deemed_acceptance: number;
  rejected_on: string | null;
  re_examination_requested_on: string | null;
  re_examination_reply_on: string | null;
  appeal_decided_on: string | null;
  transfer_extension: TransferExtension;
  transfer_planned_on: string | null;
  transferred_on: string | null;
  closed_on: string | null;
  stage_changed_at: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  is_demo: number;
}

export interface ReunificationCaseRelativesTable {
  case_id: string;
  family_link_id: string;
}

export interface ReunificationEventsTable {
  id: string;
  case_id: string;
  org_id: string;
  kind: 'opened' | 'transition' | 'dates' | 'evidence';
  from_stage: Stage | null;
  to_stage: Stage | null;
  /** JSON of non-personal facts (dates, flags, item names). */
  summary: string;
  /** Encrypted with the applicant's data key: the free-text reason or note. */
  note: string | null;
  occurred_on: string;
  created_by: string | null;
  created_at: string;
}

export interface ReunificationEvidenceTable {
  case_id: string;
  item: EvidenceItem;
  status: EvidenceStatus;
  updated_by: string | null;
  updated_at: string;
}

export interface ReunificationTables {
  tracing_requests: TracingRequestsTable;
  tracing_request_keys: TracingRequestKeysTable;
  tracing_request_index: TracingRequestIndexTable;
  tracing_matches: TracingMatchesTable;
  family_links: FamilyLinksTable;
  reunification_cases: ReunificationCasesTable;
  reunification_case_relatives: ReunificationCaseRelativesTable;
  reunification_events: ReunificationEventsTable;
  reunification_evidence: ReunificationEvidenceTable;
}
