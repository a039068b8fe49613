import { compareRecords } from './engine/comparisons.js';
import { dedupe } from './engine/linkage.js';
import { explainPair, type FieldContribution } from './engine/model.js';
import { type MatchInput, type MatchRecord, toMatchRecord } from './engine/record.js';
import { type StoredModel, toStoredModel } from './model-store.js';

export interface ProposedPair {
  /** Ordered ids: a < b. */
  a: string;
  b: string;
  probability: number;
  weight: number;
  explanation: FieldContribution[];
}

export interface DedupeComputation {
  pairs: ProposedPair[];
  model: StoredModel;
  candidatePairs: number;
}

/**
 * The CPU part of the whole-registry run, free of any database: the engine's `dedupe` (which
 * trains the model on the registry), then each proposed pair's explanation with the trained
 * model and its in-memory term frequencies. Runs in a worker thread (dedupe.worker.ts).
 */
export function computeDuplicatePairs(
  inputs: readonly MatchInput[],
  threshold: number,
  trainedAt: string,
  onProgress?: (stage: string, done: number, total: number) => void,
): DedupeComputation {
  const linkage = dedupe(inputs, { threshold, onProgress });
  const byId = new Map(inputs.map((input) => [input.id, input]));
  // A person is in many proposed pairs (namesakes, clusters): prepare each record once.
  const prepared = new Map<string, MatchRecord>();
  const recordOf = (id: string) => {
    let record = prepared.get(id);
    if (!record) {
      record = toMatchRecord(byId.get(id)!);
      prepared.set(id, record);
    }
    return record;
  };
  const levels = new Uint8Array(linkage.model.specs.length);
  const pairs = linkage.pairs.map((pair, i) => {
    const [a, b] = pair.left < pair.right ? [pair.left, pair.right] : [pair.right, pair.left];
    const left = recordOf(a);
    const right = recordOf(b);
    compareRecords(left, right, levels);
    if (onProgress && i % 10_000 === 0) onProgress('explaining pairs', i, linkage.pairs.length);
    return {
      a,
      b,
      probability: pair.probability,
      weight: pair.weight,
      explanation: explainPair(linkage.model, levels, left, right),
    };
  });
  return { pairs, model: toStoredModel(linkage.model, trainedAt), candidatePairs: linkage.candidatePairs };
}
