/**
 * UNHCR standardised specific-needs codes (categories and sub-codes), plus Passerelle's
 * trafficking-risk indicators (category TI, after the ILO/IOM indicator groups).
 *
 * Source: UNHCR, "Guidance on the use of standardized specific needs codes" (2009), as used in
 * proGres and in Primero's `lookup-unhcr-needs-codes`. The meanings below follow that guidance;
 * the table is data, so an organisation can align it with the current UNHCR release without a
 * code change (docs/data-protection.md explains how). A category code on its own (e.g. `WR`) is
 * accepted when the sub-code is not known at registration.
 */
export interface SpecificNeed {
  code: string;
  category: string;
  label: string;
}

export const NEED_CATEGORIES = {
  CR: 'Child at risk',
  SC: 'Unaccompanied or separated child',
  WR: 'Woman at risk',
  SV: 'Sexual and gender-based violence',
  ER: 'Older person at risk',
  SP: 'Single parent or caregiver',
  DS: 'Disability',
  SM: 'Serious medical condition',
  LP: 'Specific legal and physical protection needs',
  TR: 'Torture',
  FU: 'Family unity',
  TI: 'Trafficking-risk indicator',
} as const;

export type NeedCategory = keyof typeof NEED_CATEGORIES;

const SUB_CODES: Array<[string, string]> = [
  ['CR-CP', 'Child parent'],
  ['CR-CS', 'Child spouse'],
  ['CR-CC', 'Child carer'],
  ['CR-TP', 'Teenage pregnancy'],
  ['CR-LW', 'Child engaged in the worst forms of child labour'],
  ['CR-LO', 'Child engaged in other forms of child labour'],
  ['CR-NE', 'Child at risk of not attending school'],
  ['CR-SE', 'Child with special education needs'],
  ['CR-AF', 'Child associated with armed forces or groups'],
  ['CR-CL', 'Child in conflict with the law'],
  ['SC-SC', 'Separated child'],
  ['SC-UC', 'Unaccompanied child'],
  ['SC-CH', 'Child-headed household'],
  ['SC-IC', 'Child in institutional care'],
  ['SC-FC', 'Child in foster care'],
  ['WR-WR', 'Woman at risk'],
  ['WR-SF', 'Single woman representing the household'],
  ['WR-LC', 'Lactating woman at risk'],
  ['SV-VA', 'Survivor of sexual and gender-based violence'],
  ['SV-GM', 'Female genital mutilation'],
  ['SV-HK', 'Harmful traditional practices'],
  ['SV-SS', 'Survival sex'],
  ['ER-NF', 'Older person unable to care for self'],
  ['ER-MC', 'Older person with children'],
  ['ER-UR', 'Unaccompanied older person'],
  ['SP-PT', 'Single parent'],
  ['SP-GP', 'Single grandparent'],
  ['SP-CG', 'Single caregiver'],
  ['DS-BD', 'Visual impairment'],
  ['DS-DF', 'Hearing impairment'],
  ['DS-PM', 'Physical disability, moderate'],
  ['DS-PS', 'Physical disability, severe'],
  ['DS-MM', 'Mental disability, moderate'],
  ['DS-MS', 'Mental disability, severe'],
  ['DS-SD', 'Speech impairment'],
  ['SM-MI', 'Mental illness'],
  ['SM-MN', 'Malnutrition'],
  ['SM-CI', 'Chronic illness'],
  ['SM-CC', 'Critical medical condition'],
  ['SM-AD', 'Addiction'],
  ['SM-OT', 'Other medical condition'],
  ['FU-TR', 'Tracing required'],
  ['FU-FR', 'Family reunification required'],
  ['LP-ND', 'No legal documentation'],
  ['LP-AN', 'Violence, abuse or neglect'],
  ['LP-MD', 'Multiple displacements'],
  ['LP-MS', 'Marginalised from society or community'],
  ['LP-RR', 'At risk of refoulement'],
  ['TR-PI', 'Psychological or physical impairment due to torture'],
  ['TR-HO', 'Forced to commit egregious acts'],
  ['TR-WV', 'Witness of violence to others'],
  ['TI-DR', 'Deceptive recruitment'],
  ['TI-CO', 'Coercion or threats'],
  ['TI-EX', 'Exploitative conditions of work or services'],
  ['TI-AV', 'Abuse of vulnerability'],
  ['TI-DB', 'Debt bondage'],
  ['TI-CD', 'Identity documents confiscated'],
  ['TI-RM', 'Restricted freedom of movement'],
];

export const SPECIFIC_NEEDS: readonly SpecificNeed[] = [
  ...Object.entries(NEED_CATEGORIES).map(([code, label]) => ({ code, category: code, label })),
  ...SUB_CODES.map(([code, label]) => ({ code, category: code.slice(0, 2), label })),
];

const BY_CODE = new Map(SPECIFIC_NEEDS.map((need) => [need.code, need]));

export function findNeed(code: string): SpecificNeed | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** Categories that call for protection follow-up when recorded (a case is proposed; see cases). */
export const PROTECTION_CATEGORIES: ReadonlySet<string> = new Set(['SC', 'CR', 'SV', 'WR', 'TI']);
