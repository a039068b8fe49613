import { jaroWinkler } from './jaro-winkler.js';
import { canonicalToken, type Frame, frameOf, phoneticOf, skeletonOf } from './keys.js';
import { analyseName, type NameToken } from './tokens.js';

export type NameLevel =
  | 'exact'
  | 'transliteration'
  | 'skeleton'
  | 'phonetic'
  | 'fuzzy'
  | 'different'
  | 'missing';

const LEVEL_RANK: Record<NameLevel, number> = {
  exact: 0,
  transliteration: 1,
  skeleton: 2,
  phonetic: 3,
  fuzzy: 4,
  different: 5,
  missing: 6,
};

function vowelClass(group: string): 'A' | 'E' | 'I' | 'U' | '?' {
  if (group.includes('?')) return '?';
  if (/[ou]/.test(group)) return 'U';
  if (/[iy]/.test(group)) return 'I';
  if (group.includes('a')) return 'A';
  return 'E';
}

/**
 * Can two vowel groups at the same consonant slot be spellings of one vowel? Arabic script writes
 * long vowels only, so there "none" means "short or none" and a written vowel must agree in class;
 * `e` stands for any short vowel in Latin spellings (Youssef/Yusuf) but never for a long one.
 */
function slotCompatible(a: string, aArabic: boolean, b: string, bArabic: boolean): boolean {
  if (a === b) return true;
  const ca = vowelClass(a);
  const cb = vowelClass(b);
  if (ca === '?' || cb === '?') return true;
  if (aArabic !== bArabic) {
    const [arabic, latin] = aArabic ? [a, b] : [b, a];
    if (arabic === '') return latin.length <= 1;
    if (latin === '') return false;
    const [ac, lc] = aArabic ? [ca, cb] : [cb, ca];
    return ac === lc || (lc === 'E' && ac !== 'U');
  }
  if (a === '' || b === '') return (a || b).length <= 1;
  if (ca === cb) return true;
  return (ca === 'E' && a.length === 1) || (cb === 'E' && b.length === 1);
}

function framesEquivalent(fa: Frame, aArabic: boolean, fb: Frame, bArabic: boolean): boolean {
  if (fa.startsWithVowel !== fb.startsWithVowel || fa.consonants.join('') !== fb.consonants.join(''))
    return false;
  if (!slotCompatible(fa.lead, aArabic, fb.lead, bArabic)) return false;
  return fa.vowels.every((v, i) => slotCompatible(v, aArabic, fb.vowels[i]!, bArabic));
}

/** A token with the keys compareTokens reads, computed once. */
export interface PreparedToken {
  token: NameToken;
  merged?: boolean;
  canonical: string;
  /** The canonical form Jaro–Winkler is computed on (an unknown vowel read as a). */
  jwForm: string;
  frame: Frame;
  skeleton: string;
  phonetic: string;
}

export function prepareToken(token: NameToken): PreparedToken {
  const canonical = canonicalToken(token.text);
  return {
    token,
    canonical,
    jwForm: canonical.replace(/\?/g, 'a'),
    frame: frameOf(canonical),
    skeleton: skeletonOf(canonical),
    phonetic: phoneticOf(canonical),
  };
}

// Candidates' names recur across searches and registrations (names are shared by many people):
// analysing a name once and remembering it makes scoring a pool of candidates cheap.
const PREPARED_CACHE_SIZE = 50_000;
const preparedCache = new Map<string, PreparedToken[]>();

function preparedName(raw: string): PreparedToken[] {
  let prepared = preparedCache.get(raw);
  if (!prepared) {
    prepared = analyseName(raw).map(prepareToken);
    if (preparedCache.size >= PREPARED_CACHE_SIZE)
      preparedCache.delete(preparedCache.keys().next().value as string);
    preparedCache.set(raw, prepared);
  }
  return prepared;
}

/** Similarity of two tokens with the level that explains it. Symmetric. */
export function compareTokens(a: PreparedToken, b: PreparedToken): { score: number; level: NameLevel } {
  if (
    a.token.text === b.token.text ||
    (a.canonical === b.canonical && a.token.fromArabicScript === b.token.fromArabicScript)
  ) {
    return { score: 1, level: 'exact' };
  }
  const [x, y] = a.canonical <= b.canonical ? [a, b] : [b, a];
  const jw = jaroWinkler(x.jwForm, y.jwForm);
  if (framesEquivalent(a.frame, a.token.fromArabicScript, b.frame, b.token.fromArabicScript)) {
    return { score: 0.95, level: 'transliteration' };
  }
  // Same consonants with incompatible vowels is usually another name (Mohammed/Mahmoud,
  // Hassan/Hussein): weak evidence, unless the spelling is also close (a typo).
  const fuzzy = jw >= 0.9 ? jw * 0.85 : 0;
  if (a.skeleton === b.skeleton && a.skeleton.replace('@', '').length >= 2) {
    return { score: Math.max(fuzzy, Math.min(0.7, 0.4 + jw * 0.3)), level: 'skeleton' };
  }
  if (a.phonetic === b.phonetic && a.phonetic.replace('@', '').length >= 2) {
    return { score: Math.max(fuzzy, Math.min(0.65, 0.35 + jw * 0.3)), level: 'phonetic' };
  }
  if (fuzzy > 0) return { score: fuzzy, level: 'fuzzy' };
  return { score: jw * 0.4, level: 'different' };
}

export interface NameComparison {
  score: number;
  level: NameLevel;
  /** Aligned token pairs (romanised) with their similarity. */
  alignment: Array<[string, string, number]>;
  /** Tokens on each side that found no counterpart (a name part one registration left out). */
  unmatched: number;
}

function align(left: PreparedToken[], right: PreparedToken[]) {
  const pairs: Array<{ i: number; j: number; score: number; level: NameLevel }> = [];
  for (let i = 0; i < left.length; i += 1) {
    for (let j = 0; j < right.length; j += 1) pairs.push({ i, j, ...compareTokens(left[i]!, right[j]!) });
  }
  // Greedy best-first alignment. Ties are broken by the tokens' own spellings, never by their
  // positions, so the result depends neither on name order nor on which name comes first.
  const tieKey = (p: { i: number; j: number }) =>
    [left[p.i]!.canonical, right[p.j]!.canonical].sort().join('|');
  pairs.sort((p, q) => q.score - p.score || (tieKey(p) < tieKey(q) ? -1 : tieKey(p) > tieKey(q) ? 1 : 0));
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const chosen: typeof pairs = [];
  for (const pair of pairs) {
    if (usedLeft.has(pair.i) || usedRight.has(pair.j)) continue;
    usedLeft.add(pair.i);
    usedRight.add(pair.j);
    chosen.push(pair);
  }
  return chosen;
}

function summarise(
  chosen: ReturnType<typeof align>,
  left: PreparedToken[],
  right: PreparedToken[],
  denominator: number,
): NameComparison {
  const total = chosen.reduce((sum, p) => sum + p.score, 0);
  const level = chosen.reduce<NameLevel>(
    (worst, p) => (LEVEL_RANK[p.level] > LEVEL_RANK[worst] ? p.level : worst),
    'exact',
  );
  return {
    score: Math.max(0, Math.min(1, total / denominator)),
    level: chosen.length === 0 ? 'different' : level,
    unmatched: left.length + right.length - 2 * chosen.length,
    alignment: chosen.map((p) => [
      left[p.i]!.token.text,
      right[p.j]!.token.text,
      Math.round(p.score * 100) / 100,
    ]),
  };
}

/**
 * Order-independent comparison of two full names in any script. Extra tokens on one side cost
 * half a token each, so "Mohammed Ali Hassan" vs "Mohammed Hassan" scores high but below exact.
 */
export function compareNames(a: string, b: string): NameComparison {
  const left = preparedName(a);
  const right = preparedName(b);
  if (left.length === 0 || right.length === 0)
    return { score: 0, level: 'missing', alignment: [], unmatched: 0 };
  let best = scoreAlignment(left, right);
  if (best.score >= 0.95 || left.length === right.length)
    return { ...best, score: Math.round(best.score * 1e6) / 1e6 };
  // Names written joined on one side and apart on the other (Ali Reza / Alireza, Wolde Mikael /
  // Woldemichael): also try each pair of adjacent tokens merged, on either side.
  for (const merged of adjacentMerges(left)) best = better(best, scoreAlignment(merged, right), merged);
  for (const merged of adjacentMerges(right)) best = better(best, scoreAlignment(left, merged), merged);
  return { ...best, score: Math.round(best.score * 1e6) / 1e6 };
}

function scoreAlignment(left: PreparedToken[], right: PreparedToken[]): NameComparison {
  const chosen = align(left, right);
  const shorter = Math.min(left.length, right.length);
  const longer = Math.max(left.length, right.length);
  return summarise(chosen, left, right, shorter + 0.5 * (longer - shorter));
}

/** A merged reading counts only when the joined token itself matches closely (a real compound). */
function better(current: NameComparison, candidate: NameComparison, merged: PreparedToken[]): NameComparison {
  const joined = new Set(merged.filter((t) => t.merged).map((t) => t.token.text));
  const compoundMatched = candidate.alignment.some(
    ([x, y, score]) => score >= 0.95 && (joined.has(x) || joined.has(y)),
  );
  return compoundMatched && candidate.score > current.score ? candidate : current;
}

function adjacentMerges(tokens: PreparedToken[]): PreparedToken[][] {
  if (tokens.length < 2 || tokens.length > 5) return [];
  const merges: PreparedToken[][] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const joined = {
      ...prepareToken({
        text: tokens[i]!.token.text + tokens[i + 1]!.token.text,
        fromArabicScript: tokens[i]!.token.fromArabicScript || tokens[i + 1]!.token.fromArabicScript,
      }),
      merged: true,
    };
    merges.push([...tokens.slice(0, i), joined, ...tokens.slice(i + 2)]);
  }
  return merges;
}

/**
 * How well a search query is covered by a registered name: every query token should find its
 * counterpart; extra tokens of the registered name cost little (people search by given name).
 */
export function matchQuery(query: string, name: string): NameComparison {
  const left = preparedName(query);
  const right = preparedName(name);
  if (left.length === 0 || right.length === 0)
    return { score: 0, level: 'missing', alignment: [], unmatched: 0 };
  const chosen = align(left, right);
  const extra = Math.max(0, right.length - left.length);
  return summarise(chosen, left, right, left.length + 0.1 * extra);
}
