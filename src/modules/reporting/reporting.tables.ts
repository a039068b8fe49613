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

/*
 * Rollups of people kept by database triggers (migration 0950): signed counts per key, summed by
 * every read. Sentinels stand for absent values: site and nationality '', birth year -1, need
 * category '' (people with any need); `strength` 2 SC-UC, 1 SC-SC, 0 another SC code.
 */
interface RollupCount {
  site_id: string;
  org_id: string;
  n: number;
}

export interface ReportPeopleTotalsTable extends RollupCount {
  sex: string;
  birth_year: number;
}

/** The same by registration day (`created_at`'s first ten characters), for "new in the period". */
export interface ReportPeopleNewTable extends ReportPeopleTotalsTable {
  created_day: string;
}

export interface ReportPeopleNationalityTable extends RollupCount {
  nationality: string;
}

/** Distinct people with a current need of each category ('' = any need). */
export interface ReportNeedsTable extends RollupCount {
  category: string;
}

/** People with a current SC need, under their strongest SC code. */
export interface ReportChildrenTable extends ReportPeopleTotalsTable {
  strength: number;
}

export interface ReportingTables {
  export_files: ExportFilesTable;
  report_people_totals: ReportPeopleTotalsTable;
  report_people_new: ReportPeopleNewTable;
  report_people_nationality: ReportPeopleNationalityTable;
  report_needs: ReportNeedsTable;
  report_children: ReportChildrenTable;
}
