import type { LocalDate } from './calendar.js';
import type { LegalBasis } from './reunification.enums.js';
import type { RuleSet } from './rule-types.js';
import { AMMR_SET } from './rules-ammr.js';
import { DUBLIN_III } from './rules-dublin-iii.js';

export type { ClockDate, ClockRule, RuleSet, Verification } from './rule-types.js';

/** National family reunion (the United Kingdom since 1 January 2021) and other routes: no EU clocks. */
const NATIONAL: RuleSet = {
  id: 'national',
  instrument: 'National immigration rules (e.g. UK refugee family reunion)',
  effectiveFrom: '1900-01-01',
  effectiveUntil: null,
  bases: ['national_family_reunion', 'other'],
  effectiveDateSource: 'Not an EU instrument: no statutory time limits are computed.',
  rules: [],
  notComputed: ['National rules set no time limit that Passerelle computes; record the dates for the file.'],
};

export const RULE_SETS: readonly RuleSet[] = [DUBLIN_III, AMMR_SET, NATIONAL];

/** The rule set of a case: its legal basis and the date its application was lodged, for life. */
export function ruleSetFor(basis: LegalBasis, lodgedOn: LocalDate): RuleSet | undefined {
  return RULE_SETS.find(
    (set) =>
      set.bases.includes(basis) &&
      set.effectiveFrom <= lodgedOn &&
      (set.effectiveUntil === null || lodgedOn <= set.effectiveUntil),
  );
}

export function ruleSetById(id: string): RuleSet | undefined {
  return RULE_SETS.find((set) => set.id === id);
}
