import { describe, expect, it } from 'vitest';
import { generateMultilingualSet } from '../../../../test/factories/matching/multilingual.js';
import { dedupeCandidates, defaultRules } from './blocking.js';
import { CandidateIndex } from './candidate-index.js';
import { comparisonSpecs } from './comparisons.js';
import { prepareRecords } from './linkage.js';
import { defaultModel } from './model.js';

describe('the in-memory candidate index', () => {
  it('meets exactly the pairs a whole-file dedupe compares', () => {
    const records = prepareRecords(generateMultilingualSet(800, 4).records, []);
    const batch = new Set<string>();
    dedupeCandidates(records, defaultRules([]), (a, b) => batch.add(`${a}|${b}`), { maxBlock: 150 });
    const index = new CandidateIndex(records, defaultModel(comparisonSpecs([])));
    const queried = new Set<string>();
    records.forEach((record, i) => {
      for (const j of index.candidatesOf(record)) if (i < j) queried.add(`${i}|${j}`);
    });
    expect(queried.size).toBe(batch.size);
    for (const pair of batch) expect(queried.has(pair)).toBe(true);
  });

  it('ranks a registration of the same person first', () => {
    const set = generateMultilingualSet(300, 9);
    const records = prepareRecords(set.records, []);
    const index = new CandidateIndex(records.slice(1), defaultModel(comparisonSpecs([])));
    const same = records.slice(1).filter((r) => set.entityOf.get(r.id) === set.entityOf.get(records[0]!.id));
    const found = index.search(records[0]!, 0.5);
    if (same.length > 0) expect(same.map((r) => r.id)).toContain(found[0]?.record.id);
  });
});
