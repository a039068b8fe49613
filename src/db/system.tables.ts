export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  unique_key: string | null;
  run_at: string;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  progress: string | null;
  result: string | null;
  last_error: string | null;
  created_by: string | null;
  created_at: string;
  finished_at: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  window_ends_at: string;
}

export interface SystemTables {
  jobs: JobsTable;
  settings: SettingsTable;
  rate_limits: RateLimitsTable;
}
