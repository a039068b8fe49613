import { MISSING } from './comparisons.js';
import type { MatchModel } from './model.js';

/** Deterministic random source for sampling (xorshift32), so training is reproducible. */
export function sampler(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

/**
 * u from random pairs: almost every random pair is two different people, so the level
 * frequencies among random pairs estimate P(level | non-match) directly (as Splink does).
 */
export function estimateU(
  model: MatchModel,
  pairCount: number,
  samplePair: (random: () => number, out: Uint8Array) => Uint8Array | null,
): void {
  const comparisons = model.specs.length;
  const counts = model.specs.map((s) => new Array<number>(s.levels.length).fill(0));
  const random = sampler(42);
  const buffer = new Uint8Array(comparisons);
  for (let i = 0; i < pairCount; i += 1) {
    const levels = samplePair(random, buffer);
    if (!levels) continue;
    for (let k = 0; k < comparisons; k += 1) {
      const level = levels[k]!;
      if (level !== MISSING) counts[k]![level]! += 1;
    }
  }
  model.u = counts.map((row, k) => {
    const total = row.reduce((a, b) => a + b, 0);
    // Too few observations: keep the defaults rather than trusting noise.
    if (total < 50) return model.u[k]!;
    return row.map((count) => (count + 0.5) / (total + 0.5 * row.length));
  });
}

const PRIOR_STRENGTH = 200;

/** Identical comparison vectors of candidate pairs, counted: EM then runs over patterns, not pairs. */
export function countPatterns(
  vectors: Uint8Array,
  comparisons: number,
): Map<string, { levels: Uint8Array; count: number }> {
  const patterns = new Map<string, { levels: Uint8Array; count: number }>();
  for (let offset = 0; offset < vectors.length; offset += comparisons) {
    const levels = vectors.subarray(offset, offset + comparisons);
    const key = String.fromCharCode(...levels);
    const entry = patterns.get(key);
    if (entry) entry.count += 1;
    else patterns.set(key, { levels: levels.slice(), count: 1 });
  }
  return patterns;
}

/**
 * Expectation-maximisation of m and λ over the candidate pairs' comparison patterns, with u held
 * at its random-pair estimate. Term-frequency adjustments are left out of training: they refine
 * the exact-agreement weight per value at scoring time.
 */
export function estimateM(
  model: MatchModel,
  patterns: Map<string, { levels: Uint8Array; count: number }>,
  options: { iterations?: number; frozen?: ReadonlySet<number>; trainM?: boolean } = {},
): number {
  const iterations = options.iterations ?? 25;
  const frozen = options.frozen ?? new Set<number>();
  const trainM = options.trainM ?? true;
  const comparisons = model.specs.length;
  let ran = 0;
  for (let iteration = 0; iteration < iterations; iteration += 1) {
    ran += 1;
    const mCounts = model.specs.map((s) => new Array<number>(s.levels.length).fill(0));
    let matchMass = 0;
    let totalMass = 0;
    for (const { levels, count } of patterns.values()) {
      let logMatch = Math.log(model.lambda);
      let logNon = Math.log(1 - model.lambda);
      for (let k = 0; k < comparisons; k += 1) {
        const level = levels[k]!;
        if (level === MISSING) continue;
        logMatch += Math.log(Math.max(model.m[k]![level]!, 1e-9));
        logNon += Math.log(Math.max(model.u[k]![level]!, 1e-9));
      }
      const posterior = 1 / (1 + Math.exp(logNon - logMatch));
      matchMass += posterior * count;
      totalMass += count;
      for (let k = 0; k < comparisons; k += 1) {
        const level = levels[k]!;
        if (level !== MISSING) mCounts[k]![level]! += posterior * count;
      }
    }
    const previous = model.m.map((row) => [...row]);
    if (trainM) {
      model.m = mCounts.map((row, k) => {
        const total = row.reduce((a, b) => a + b, 0);
        // A comparison the candidate pairs were blocked on is biased here: keep what it had.
        if (total < 1 || frozen.has(k)) return model.m[k]!;
        // A Dirichlet prior of PRIOR_STRENGTH pseudo-pairs at the domain defaults: EM refines m
        // where the data speak clearly but cannot run away when fields are correlated (names
        // and their original script, namesakes) and non-matches look like matches.
        const prior = model.specs[k]!.defaultM;
        return row.map((count, level) => (count + PRIOR_STRENGTH * prior[level]!) / (total + PRIOR_STRENGTH));
      });
    }
    model.lambda = Math.min(Math.max(matchMass / Math.max(totalMass, 1), 1e-6), 0.999);
    const change = Math.max(
      ...model.m.flatMap((row, k) => row.map((value, l) => Math.abs(value - previous[k]![l]!))),
    );
    if (change < 1e-5) break;
  }
  return ran;
}
