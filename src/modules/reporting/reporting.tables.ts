/**
 * A personal-data export waiting to be downloaded. The file is encrypted under its own data key,
 * wrapped by the key ring; at expiry both are deleted (crypto-shredding) and the row stays as the
 * record of what was taken: who, which dataset, how many rows, when.
 */
export interface ExportFilesTable {
  id: string;
  user_id: string;
  org_id: string;
  dataset: string;
  format: 'csv' | 'xlsx';
  row_count: number;
  filename: string;
  /** Null once purged. */
  wrapped_key: string | null;
  /** base64 of the encrypted bytes; null once purged. */
  content: string | null;
  downloads: number;
  created_at: string;
  expires_at: string;
  purged_at: string | null;
}

export interface ReportingTables {
  export_files: ExportFilesTable;
}
