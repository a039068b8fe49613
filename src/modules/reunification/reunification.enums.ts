/** The vocabularies of family tracing and reunification (DESIGN.md: extend, never rename). */

export const LEGAL_BASES = [
  'dublin_art8',
  'dublin_art9',
  'dublin_art10',
  'dublin_art16',
  'dublin_art17_2',
  'national_family_reunion',
  'other',
] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const DUBLIN_BASES: ReadonlySet<LegalBasis> = new Set([
  'dublin_art8',
  'dublin_art9',
  'dublin_art10',
  'dublin_art16',
  'dublin_art17_2',
]);

/** intake → evidence → request_sent → accepted | rejected → re_examination → transfer_scheduled → transferred → closed */
export const STAGES = [
  'intake',
  'evidence',
  'request_sent',
  'accepted',
  'rejected',
  're_examination',
  'transfer_scheduled',
  'transferred',
  'closed',
] as const;
export type Stage = (typeof STAGES)[number];

/** Who a relative is to the person (the relative is the applicant's …). */
export const KINSHIPS = [
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandparent',
  'grandchild',
  'aunt_uncle',
  'niece_nephew',
  'cousin',
  'other_relative',
] as const;
export type Kinship = (typeof KINSHIPS)[number];

/** The reverse relation: if B is A's parent, A is B's child. */
export const INVERSE_KINSHIP: Record<Kinship, Kinship> = {
  spouse: 'spouse',
  child: 'parent',
  parent: 'child',
  sibling: 'sibling',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  aunt_uncle: 'niece_nephew',
  niece_nephew: 'aunt_uncle',
  cousin: 'cousin',
  other_relative: 'other_relative',
};

/** A relative's status where they live. `refugee` stands for any beneficiary of international protection. */
export const LEGAL_STATUSES = ['citizen', 'refugee', 'asylum_applicant', 'other'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const TRACING_STATUSES = ['open', 'matched', 'closed'] as const;
export type TracingStatus = (typeof TRACING_STATUSES)[number];

export const MATCH_STATUSES = ['proposed', 'confirmed', 'rejected'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export const EVIDENCE_STATUSES = ['missing', 'requested', 'received', 'verified', 'not_applicable'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** Why a transfer may take longer than six months (Dublin III Art. 29(2)). */
export const TRANSFER_EXTENSIONS = ['none', 'imprisonment', 'absconding'] as const;
export type TransferExtension = (typeof TRANSFER_EXTENSIONS)[number];
