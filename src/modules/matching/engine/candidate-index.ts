import { type BlockIndex, type BlockingRule, defaultRules, indexBlocks } from './blocking.js';
import { compareRecords, comparisonSpecs } from './comparisons.js';
import { type MatchModel, pairWeight, probabilityOf } from './model.js';
import type { MatchRecord } from './record.js';

export interface IndexedCandidate {
  record: MatchRecord;
  probability: number;
  weight: number;
}

/**
 * Incremental scoring in memory: the records grouped by the batch engine's blocking keys, so one
 * new record meets exactly the records a whole-file dedupe would have compared it with (same
 * rules, same block limits), and is scored with a trained model. Building costs one pass of key
 * computation; a query reads its own keys' blocks and compares what they hold.
 */
export class CandidateIndex {
  private readonly rules: BlockingRule[];
  private readonly blocks: BlockIndex;
  /** Per record, the number of the last query that collected it (a set without clearing). */
  private readonly seen: Int32Array;
  private query = 0;
  private readonly levels: Uint8Array;

  constructor(
    private readonly records: readonly MatchRecord[],
    private readonly model: MatchModel,
    options: { maxBlock?: number } = {},
  ) {
    this.rules = defaultRules([]);
    this.blocks = indexBlocks(records, this.rules, { maxBlock: options.maxBlock ?? 150 });
    this.seen = new Int32Array(records.length);
    this.levels = new Uint8Array(comparisonSpecs([]).length);
  }

  /** Indexes of the records that share a usable blocking key with the probe. */
  candidatesOf(probe: MatchRecord): number[] {
    this.query += 1;
    const found: number[] = [];
    this.rules.forEach((rule, r) => {
      const dictionary = this.blocks.dictionaries[r]!;
      for (const key of rule.keys(probe)) {
        const id = dictionary.get(key);
        if (id === undefined || this.blocks.skipped[r]![id] === 1) continue;
        for (const member of this.blocks.groups[r]!.get(id) ?? []) {
          if (this.seen[member] === this.query) continue;
          this.seen[member] = this.query;
          found.push(member);
        }
      }
    });
    return found;
  }

  /** The probe's candidates at or above `threshold`, most likely first. */
  search(probe: MatchRecord, threshold = 0): IndexedCandidate[] {
    const results: IndexedCandidate[] = [];
    for (const index of this.candidatesOf(probe)) {
      const record = this.records[index]!;
      compareRecords(probe, record, this.levels);
      const weight = pairWeight(this.model, this.levels, probe, record);
      const probability = probabilityOf(weight);
      if (probability >= threshold) results.push({ record, probability, weight });
    }
    return results.sort((a, b) => b.probability - a.probability || (a.record.id < b.record.id ? -1 : 1));
  }
}
