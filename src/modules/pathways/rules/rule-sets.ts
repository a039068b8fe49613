import { FRANCE_2015, FRANCE_2021, FRANCE_2024 } from './france.rules.js';
import type { LocalDate } from './legal-calendar.js';
import type { RuleSet } from './rule-types.js';

/**
 * Every rule set, all countries. Another country's procedure is one more data file of rule sets
 * listed here: the engine (deadlines.ts) reads only these fields and has no country in its code.
 */
export const RULE_SETS: readonly RuleSet[] = [FRANCE_2015, FRANCE_2021, FRANCE_2024];

/** Countries whose asylum procedure Passerelle can follow (ISO 3166-1 alpha-3). */
export const PROCEDURE_COUNTRIES = [...new Set(RULE_SETS.map((set) => set.country))] as [string, ...string[]];

/** The set in force in `country` on `date`; undefined before the earliest set. */
export function ruleSetFor(country: string, date: LocalDate): RuleSet | undefined {
  return RULE_SETS.find(
    (set) =>
      set.country === country &&
      set.effectiveFrom <= date &&
      (set.effectiveUntil === null || date <= set.effectiveUntil),
  );
}

/** The set in force today, for the time zone of a country's procedure. */
export function currentRuleSet(country: string, today: LocalDate): RuleSet | undefined {
  return ruleSetFor(country, today);
}
