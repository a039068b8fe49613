import type { Custody } from './rules/rule-types.js';

export type PathwayRoute =
  | 'asylum_france'
  | 'dublin'
  | 'family_reunification'
  | 'voluntary_return'
  | 'relocation'
  | 'undecided';

/** One row per route a person was on; the current one has `ended_on` null. */
export interface PathwaysTable {
  id: string;
  org_id: string;
  person_id: string;
  route: PathwayRoute;
  started_on: string;
  ended_on: string | null;
  /** 1 while current: a unique index keeps one current pathway per person and organisation. */
  is_current: number;
  counselling_session_id: string | null;
  /** The reunification case a `family_reunification` pathway follows (that module's id). */
  reunification_case_id: string | null;
  /** Sealed with the person's data key (`pathways|<id>|notes`): erasing the person erases it. */
  notes: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

export type ProcedureKind = 'asylum' | 'voluntary_return';
export type ProcedureType = 'normal' | 'accelerated' | 'dublin' | 'return';

export interface ProceduresTable {
  id: string;
  org_id: string;
  person_id: string;
  pathway_id: string | null;
  kind: ProcedureKind;
  procedure_type: ProcedureType;
  /** Whose procedure (ISO 3166-1 alpha-3): selects the rule sets. */
  country: string;
  status: 'open' | 'closed';
  outcome: string | null;
  /** The user who follows it: its deadline alerts go to them. */
  followed_by: string | null;
  destination_country: string | null;
  version: number;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProcedureEventsTable {
  id: string;
  procedure_id: string;
  org_id: string;
  stage: string;
  occurred_on: string;
  /** The instant of notification, for limits counted in hours. */
  occurred_at: string | null;
  result: string | null;
  custody: Custody | null;
  counselling_session_id: string | null;
  /** Sealed with the person's data key (`procedure_events|<id>|notes`). */
  notes: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ProcedureDocumentsTable {
  id: string;
  procedure_id: string;
  org_id: string;
  kind: string;
  issued_on: string;
  expires_on: string | null;
  /** Set when a newer document of the same kind replaced it: its expiry no longer matters. */
  replaced_by: string | null;
  /** Document number, sealed with the person's data key (`procedure_documents|<id>|number`). */
  number: string | null;
  created_by: string | null;
  created_at: string;
}

export type AppointmentStatus = 'scheduled' | 'attended' | 'missed' | 'cancelled';

export interface AppointmentsTable {
  id: string;
  org_id: string;
  person_id: string;
  purpose: 'pathway_step' | 'counselling' | 'medical_referral' | 'other';
  procedure_id: string | null;
  stage: string | null;
  counselling_session_id: string | null;
  starts_at: string;
  ends_at: string;
  /** The local date in the organisation's zone, for day views. */
  local_date: string;
  /** The site whose outreach team accompanies or reminds the person. */
  site_id: string | null;
  /** An office's address and the organisation receiving: not personal data. */
  place: string;
  map_reference: string | null;
  host_organisation: string;
  interpreter_language: string | null;
  transport: 'none' | 'own' | 'ticket' | 'accompanied' | 'organised';
  status: AppointmentStatus;
  status_changed_at: string | null;
  follow_up_done_at: string | null;
  /** Sealed with the person's data key (`appointments|<id>|notes`). */
  notes: string | null;
  is_demo: number;
  created_by: string | null;
  created_at: string;
}

export interface InterpretersTable {
  id: string;
  org_id: string;
  /** A professional's working name, as staff names are kept (users.name): not a person on the move. */
  name: string;
  kind: 'interpreter' | 'cultural_mediator';
  /** JSON array of BCP 47 tags, dialects included (ar-SD, fa-AF, ckb). */
  languages: string;
  organisation: string;
  /** JSON array of weekly slots { weekday 1–7, from "HH:MM", to "HH:MM" } in the organisation's zone. */
  availability: string;
  active: number;
  is_demo: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface InterpreterBookingsTable {
  id: string;
  org_id: string;
  interpreter_id: string;
  appointment_id: string | null;
  counselling_session_id: string | null;
  language: string;
  starts_at: string;
  ends_at: string;
  status: 'booked' | 'cancelled';
  created_by: string | null;
  created_at: string;
  cancelled_at: string | null;
}

export interface RegistrationCardsTable {
  id: string;
  org_id: string;
  person_id: string;
  code: string;
  status: 'active' | 'revoked';
  issued_at: string;
  issued_by: string | null;
  printed_count: number;
  last_printed_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
}

export interface PathwaysTables {
  pathways: PathwaysTable;
  procedures: ProceduresTable;
  procedure_events: ProcedureEventsTable;
  procedure_documents: ProcedureDocumentsTable;
  appointments: AppointmentsTable;
  interpreters: InterpretersTable;
  interpreter_bookings: InterpreterBookingsTable;
  registration_cards: RegistrationCardsTable;
}
