import { jaroWinkler } from '../transliteration/index.js';
import { nameLevelOf } from './name-levels.js';
import type { BirthInfo, MatchRecord } from './record.js';

/** A comparison's outcome: a level index, or MISSING when either side has no value (weight 0). */
export const MISSING = 255;

export interface ComparisonSpec {
  field: string;
  levels: readonly string[];
  /** Default m and u per level, used before (or instead of) training. */
  defaultM: readonly number[];
  defaultU: readonly number[];
  /** Whether exact agreement is adjusted for how common the value is (term frequency). */
  termFrequency?: boolean;
}

/**
 * Name levels by what happened to the tokens: all the same; the same in another spelling or
 * script; close (typos); one registration has a part the other lacks; a whole part differs
 * (siblings share father's and grandfather's names); nothing in common.
 */
const NAME_LEVELS = ['exact', 'transliteration', 'similar', 'partial', 'partDiffers', 'different'] as const;
const NAME_M = [0.55, 0.2, 0.12, 0.1, 0.02, 0.01];
const NAME_U = [0.001, 0.001, 0.003, 0.01, 0.05, 0.935];

export function nameSpec(field: string, termFrequency = false): ComparisonSpec {
  return { field, levels: NAME_LEVELS, defaultM: NAME_M, defaultU: NAME_U, termFrequency };
}

export const BIRTH_SPEC: ComparisonSpec = {
  field: 'birthDate',
  levels: ['exact', 'typo', 'sameYear', 'yearWithin1', 'withinEstimate', 'different', 'far'],
  // Among the same person: often the same date, often only a year (estimated ages, 1 January
  // defaults), sometimes an estimate several years off, almost never a decade apart.
  defaultM: [0.35, 0.04, 0.25, 0.18, 0.16, 0.0197, 0.0003],
  defaultU: [0.0001, 0.001, 0.012, 0.04, 0.1, 0.2, 0.6469],
};

export const SEX_SPEC: ComparisonSpec = {
  field: 'sex',
  levels: ['agree', 'disagree'],
  defaultM: [0.97, 0.03],
  defaultU: [0.5, 0.5],
};
export const NATIONALITY_SPEC: ComparisonSpec = {
  field: 'nationality',
  levels: ['agree', 'disagree'],
  defaultM: [0.95, 0.05],
  defaultU: [0.25, 0.75],
};
export const PLACE_SPEC: ComparisonSpec = {
  field: 'placeOfOrigin',
  levels: ['exact', 'similar', 'different'],
  defaultM: [0.8, 0.1, 0.1],
  defaultU: [0.05, 0.05, 0.9],
};

export function extraSpec(column: string): ComparisonSpec {
  return {
    field: column,
    levels: ['exact', 'oneEdit', 'different'],
    defaultM: [0.85, 0.1, 0.05],
    defaultU: [0.001, 0.004, 0.995],
  };
}

/** The comparison vector's layout for a given set of extra columns. */
export function comparisonSpecs(extraColumns: readonly string[]): ComparisonSpec[] {
  return [
    nameSpec('name', true),
    BIRTH_SPEC,
    SEX_SPEC,
    NATIONALITY_SPEC,
    PLACE_SPEC,
    ...extraColumns.map(extraSpec),
  ];
}

/** The level of two whole names (name-levels.ts: cached per pair of names and of tokens). */
export function nameLevel(a: string, b: string): number {
  if (!a || !b) return MISSING;
  return nameLevelOf(a, b);
}

/** True when a and b differ by at most one insertion, deletion, substitution or adjacent swap. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function birthLevel(a: BirthInfo | null, b: BirthInfo | null): number {
  if (!a || !b) return MISSING;
  if (a.digits && b.digits && a.digits === b.digits) return 0;
  if (
    a.digits &&
    b.digits &&
    (withinOneEdit(a.digits, b.digits) || (a.year === b.year && a.month === b.day && a.day === b.month))
  )
    return 1;
  return yearGapLevel(Math.abs(a.year - b.year), a.estimated || b.estimated);
}

/** The birth level of two years `gap` apart, when the full dates do not settle it. */
export function yearGapLevel(gap: number, estimated: boolean): number {
  if (gap === 0) return 2;
  if (gap <= 1) return 3;
  if (estimated && gap <= 5) return 4;
  return gap <= 10 ? 5 : 6;
}

/**
 * One comparison of the whole name, order-independent, in any script: Latin with Latin, the
 * original script with the original script, or one against the other when only one record has
 * Latin names. The best reading wins, so a typo in a Latin spelling is forgiven when the original
 * script agrees. Given, father's and family names are not compared separately: they are one
 * piece of evidence, and counting each part (and the script) apart would count it several times.
 */
export function fullNameLevel(a: MatchRecord, b: MatchRecord): number {
  let best = MISSING;
  const consider = (x: string, y: string) => {
    const level = nameLevel(x, y);
    if (level !== MISSING && (best === MISSING || level < best)) best = level;
  };
  if (a.fullName && b.fullName) consider(a.fullName, b.fullName);
  if (best > 0 && a.script && b.script) consider(a.script, b.script);
  if (best === MISSING) {
    if (a.script && b.fullName) consider(a.script, b.fullName);
    if (b.script && a.fullName) consider(a.fullName, b.script);
  }
  return best;
}

/** Equal values agree (level 0), different ones disagree (1); a missing side is MISSING. */
export function agreement(a: string | null, b: string | null): number {
  if (!a || !b) return MISSING;
  return a === b ? 0 : 1;
}

function placeLevel(a: string, b: string): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  return jaroWinkler(a, b) >= 0.88 ? 1 : 2;
}

function extraLevel(a: string, b: string): number {
  if (!a || !b) return MISSING;
  if (a === b) return 0;
  return withinOneEdit(a, b) ? 1 : 2;
}

/** Compares two records field by field into `out` (one level per comparison). */
export function compareRecords(a: MatchRecord, b: MatchRecord, out: Uint8Array): Uint8Array {
  out[0] = fullNameLevel(a, b);
  out[1] = birthLevel(a.birth, b.birth);
  out[2] = agreement(a.sex, b.sex);
  out[3] = agreement(a.nationality, b.nationality);
  out[4] = placeLevel(a.place, b.place);
  for (let i = 0; i < a.extras.length; i += 1) out[5 + i] = extraLevel(a.extras[i]!, b.extras[i]!);
  return out;
}
