import { describe, expect, it } from 'vitest';
import { defaultModel } from './engine/model.js';
import { modelForScoring, parseStoredModel, registrySpecs, toStoredModel } from './model-store.js';
import { bandOf } from './registry-matcher.js';

function trained() {
  const model = defaultModel(registrySpecs());
  model.m[0] = [0.6, 0.2, 0.1, 0.06, 0.03, 0.01];
  model.lambda = 0.001;
  model.trainedOn = { records: 2001, candidatePairs: 5000, iterations: 12 };
  return toStoredModel(model, '2026-01-01T00:00:00.000Z');
}

describe('the stored model', () => {
  it("round-trips through its JSON, and is refused when it does not fit today's comparisons", () => {
    const stored = trained();
    expect(parseStoredModel(JSON.stringify(stored))).toEqual(stored);
    expect(parseStoredModel('not json')).toBeNull();
    expect(parseStoredModel(JSON.stringify({ ...stored, version: 2 }))).toBeNull();
    expect(parseStoredModel(JSON.stringify({ ...stored, fields: ['name'] }))).toBeNull();
    expect(parseStoredModel(JSON.stringify({ ...stored, m: [[2], ...stored.m.slice(1)] }))).toBeNull();
    expect(parseStoredModel(JSON.stringify({ ...stored, lambda: 0 }))).toBeNull();
  });

  it('holds no term frequencies: name keys are never written in clear', () => {
    const model = defaultModel(registrySpecs());
    model.termFrequencies = { name: { 'mhmd @l': 0.01 } };
    expect(JSON.stringify(toStoredModel(model, 'now'))).not.toContain('mhmd');
  });

  it('uses the trained m and u, with a prior per pair that shrinks as the registry grows', () => {
    const stored = trained();
    const small = modelForScoring(stored, 1000, 'registration');
    const large = modelForScoring(stored, 100_000, 'registration');
    expect(small.m[0]).toEqual(stored.m[0]);
    // The run measured 0.001 × 2000 = 2 expected matches per record, capped at one in two.
    expect(small.lambda).toBeCloseTo(0.5 / 1000, 8);
    expect(large.lambda).toBeCloseTo(0.5 / 100_000, 10);
    const defaults = modelForScoring(null, 1000, 'registration');
    expect(defaults.lambda).toBeCloseTo(0.1 / 1000, 8);
    expect(modelForScoring(null, 1000, 'search').lambda).toBeCloseTo(1 / 1000, 8);
  });

  it('bands probabilities at 0.9, 0.5 and 0.2', () => {
    expect([0.95, 0.9, 0.7, 0.5, 0.3, 0.2, 0.1].map(bandOf)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
      null,
    ]);
  });
});
