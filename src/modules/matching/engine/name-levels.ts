import { compareNames, compareTokens, type PreparedToken, prepareToken } from '../transliteration/compare.js';
import { analyseName } from '../transliteration/index.js';
import { PairTable } from './pair-table.js';

/**
 * The name comparison level of two whole names, fast: the level `compareNames` and its alignment
 * give (see `referenceNameLevel`), computed on interned tokens. Names are built from a small
 * vocabulary of tokens ('Mohammed' against 'Muhammad' recurs millions of times in a registry), so
 * each token is prepared once, each pair of tokens is scored once, and each pair of names is
 * graded once; the greedy alignment then runs on numbers, with the same order and tie-breaking
 * as `compareNames`, so the level is identical.
 */

/** A token at or above this score counts as the same name part (levels 0–3). */
export const STRONG_TOKEN = 0.8;

interface TokenInfo {
  text: string;
  prepared: PreparedToken;
}

/** A name's interned tokens, with the adjacent merges compareNames may try. */
interface NameInfo {
  id: number;
  tokens: number[];
  /** Per i, tokens i and i + 1 read as one (Ali Reza / Alireza); empty outside 2–5 tokens. */
  merges: number[];
}

const TOKEN_LIMIT = 1 << 21;
const NAME_LIMIT = 2_000_000;

const tokenIds = new Map<string, number>();
const tokens: TokenInfo[] = [];
const names = new Map<string, NameInfo>();
let nextNameId = 0;
/** compareTokens scores by pair of tokens (smaller number first). */
const pairScores = new PairTable(1 << 24);
/** Levels by pair of names (smaller number first). */
const nameLevels = new PairTable(1 << 24);

function forgetNames() {
  names.clear();
  nextNameId = 0;
  nameLevels.clear();
}

/** Empties every table (a benchmark's cold run; memory back after a whole-registry run). */
export function forgetNameLevels() {
  tokenIds.clear();
  tokens.length = 0;
  pairScores.clear();
  forgetNames();
}

function tokenId(text: string, fromArabicScript: boolean): number {
  const key = fromArabicScript ? `${text}\u0001` : text;
  let id = tokenIds.get(key);
  if (id === undefined) {
    const prepared = prepareToken({ text, fromArabicScript });
    id = tokens.length;
    tokens.push({ text, prepared });
    tokenIds.set(key, id);
  }
  return id;
}

function nameInfo(raw: string): NameInfo {
  const known = names.get(raw);
  if (known) return known;
  // Numbers are about to run out: start afresh (the caller re-reads the other name).
  if (tokens.length >= TOKEN_LIMIT - 64) forgetNameLevels();
  if (names.size >= NAME_LIMIT) forgetNames();
  const analysed = analyseName(raw);
  const ids = analysed.map((t) => tokenId(t.text, t.fromArabicScript));
  const merges: number[] = [];
  if (analysed.length >= 2 && analysed.length <= 5) {
    for (let i = 0; i + 1 < analysed.length; i += 1) {
      const x = analysed[i]!;
      const y = analysed[i + 1]!;
      merges.push(tokenId(x.text + y.text, x.fromArabicScript || y.fromArabicScript));
    }
  }
  const info = { id: nextNameId, tokens: ids, merges };
  nextNameId += 1;
  names.set(raw, info);
  return info;
}

/** compareTokens' score of two interned tokens (symmetric), computed once per pair. */
function tokenScore(x: number, y: number): number {
  const low = Math.min(x, y);
  const high = Math.max(x, y);
  let score = pairScores.get(low, high);
  if (Number.isNaN(score)) {
    score = compareTokens(tokens[x]!.prepared, tokens[y]!.prepared).score;
    pairScores.set(low, high, score);
  }
  return score;
}

/** Whether a token pair is aligned as the same name part: its score, rounded as compareNames reports it. */
function isStrong(score: number): boolean {
  return Math.round(score * 100) / 100 >= STRONG_TOKEN;
}

function anyStrong(xs: number[], ys: number[]): boolean {
  for (const x of xs) for (const y of ys) if (isStrong(tokenScore(x, y))) return true;
  return false;
}

/**
 * Whether any reading of the two names (tokens and adjacent merges) has a pair of tokens that
 * scores as the same part. When none has, every aligned pair is weak: the level is "different"
 * whatever the alignment, so it is not run (most random pairs, which estimate u).
 */
function mayBeClose(a: NameInfo, b: NameInfo): boolean {
  return (
    anyStrong(a.tokens, b.tokens) ||
    anyStrong(a.tokens, b.merges) ||
    anyStrong(a.merges, b.tokens) ||
    anyStrong(a.merges, b.merges)
  );
}

/** The outcome of one greedy alignment, as compareNames' summary and computeLevel read it. */
interface Alignment {
  score: number;
  /** Weakest and strongest aligned score, rounded to hundredths as compareNames reports them. */
  weakest: number;
  strongest: number;
  unmatched: number;
  /** An aligned pair at 0.95 or more involves the merged token (its text on either side). */
  compound: boolean;
}

/** compareNames' tie-break: the two canonical spellings, sorted, joined by '|'. */
function tieKey(x: number, y: number): string {
  const a = tokens[x]!.prepared.canonical;
  const b = tokens[y]!.prepared.canonical;
  return a <= b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * compareNames' greedy best-first alignment on token numbers: pairs by score, ties by the tokens'
 * spellings, then by position (the stable sort of compareNames keeps insertion order).
 */
// Scratch arrays reused by every alignment (no allocation per pair of names).
let scratchScores = new Float64Array(64);
let scratchOrder = new Int32Array(64);
let scratchUsed = new Uint8Array(64);

/** Whether candidate pair p is taken before q: higher score, then tie key, then position. */
function precedes(p: number, q: number, left: number[], right: number[], width: number): boolean {
  const sp = scratchScores[p]!;
  const sq = scratchScores[q]!;
  if (sp !== sq) return sp > sq;
  const kp = tieKey(left[Math.floor(p / width)]!, right[p % width]!);
  const kq = tieKey(left[Math.floor(q / width)]!, right[q % width]!);
  if (kp !== kq) return kp < kq;
  return p < q;
}

function alignTokens(left: number[], right: number[], joinedText: string | null): Alignment {
  const width = right.length;
  const count = left.length * width;
  if (count > scratchScores.length) {
    scratchScores = new Float64Array(count * 2);
    scratchOrder = new Int32Array(count * 2);
  }
  if (left.length + width > scratchUsed.length) scratchUsed = new Uint8Array((left.length + width) * 2);
  const scores = scratchScores;
  const order = scratchOrder;
  for (let i = 0; i < left.length; i += 1) {
    for (let j = 0; j < width; j += 1) scores[i * width + j] = tokenScore(left[i]!, right[j]!);
  }
  // Insertion sort (a handful of pairs) under a total order: the order compareNames' sort gives.
  for (let k = 0; k < count; k += 1) {
    let m = k - 1;
    while (m >= 0 && precedes(k, order[m]!, left, right, width)) {
      order[m + 1] = order[m]!;
      m -= 1;
    }
    order[m + 1] = k;
  }
  const used = scratchUsed;
  used.fill(0, 0, left.length + width);
  let total = 0;
  let chosen = 0;
  let weakest = Number.POSITIVE_INFINITY;
  let strongest = Number.NEGATIVE_INFINITY;
  let compound = false;
  for (let k = 0; k < count; k += 1) {
    const p = order[k]!;
    const i = Math.floor(p / width);
    const j = p % width;
    if (used[i] === 1 || used[left.length + j] === 1) continue;
    used[i] = 1;
    used[left.length + j] = 1;
    chosen += 1;
    const score = scores[p]!;
    total += score;
    const rounded = Math.round(score * 100) / 100;
    if (rounded < weakest) weakest = rounded;
    if (rounded > strongest) strongest = rounded;
    if (
      joinedText !== null &&
      rounded >= 0.95 &&
      (tokens[left[i]!]!.text === joinedText || tokens[right[j]!]!.text === joinedText)
    )
      compound = true;
  }
  const shorter = Math.min(left.length, width);
  const longer = Math.max(left.length, width);
  return {
    score: Math.max(0, Math.min(1, total / (shorter + 0.5 * (longer - shorter)))),
    weakest,
    strongest,
    unmatched: left.length + width - 2 * chosen,
    compound,
  };
}

function withMerge(ids: number[], at: number, merged: number): number[] {
  return [...ids.slice(0, at), merged, ...ids.slice(at + 2)];
}

/** compareNames' choice among the plain reading and the readings with two tokens joined. */
function bestAlignment(a: NameInfo, b: NameInfo): Alignment {
  let best = alignTokens(a.tokens, b.tokens, null);
  if (best.score >= 0.95 || a.tokens.length === b.tokens.length) return best;
  const consider = (candidate: Alignment) => {
    if (candidate.compound && candidate.score > best.score) best = candidate;
  };
  a.merges.forEach((merged, i) => {
    consider(alignTokens(withMerge(a.tokens, i, merged), b.tokens, tokens[merged]!.text));
  });
  b.merges.forEach((merged, i) => {
    consider(alignTokens(a.tokens, withMerge(b.tokens, i, merged), tokens[merged]!.text));
  });
  return best;
}

/** Name levels (see comparisons.ts NAME_LEVELS) from the alignment's weakest and strongest parts. */
function levelOf(weakest: number, strongest: number, unmatched: number): number {
  if (weakest < STRONG_TOKEN) return strongest >= STRONG_TOKEN ? 4 : 5;
  if (unmatched > 0) return 3;
  if (weakest >= 0.999) return 0;
  if (weakest >= 0.95) return 1;
  return 2;
}

function computeLevel(a: NameInfo, b: NameInfo): number {
  if (a.tokens.length === 0 || b.tokens.length === 0) return 5;
  if (!mayBeClose(a, b)) return 5;
  const best = bestAlignment(a, b);
  return levelOf(best.weakest, best.strongest, best.unmatched);
}

/** The level of two non-empty names, cached per pair of distinct names ((a, b) = (b, a)). */
export function nameLevelOf(a: string, b: string): number {
  let left = nameInfo(a);
  const right = nameInfo(b);
  // The tables may have been emptied while reading b: a's numbers must be of the same generation.
  if (names.get(a) !== left) left = nameInfo(a);
  const low = Math.min(left.id, right.id);
  const high = Math.max(left.id, right.id);
  const cached = nameLevels.get(low, high);
  if (!Number.isNaN(cached)) return cached;
  const level = computeLevel(left, right);
  nameLevels.set(low, high, level);
  return level;
}

/** The same level from compareNames itself: the reference nameLevelOf must equal (tests). */
export function referenceNameLevel(a: string, b: string): number {
  const { alignment, unmatched } = compareNames(a, b);
  if (alignment.length === 0) return 5;
  const scores = alignment.map(([, , score]) => score);
  return levelOf(Math.min(...scores), Math.max(...scores), unmatched);
}
