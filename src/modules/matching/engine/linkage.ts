import { type BlockingRule, dedupeCandidates, defaultRules, linkCandidates } from './blocking.js';
import { compareRecords, comparisonSpecs } from './comparisons.js';
import { buildTermFrequencies, defaultModel, type MatchModel, pairWeight, probabilityOf } from './model.js';
import { type MatchInput, type MatchRecord, toMatchRecord } from './record.js';
import { countPatterns, estimateM, estimateU } from './train.js';

export interface LinkageOptions {
  /** Pairs at or above this match probability are returned (default: the model's, 0.5). */
  threshold?: number;
  /** Columns of `extras` to compare (document numbers, addresses…). */
  extraColumns?: string[];
  maxBlock?: number;
  /** Random pairs used to estimate u. */
  uSamples?: number;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface ScoredPair {
  left: string;
  right: string;
  probability: number;
  weight: number;
}

export interface LinkageResult {
  pairs: ScoredPair[];
  model: MatchModel;
  candidatePairs: number;
}

/**
 * Extra columns that nearly identify a person (document numbers, and in FEBRL the social
 * security id) are also blocking keys: many distinct values, none shared by a crowd. A file full
 * of duplicates repeats each value a few times, so the bar is one distinct value per five records.
 */
function identifierColumns(
  records: readonly MatchRecord[],
  names: readonly string[],
): Array<{ index: number; name: string }> {
  const identifiers: Array<{ index: number; name: string }> = [];
  for (let c = 0; c < names.length; c += 1) {
    const counts = new Map<string, number>();
    let filled = 0;
    for (const record of records) {
      const value = record.extras[c];
      if (!value) continue;
      filled += 1;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    if (filled < records.length * 0.5) continue;
    const largest = Math.max(0, ...counts.values());
    if (counts.size >= filled * 0.2 && largest <= 20) identifiers.push({ index: c, name: names[c]! });
  }
  return identifiers;
}

interface CandidateSet {
  left: Int32Array;
  right: Int32Array;
  vectors: Uint8Array;
  count: number;
}

function collect(
  leftRecords: readonly MatchRecord[],
  rightRecords: readonly MatchRecord[],
  generate: (sink: (a: number, b: number) => void) => number,
  comparisons: number,
  limit = Number.POSITIVE_INFINITY,
): CandidateSet {
  let capacity = 1 << 16;
  let left: Int32Array = new Int32Array(capacity);
  let right: Int32Array = new Int32Array(capacity);
  let vectors = new Uint8Array(capacity * comparisons);
  let count = 0;
  generate((a, b) => {
    if (count >= limit) return;
    if (count === capacity) {
      capacity *= 2;
      left = grow(left, capacity);
      right = grow(right, capacity);
      const biggerVectors = new Uint8Array(capacity * comparisons);
      biggerVectors.set(vectors);
      vectors = biggerVectors;
    }
    left[count] = a;
    right[count] = b;
    compareRecords(
      leftRecords[a]!,
      rightRecords[b]!,
      vectors.subarray(count * comparisons, (count + 1) * comparisons),
    );
    count += 1;
  });
  return { left, right, vectors: vectors.subarray(0, count * comparisons), count };
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}

const TRAINING_RULES = ['birth date', 'name skeletons'];
const MIN_PAIRS_TO_LEARN_U = 50_000;
/**
 * Birth dates keep their domain m: among pairs that agree on names, namesakes (different people
 * with the same common names) are numerous, and EM would learn that a different birth year is
 * normal among "matches". That a person's birth year rarely moves by more than the estimate
 * allows is knowledge, not something to learn from unlabelled data.
 */
const NEVER_TRAINED = new Set(['birthDate', 'name']);
const TRAINING_PAIRS = 100_000;
const MIN_TRAINING_PAIRS = 200;

/**
 * m by expectation-maximisation in separate sessions, each on the pairs of one blocking rule
 * (as Splink does): pairs blocked on the birth date teach how names behave among matches, pairs
 * blocked on names teach the birth date, sex, nationality and other fields. A comparison a
 * session's rule conditions on is not estimated there, since its agreement was forced.
 */
function trainM(
  model: MatchModel,
  rules: BlockingRule[],
  pairsOf: (rule: BlockingRule, limit: number) => CandidateSet,
): number {
  const comparisons = model.specs.length;
  const estimates: number[][][] = model.specs.map(() => []);
  let iterations = 0;
  for (const rule of rules.filter(
    (r) => TRAINING_RULES.includes(r.name) || r.name.startsWith('identifier'),
  )) {
    const pairs = pairsOf(rule, TRAINING_PAIRS);
    if (pairs.count < MIN_TRAINING_PAIRS) continue;
    // Pairs that share a near-unique identifier are almost all true matches: there, and only
    // there, the birth date and the name can be learnt without namesakes biasing them.
    const identifierSession = rule.name.startsWith('identifier');
    const frozen = new Set(
      model.specs.flatMap((spec, k) =>
        rule.conditions.includes(spec.field) || (!identifierSession && NEVER_TRAINED.has(spec.field))
          ? [k]
          : [],
      ),
    );
    const session: MatchModel = { ...model, m: model.m.map((row) => [...row]) };
    iterations += estimateM(session, countPatterns(pairs.vectors, comparisons), { frozen });
    for (let k = 0; k < comparisons; k += 1) if (!frozen.has(k)) estimates[k]!.push(session.m[k]!);
  }
  model.m = model.m.map((row, k) => {
    const trained = estimates[k]!;
    if (trained.length === 0) return row;
    return row.map((_, level) => trained.reduce((sum, m) => sum + m[level]!, 0) / trained.length);
  });
  return iterations;
}

function run(
  leftRecords: MatchRecord[],
  rightRecords: MatchRecord[],
  same: boolean,
  extraColumns: string[],
  options: LinkageOptions,
): LinkageResult {
  const progress = options.onProgress ?? (() => undefined);
  const specs = comparisonSpecs(extraColumns);
  const comparisons = specs.length;
  const all = same ? leftRecords : [...leftRecords, ...rightRecords];
  const rules = defaultRules(identifierColumns(all, extraColumns));
  // A block of 150 records is 11,175 pairs: bigger blocks are left to more specific rules.
  const blocking = { maxBlock: options.maxBlock ?? 150 };
  progress('comparing candidate pairs', 0, 1);
  const candidates = collect(
    leftRecords,
    rightRecords,
    (sink) =>
      same
        ? dedupeCandidates(leftRecords, rules, sink, blocking)
        : linkCandidates(leftRecords, rightRecords, rules, sink, blocking),
    comparisons,
  );
  progress('comparing candidate pairs', 1, 1);

  const model = defaultModel(specs);
  const possiblePairs = same
    ? (leftRecords.length * (leftRecords.length - 1)) / 2
    : leftRecords.length * rightRecords.length;
  // A few hundred people are too few to learn how often strangers agree: keep the defaults.
  if (possiblePairs >= MIN_PAIRS_TO_LEARN_U) {
    model.termFrequencies = buildTermFrequencies(all, specs);
    // Level frequencies among random pairs settle quickly; rare levels are smoothed (train.ts).
    const uSamples = options.uSamples ?? Math.min(300_000, Math.max(100_000, all.length * 2));
    progress('estimating u from random pairs', 0, 1);
    estimateU(model, uSamples, (random, out) => {
      const a = Math.floor(random() * leftRecords.length);
      const b = Math.floor(random() * rightRecords.length);
      if (same && a === b) return null;
      return compareRecords(leftRecords[a]!, rightRecords[b]!, out);
    });
  }
  progress('estimating m by expectation-maximisation', 0, 1);
  const iterations = trainM(model, rules, (rule, limit) =>
    collect(
      leftRecords,
      rightRecords,
      (sink) =>
        same
          ? dedupeCandidates(leftRecords, [rule], sink, blocking)
          : linkCandidates(leftRecords, rightRecords, [rule], sink, blocking),
      comparisons,
      limit,
    ),
  );
  // With m and u settled, EM over the candidate pairs estimates how many matches there are. The
  // prior must be that number over ALL possible pairs, not over candidates: u comes from random
  // pairs, and a prior taken among candidates would count the blocking's evidence a second time.
  if (candidates.count > 0) {
    estimateM(model, countPatterns(candidates.vectors, comparisons), { trainM: false, iterations: 50 });
    const possiblePairs = same
      ? (leftRecords.length * (leftRecords.length - 1)) / 2
      : leftRecords.length * rightRecords.length;
    model.lambda = Math.min(
      0.5,
      Math.max((model.lambda * candidates.count) / Math.max(possiblePairs, 1), 1e-9),
    );
  }
  model.trainedOn = { records: all.length, candidatePairs: candidates.count, iterations };
  if (options.threshold !== undefined) model.threshold = options.threshold;

  const pairs: ScoredPair[] = [];
  for (let i = 0; i < candidates.count; i += 1) {
    const a = leftRecords[candidates.left[i]!]!;
    const b = rightRecords[candidates.right[i]!]!;
    const weight = pairWeight(
      model,
      candidates.vectors.subarray(i * comparisons, (i + 1) * comparisons),
      a,
      b,
    );
    const probability = probabilityOf(weight);
    if (probability >= model.threshold) pairs.push({ left: a.id, right: b.id, probability, weight });
    if (i % 200_000 === 0) progress('scoring', i, candidates.count);
  }
  progress('scoring', candidates.count, candidates.count);
  pairs.sort(
    (x, y) =>
      y.probability - x.probability ||
      (x.left < y.left ? -1 : x.left > y.left ? 1 : x.right < y.right ? -1 : 1),
  );
  return { pairs, model, candidatePairs: candidates.count };
}

export function prepareRecords(
  inputs: readonly MatchInput[],
  extraColumns: readonly string[],
  onProgress?: LinkageOptions['onProgress'],
): MatchRecord[] {
  const records: MatchRecord[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i += 1) {
    records[i] = toMatchRecord(inputs[i]!, extraColumns);
    if (onProgress && i % 50_000 === 0) onProgress('reading records', i, inputs.length);
  }
  onProgress?.('reading records', inputs.length, inputs.length);
  return records;
}

/** Finds the pairs of records that are the same person within one file. */
export function dedupe(inputs: readonly MatchInput[], options: LinkageOptions = {}): LinkageResult {
  const extraColumns = options.extraColumns ?? [];
  const records = prepareRecords(inputs, extraColumns, options.onProgress);
  return run(records, records, true, extraColumns, options);
}

/** Finds the pairs (left, right) that are the same person across two files. */
export function link(
  left: readonly MatchInput[],
  right: readonly MatchInput[],
  options: LinkageOptions = {},
): LinkageResult {
  const extraColumns = options.extraColumns ?? [];
  return run(
    prepareRecords(left, extraColumns, options.onProgress),
    prepareRecords(right, extraColumns, options.onProgress),
    false,
    extraColumns,
    options,
  );
}
