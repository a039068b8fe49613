/**
 * Types of the matching API, inferred from the server's zod schemas (type-only imports: no zod
 * code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  Contribution,
  MatchCandidate,
  MatchingSearchBody,
  PairDetailResponse,
  PairResponse,
  RunResponse,
} from '../../../../src/modules/matching/matching.schema';

export type Pair = z.infer<typeof PairResponse>;
export type PairDetail = z.infer<typeof PairDetailResponse>;
export type PairStatus = Pair['status'];
export type Band = Pair['band'];
export type FieldContribution = z.infer<typeof Contribution>;
export type Candidate = z.infer<typeof MatchCandidate>;
export type MatchingSearchInput = z.input<typeof MatchingSearchBody>;
export type Run = z.infer<typeof RunResponse>;

export const PAIR_STATUSES: readonly PairStatus[] = ['open', 'same', 'different'];
export const BAND_COLOURS: Record<Band, string> = { high: 'red', medium: 'orange', low: 'yellow' };

/** What the search form hands over: what is known of the person being checked. */
export interface SearchProbe {
  givenName?: string;
  familyName?: string;
  fullName?: string;
  birthYear?: number;
  sex?: 'female' | 'male' | 'other' | 'unknown';
  nationality?: string;
  /** The record the check was started from: shown as itself, not as its own duplicate. */
  excludeId?: string;
}
