export type PairStatus = 'open' | 'same' | 'different';

/**
 * A pair of registrations the batch run found at or above the review threshold. Only ids, the
 * probability and the per-field weights are stored: never a name, so a stolen database file
 * learns which records look alike, not who they are.
 */
export interface DuplicatePairsTable {
  id: string;
  /** The two people, ordered (person_a < person_b) so that a pair has one row. */
  person_a: string;
  person_b: string;
  probability: number;
  weight: number;
  /** JSON array of { field, level, weight }: the waterfall chart. */
  explanation: string;
  status: PairStatus;
  /** The job that last proposed the pair; open pairs of older runs are dropped by the next run. */
  run_id: string | null;
  found_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** Encrypted under person_a's data key: a reviewer's reason may describe the person. */
  reason: string | null;
}

/**
 * One merge: what `same` did, so that unmerge can undo exactly that. `moved` is JSON of ids only
 * (needs, memberships, cases, pairs closed with it, people re-pointed to the survivor).
 */
export interface PersonMergesTable {
  id: string;
  pair_id: string;
  survivor_id: string;
  merged_id: string;
  moved: string;
  merged_by: string | null;
  merged_at: string;
  undone_by: string | null;
  undone_at: string | null;
}

export interface MatchingTables {
  duplicate_pairs: DuplicatePairsTable;
  person_merges: PersonMergesTable;
}
