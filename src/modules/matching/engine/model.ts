import { type ComparisonSpec, MISSING } from './comparisons.js';
import type { MatchRecord } from './record.js';

/**
 * A Fellegi–Sunter model: for each comparison and level, m = P(level | same person) and
 * u = P(level | different people); a level's match weight is log2(m / u). The prior λ is the share
 * of candidate pairs that are matches. Exact name agreement is weighed by how common the name is
 * (term frequency): "Mohammed" agreeing says little, "Ghebremedhin" agreeing says much.
 */
export interface MatchModel {
  specs: ComparisonSpec[];
  m: number[][];
  u: number[][];
  lambda: number;
  /** Frequency of each folded value of the term-frequency fields, by field name. */
  termFrequencies: Record<string, Record<string, number>>;
  /** Default decision threshold on the match probability. */
  threshold: number;
  trainedOn?: { records: number; candidatePairs: number; iterations: number };
}

export interface FieldContribution {
  field: string;
  level: string;
  weight: number;
}

const MIN_PROBABILITY = 1e-9;

export function defaultModel(specs: ComparisonSpec[]): MatchModel {
  return {
    specs,
    m: specs.map((s) => [...s.defaultM]),
    u: specs.map((s) => [...s.defaultU]),
    lambda: 0.0005,
    termFrequencies: {},
    threshold: 0.5,
  };
}

function termValue(record: MatchRecord, field: string): string {
  return field === 'name' ? record.nameTerm : '';
}

export function buildTermFrequencies(
  records: readonly MatchRecord[],
  specs: ComparisonSpec[],
): MatchModel['termFrequencies'] {
  const tables: MatchModel['termFrequencies'] = {};
  for (const spec of specs.filter((s) => s.termFrequency)) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const record of records) {
      const value = termValue(record, spec.field);
      if (!value) continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
      total += 1;
    }
    const table: Record<string, number> = {};
    // Only values seen more than once matter: a unique value keeps the model's own u.
    for (const [value, count] of counts) if (count > 1) table[value] = count / total;
    tables[spec.field] = table;
  }
  return tables;
}

function levelWeight(model: MatchModel, k: number, level: number, a: MatchRecord, b: MatchRecord): number {
  const m = Math.max(model.m[k]![level] ?? MIN_PROBABILITY, MIN_PROBABILITY);
  let u = Math.max(model.u[k]![level] ?? MIN_PROBABILITY, MIN_PROBABILITY);
  const spec = model.specs[k]!;
  // Exact and transliteration-equivalent agreement are one name spelled alike or differently:
  // both are weighed by how common that name is among the records.
  if (level <= 1 && spec.termFrequency) {
    // The commoner of the two spellings' terms: symmetric, and never overstating a rare name.
    const table = model.termFrequencies[spec.field];
    const frequency = Math.max(
      table?.[termValue(a, spec.field)] ?? 0,
      table?.[termValue(b, spec.field)] ?? 0,
    );
    if (frequency > 0) u = Math.max(frequency, MIN_PROBABILITY);
  }
  return Math.log2(m / u);
}

export function priorWeight(model: MatchModel): number {
  const lambda = Math.min(Math.max(model.lambda, MIN_PROBABILITY), 1 - MIN_PROBABILITY);
  return Math.log2(lambda / (1 - lambda));
}

/** Total match weight of a compared pair (prior included). */
export function pairWeight(model: MatchModel, levels: Uint8Array, a: MatchRecord, b: MatchRecord): number {
  let weight = priorWeight(model);
  for (let k = 0; k < model.specs.length; k += 1) {
    const level = levels[k]!;
    if (level !== MISSING) weight += levelWeight(model, k, level, a, b);
  }
  return weight;
}

export function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/** What each field contributed, for the waterfall chart and the review screen. */
export function explainPair(
  model: MatchModel,
  levels: Uint8Array,
  a: MatchRecord,
  b: MatchRecord,
): FieldContribution[] {
  const contributions: FieldContribution[] = [
    { field: 'prior', level: 'prior', weight: round(priorWeight(model)) },
  ];
  for (let k = 0; k < model.specs.length; k += 1) {
    const level = levels[k]!;
    const spec = model.specs[k]!;
    contributions.push(
      level === MISSING
        ? { field: spec.field, level: 'missing', weight: 0 }
        : {
            field: spec.field,
            level: spec.levels[level] ?? String(level),
            weight: round(levelWeight(model, k, level, a, b)),
          },
    );
  }
  return contributions;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
