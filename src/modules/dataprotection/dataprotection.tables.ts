/**
 * Tables of the data protection module. None holds personal data in clear: requests name a person
 * by id, free-text notes are sealed with that person's own data key (so erasing the person erases
 * what was written about the request too), and the ledgers hold ids and dates only.
 */

export type RetentionMode = 'dry_run' | 'active' | 'paused';

/** How long a kind of record is kept in a given status, per organisation (the controller). */
export interface RetentionPoliciesTable {
  id: string;
  org_id: string;
  record_type: string;
  /** The record's status the policy applies to, or 'any'. */
  record_status: string;
  keep_days: number;
  /** 'crypto_shred' (narrative unreadable, plain facts kept) or 'anonymise' (a person). */
  action: string;
  /** A new or changed policy reports only until the data protection officer activates it. */
  mode: RetentionMode;
  note: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_by: string | null;
  updated_at: string;
}

/**
 * Stops retention: for one record (`record_id`), or for a whole record type with a legal minimum
 * (`min_keep_days`) that no policy may undercut.
 */
export interface LegalHoldsTable {
  id: string;
  org_id: string;
  record_type: string;
  record_id: string | null;
  min_keep_days: number | null;
  /** The legal ground (a court order's reference, a statute); not about the person. */
  reason: string;
  held_until: string | null;
  placed_by: string | null;
  placed_at: string;
  released_by: string | null;
  released_at: string | null;
}

export interface RetentionRunsTable {
  id: string;
  org_id: string;
  dry_run: number;
  /** 'job' (the daily run) or 'manual'. */
  trigger: string;
  started_by: string | null;
  started_at: string;
  finished_at: string | null;
  /** JSON RetentionReport: counts per policy, no names. */
  report: string | null;
}

export type RequestStatus = 'pending' | 'completed' | 'approved' | 'refused' | 'cancelled';

export interface ErasureRequestsTable {
  id: string;
  org_id: string;
  person_id: string;
  /** GDPR article 17(1) ground. */
  ground: string;
  /** Sealed with the person's data key: erased with them. */
  note: string | null;
  status: RequestStatus;
  requested_by: string;
  requested_at: string;
  /** One month after the request (article 12(3)). */
  due_on: string;
  decided_by: string | null;
  decided_at: string | null;
  /** GDPR article 17(3) exception, when refused. */
  refusal_ground: string | null;
  decision_note: string | null;
  /** JSON counts of what the erasure shredded. */
  summary: string | null;
  version: number;
}

/**
 * Every record erased, by id only. `restore` replays it, so a backup taken before an erasure does
 * not bring the person back once restored.
 */
export interface ErasureLedgerTable {
  subject_type: string;
  subject_id: string;
  erased_at: string;
  /** 'erasure_request' or 'retention'. */
  source: string;
  source_id: string | null;
}

export interface AccessRequestsTable {
  id: string;
  org_id: string;
  person_id: string;
  /** BCP 47 tag the person asked for; the export falls back to English without a template. */
  language: string;
  /** How the requester's identity was checked. */
  verification: string;
  status: RequestStatus;
  requested_by: string;
  requested_at: string;
  due_on: string;
  decided_by: string | null;
  decided_at: string | null;
  refusal_reason: string | null;
  export_count: number;
  last_exported_at: string | null;
  version: number;
}

/** Master keys this database has known, by fingerprint; never the keys themselves. */
export interface KeyVersionsTable {
  version: number;
  fingerprint: string;
  created_at: string;
  retired_at: string | null;
  /** The last audit entry hashed with this version's audit key, once its rotation ended. */
  audit_until_seq: number | null;
  /** This version's audit key, sealed under the current ring and bound to audit_until_seq. */
  wrapped_audit_key: string | null;
}

/** A rotation's progress: each batch commits its cursor with its rows, so a crash resumes. */
export interface KeyRotationsTable {
  id: string;
  to_version: number;
  phase: string;
  cursor: string | null;
  /** JSON { phase: rows re-keyed }. */
  counts: string;
  started_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface DataProtectionTables {
  retention_policies: RetentionPoliciesTable;
  legal_holds: LegalHoldsTable;
  retention_runs: RetentionRunsTable;
  erasure_requests: ErasureRequestsTable;
  erasure_ledger: ErasureLedgerTable;
  access_requests: AccessRequestsTable;
  key_versions: KeyVersionsTable;
  key_rotations: KeyRotationsTable;
}
