/**
 * Types of the registry API, inferred from the server's zod schemas (type-only imports: no zod
 * code reaches the browser bundle).
 */
import type { z } from 'zod';
import type { ImportReportResponse } from '../../../../src/modules/registry/import/import.schema';
import type {
  DuplicateCandidate,
  HistoryEntry,
  HouseholdResponse,
  PersonResponse,
  RegisterPersonBody,
  RegisterPersonResponse,
  SearchResult,
  UpdatePersonBody,
} from '../../../../src/modules/registry/registry.schema';

export type Person = z.infer<typeof PersonResponse>;
export type PersonHit = z.infer<typeof SearchResult>;
export type Registration = z.infer<typeof RegisterPersonResponse>;
export type Duplicate = z.infer<typeof DuplicateCandidate>;
export type HistoryItem = z.infer<typeof HistoryEntry>;
export type Household = z.infer<typeof HouseholdResponse>;
export type ImportReport = z.infer<typeof ImportReportResponse>;
export type RegisterPersonInput = z.input<typeof RegisterPersonBody>;
export type UpdatePersonInput = z.input<typeof UpdatePersonBody>;

export type Sex = RegisterPersonInput['sex'];
export type ConsentBasis = RegisterPersonInput['consent']['basis'];
export type ConsentPurpose = RegisterPersonInput['consent']['purposes'][number];
export type Relationship = NonNullable<RegisterPersonInput['relationship']>;

// The enumerations, repeated as values for the forms (the schemas' own arrays would pull zod in).
export const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];
export const CONSENT_BASES: readonly ConsentBasis[] = [
  'consent',
  'vital_interest',
  'public_interest',
  'legitimate_interest',
  'legal_obligation',
];
export const CONSENT_PURPOSES: readonly ConsentPurpose[] = [
  'services',
  'referral',
  'tracing',
  'information_sharing',
];
export const RELATIONSHIPS: readonly Relationship[] = [
  'head',
  'spouse',
  'child',
  'sibling',
  'parent',
  'other_relative',
  'non_relative',
];
export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const NEED_CATEGORIES = [
  'CR',
  'SC',
  'WR',
  'SV',
  'ER',
  'SP',
  'DS',
  'SM',
  'LP',
  'TR',
  'FU',
  'TI',
] as const;

/** What the UI may offer on a person (the server's `allowed`); the UI never checks roles. */
export type PersonAction = 'edit' | 'editNeeds' | 'editConsent' | 'editHousehold' | 'viewHistory';

export interface ReferenceItem {
  code: string;
  name: string;
}
export interface NeedReference {
  code: string;
  category: string;
  label: string;
}
export interface SiteOption {
  id: string;
  name: string;
}
