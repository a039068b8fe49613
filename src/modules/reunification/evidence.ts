import type { LegalBasis } from './reunification.enums.js';

/**
 * What a reunification file needs, per legal basis. The items are the evidence caseworkers gather
 * for a take charge request or a national application: the person's identity, proof of the
 * family tie, the relative's status where they live, and, for a child, a best-interests
 * assessment. Items are data: an organisation changes a list here, not in the services.
 */
export const EVIDENCE_ITEMS = [
  'identity',
  'proof_of_relationship',
  'relative_status',
  'relative_care_capacity',
  'written_consent',
  'dependency',
  'humanitarian_grounds',
  'bia',
] as const;
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

const BY_BASIS: Record<LegalBasis, readonly EvidenceItem[]> = {
  // A child joining a relative: can the relative take care of the child?
  dublin_art8: ['identity', 'proof_of_relationship', 'relative_status', 'relative_care_capacity'],
  // Joining a protected or applying family member: the people concerned agree in writing.
  dublin_art9: ['identity', 'proof_of_relationship', 'relative_status', 'written_consent'],
  dublin_art10: ['identity', 'proof_of_relationship', 'relative_status', 'written_consent'],
  dublin_art16: ['identity', 'proof_of_relationship', 'relative_status', 'dependency', 'written_consent'],
  dublin_art17_2: ['identity', 'proof_of_relationship', 'humanitarian_grounds', 'written_consent'],
  national_family_reunion: ['identity', 'proof_of_relationship', 'relative_status'],
  other: ['identity', 'proof_of_relationship'],
};

/** The checklist of a case: its basis's items, and a best-interests assessment for a child. */
export function checklistFor(basis: LegalBasis, applicantIsChild: boolean): EvidenceItem[] {
  const items = [...BY_BASIS[basis]];
  if (applicantIsChild || basis === 'dublin_art8') items.push('bia');
  return items;
}
