import { analyseName, canonicalToken, compareNames, jaroWinkler } from '../transliteration/index.js';
import { skeletonOf } from '../transliteration/keys.js';
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
const STRONG_TOKEN = 0.8;

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

// The same pairs of names recur across many record pairs (names are shared by many people):
// their level is computed once. Each distinct name gets a number, so a pair's key is a number
// (no string built per pair); (a, b) and (b, a) share an entry.
const NAME_LEVEL_CACHE_SIZE = 4_000_000;
/** Levels by the smaller name number, then the larger (small-integer keys hash fast). */
let nameLevelCache: Array<Map<number, number> | undefined> = [];
let nameLevelEntries = 0;

function forgetNameLevels() {
  nameLevelCache = [];
  nameLevelEntries = 0;
}

/** A name's tokens as the comparison sees them, with the adjacent merges it may try. */
interface NameInfo {
  id: number;
  /** Token numbers (tokens and adjacent merges) for the quick "nothing close" test. */
  tokens: number[];
}

const NAME_INFO_CACHE_SIZE = 1_000_000;
const nameInfos = new Map<string, NameInfo>();
let nextNameId = 0;

interface TokenInfo {
  canonical: string;
  /** The canonical form Jaro–Winkler is computed on (unknown vowels read as a). */
  jwForm: string;
  skeleton: string;
}
const tokenIds = new Map<string, number>();
const tokenInfos: TokenInfo[] = [];
/** Per token, the tokens known to be able (1) or not (0) to score at least STRONG_TOKEN with it. */
let closeTokens: Array<Map<number, number> | undefined> = [];

function tokenId(text: string): number {
  let id = tokenIds.get(text);
  if (id === undefined) {
    const canonical = canonicalToken(text);
    id = tokenInfos.length;
    tokenInfos.push({ canonical, jwForm: canonical.replace(/\?/g, 'a'), skeleton: skeletonOf(canonical) });
    tokenIds.set(text, id);
  }
  return id;
}

const TOKEN_CACHE_SIZE = 300_000;

function nameInfo(raw: string): NameInfo {
  let info = nameInfos.get(raw);
  if (info) return info;
  if (tokenInfos.length >= TOKEN_CACHE_SIZE) {
    // Token numbers are about to be reused: forget everything that holds them.
    tokenIds.clear();
    tokenInfos.length = 0;
    closeTokens = [];
    nameInfos.clear();
    nextNameId = 0;
    forgetNameLevels();
  }
  const tokens = analyseName(raw);
  const ids = tokens.map((t) => tokenId(t.text));
  // compareNames also reads two adjacent tokens as one (Ali Reza / Alireza).
  if (tokens.length >= 2 && tokens.length <= 5)
    for (let i = 0; i + 1 < tokens.length; i += 1) ids.push(tokenId(tokens[i]!.text + tokens[i + 1]!.text));
  if (nameInfos.size >= NAME_INFO_CACHE_SIZE) {
    nameInfos.clear();
    nextNameId = 0;
    forgetNameLevels();
  }
  info = { id: nextNameId, tokens: ids };
  nextNameId += 1;
  nameInfos.set(raw, info);
  return info;
}

/**
 * Whether two tokens could score STRONG_TOKEN or more in compareTokens: only the same canonical
 * spelling, the same consonant skeleton (transliteration) or a Jaro–Winkler of at least 0.8 / 0.85
 * (a typo; alignment scores are rounded to hundredths) can. A conservative test: true sends
 * the pair to the full comparison.
 */
function tokensMayBeClose(x: number, y: number): boolean {
  if (x === y) return true;
  const low = Math.min(x, y);
  const high = Math.max(x, y);
  let row = closeTokens[low];
  if (!row) {
    row = new Map();
    closeTokens[low] = row;
  }
  const known = row.get(high);
  if (known !== undefined) return known === 1;
  const a = tokenInfos[x]!;
  const b = tokenInfos[y]!;
  const [p, q] = a.canonical <= b.canonical ? [a, b] : [b, a];
  const close =
    a.canonical === b.canonical ||
    a.skeleton === b.skeleton ||
    jaroWinkler(p.jwForm, q.jwForm) * 0.85 >= 0.79;
  row.set(high, close ? 1 : 0);
  return close;
}

function mayBeClose(a: NameInfo, b: NameInfo): boolean {
  for (const x of a.tokens) for (const y of b.tokens) if (tokensMayBeClose(x, y)) return true;
  return false;
}

export function nameLevel(a: string, b: string): number {
  if (!a || !b) return MISSING;
  let left = nameInfo(a);
  const right = nameInfo(b);
  // The caches may have been emptied while reading b: a's number must be of the same generation.
  if (nameInfos.get(a) !== left) left = nameInfo(a);
  const low = Math.min(left.id, right.id);
  const high = Math.max(left.id, right.id);
  let row = nameLevelCache[low];
  if (!row) {
    row = new Map();
    nameLevelCache[low] = row;
  }
  const cached = row.get(high);
  if (cached !== undefined) return cached;
  // No token (nor adjacent merge) of one name comes close to any of the other's: every aligned
  // token scores under STRONG_TOKEN, which computeNameLevel calls different.
  const level = mayBeClose(left, right) ? computeNameLevel(a, b) : 5;
  if (nameLevelEntries >= NAME_LEVEL_CACHE_SIZE) forgetNameLevels();
  let target = nameLevelCache[low];
  if (!target) {
    target = new Map();
    nameLevelCache[low] = target;
  }
  target.set(high, level);
  nameLevelEntries += 1;
  return level;
}

function computeNameLevel(a: string, b: string): number {
  const { alignment, unmatched } = compareNames(a, b);
  if (alignment.length === 0) return 5;
  const scores = alignment.map(([, , score]) => score);
  const weakest = Math.min(...scores);
  if (weakest < STRONG_TOKEN) return Math.max(...scores) >= STRONG_TOKEN ? 4 : 5;
  if (unmatched > 0) return 3;
  if (weakest >= 0.999) return 0;
  if (weakest >= 0.95) return 1;
  return 2;
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
  const gap = Math.abs(a.year - b.year);
  if (gap === 0) return 2;
  if (gap <= 1) return 3;
  if ((a.estimated || b.estimated) && gap <= 5) return 4;
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

function agreement(a: string | null, b: string | null): number {
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
