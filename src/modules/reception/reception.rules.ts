/**
 * Which kind of place a person or household needs, and what a centre must offer them. One set of
 * rules serves the reservation of a place (relocations) and the placement planner, so the plan
 * never proposes what `accepted` would then refuse.
 */

/** Place categories every centre may offer; a centre may declare others (PUT capacity). */
export const STANDARD_CATEGORIES = [
  'family',
  'single_men',
  'single_women',
  'unaccompanied_minors',
  'medical',
] as const;

export const CATEGORY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * Needs that call for medical care on site: UNHCR "serious medical condition" (SM) and the severe
 * disabilities (DS-PS, DS-MS). Mild conditions (DS-BD, DS-DF, …) do not restrict the choice.
 */
const MEDICAL_CODES = new Set(['DS-PS', 'DS-MS']);
const ACCESSIBILITY_CODES = new Set(['DS-PM', 'DS-PS']);

export interface GroupMember {
  sex: 'female' | 'male' | 'other' | 'unknown';
  /** Whole years; null when the birth year is unknown (treated as an adult). */
  age: number | null;
  /** Active specific-need codes, e.g. SM-CI, SC-UC. */
  needCodes: readonly string[];
}

export interface Requirements {
  childProtection: boolean;
  medicalCare: boolean;
  accessibility: boolean;
}

export function isMinor(member: GroupMember): boolean {
  return member.age !== null && member.age < 18;
}

export function needsMedicalCare(member: GroupMember): boolean {
  return member.needCodes.some((code) => code.startsWith('SM') || MEDICAL_CODES.has(code));
}

/** Vulnerable people go first when places are short: children, and anyone with a specific need. */
export function isVulnerable(member: GroupMember): boolean {
  return isMinor(member) || member.needCodes.length > 0;
}

/**
 * The category of place a group travelling together takes. A group of two or more is a family;
 * children without an adult in the group are unaccompanied minors (whatever their registration
 * says, a child travelling alone needs a child-protection place); a single adult needing medical
 * care takes a medical place; other single adults take men's or women's places — people whose
 * sex is recorded as other or unknown are placed in women's places, the safer default.
 */
export function categoryOf(members: readonly GroupMember[]): string {
  const hasAdult = members.some((m) => !isMinor(m));
  if (!hasAdult) return 'unaccompanied_minors';
  if (members.length > 1) return 'family';
  const [single] = members;
  if (single && needsMedicalCare(single)) return 'medical';
  return single?.sex === 'male' ? 'single_men' : 'single_women';
}

export function requirementsOf(members: readonly GroupMember[]): Requirements {
  const hasAdult = members.some((m) => !isMinor(m));
  return {
    childProtection: !hasAdult,
    medicalCare: members.some(needsMedicalCare),
    accessibility: members.some((m) => m.needCodes.some((c) => ACCESSIBILITY_CODES.has(c))),
  };
}

export interface CentreServices {
  medicalCare: boolean;
  childProtection: boolean;
  accessible: boolean;
  languages: readonly string[];
}

/** The hard constraints a centre's services place on a group; empty when the centre fits. */
export function unmetRequirements(requirements: Requirements, services: CentreServices): string[] {
  const unmet: string[] = [];
  if (requirements.childProtection && !services.childProtection) unmet.push('child_protection');
  if (requirements.medicalCare && !services.medicalCare) unmet.push('medical_care');
  if (requirements.accessibility && !services.accessible) unmet.push('accessibility');
  return unmet;
}

export function ageFromBirthYear(birthYear: number | null, now: Date): number | null {
  return birthYear === null ? null : now.getUTCFullYear() - birthYear;
}
