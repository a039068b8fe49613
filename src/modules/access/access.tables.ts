export interface OrganisationsTable {
  id: string;
  slug: string;
  name: string;
  kind: string;
  is_demo: number;
  created_at: string;
}

export interface UsersTable {
  id: string;
  org_id: string;
  email: string;
  name: string;
  /** JSON array of role names. */
  roles: string;
  password_hash: string;
  locale: string;
  /** Encrypted with the key ring, bound to the user id. */
  totp_secret: string | null;
  totp_enabled: number;
  /** Last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: number | null;
  /** JSON array of SHA-256 hashes of unused recovery codes. */
  recovery_codes: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled_at: string | null;
  is_demo: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  csrf_token: string;
  second_factor: number;
  created_at: string;
  last_seen_at: string;
  idle_expires_at: string;
  absolute_expires_at: string;
  revoked_at: string | null;
  user_agent: string | null;
  ip: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface RecordSharesTable {
  id: string;
  /** e.g. 'person', 'case'. */
  record_type: string;
  record_id: string;
  org_id: string;
  granted_by: 'referral' | 'transfer' | 'tracing';
  source_id: string | null;
  granted_at: string;
  revoked_at: string | null;
}

export interface AccessTables {
  record_shares: RecordSharesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}
