import type { Executor } from '../../db/engine.js';
import { comparisonSpecs } from './engine/comparisons.js';
import { defaultModel, type MatchModel } from './engine/model.js';

/** Settings key of the model the last whole-registry run trained. */
export const MODEL_SETTING = 'matching.model';

/**
 * What is stored: the model without its specs (rebuilt from code) and without term frequencies
 * (they are keyed by name skeletons, which must never be written in clear; incremental scoring
 * reads name frequencies from the blind index instead, see name-frequencies.ts).
 */
export interface StoredModel {
  version: 1;
  /** The comparison layout it was trained for: a model of another layout is ignored. */
  levels: string[][];
  fields: string[];
  m: number[][];
  u: number[][];
  lambda: number;
  threshold: number;
  trainedOn: { records: number; candidatePairs: number; iterations: number } | null;
  trainedAt: string;
}

/** The registry's comparisons: the engine's default layout, no extra columns. */
export function registrySpecs() {
  return comparisonSpecs([]);
}

export function toStoredModel(model: MatchModel, trainedAt: string): StoredModel {
  return {
    version: 1,
    fields: model.specs.map((s) => s.field),
    levels: model.specs.map((s) => [...s.levels]),
    m: model.m,
    u: model.u,
    lambda: model.lambda,
    threshold: model.threshold,
    trainedOn: model.trainedOn ?? null,
    trainedAt,
  };
}

const isProbabilityRow = (row: unknown, length: number) =>
  Array.isArray(row) &&
  row.length === length &&
  row.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1);

/** The stored model if it parses and fits today's comparison layout; null otherwise (use defaults). */
export function parseStoredModel(json: string): StoredModel | null {
  let value: Partial<StoredModel>;
  try {
    value = JSON.parse(json) as Partial<StoredModel>;
  } catch {
    return null;
  }
  const specs = registrySpecs();
  const fits =
    value?.version === 1 &&
    Array.isArray(value.fields) &&
    value.fields.join('|') === specs.map((s) => s.field).join('|') &&
    Array.isArray(value.levels) &&
    specs.every((s, k) => value.levels?.[k]?.join('|') === s.levels.join('|')) &&
    specs.every((s, k) => isProbabilityRow(value.m?.[k], s.levels.length)) &&
    specs.every((s, k) => isProbabilityRow(value.u?.[k], s.levels.length)) &&
    typeof value.lambda === 'number' &&
    value.lambda > 0 &&
    value.lambda < 1 &&
    typeof value.threshold === 'number';
  return fits ? (value as StoredModel) : null;
}

export async function loadStoredModel(db: Executor): Promise<StoredModel | null> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', MODEL_SETTING)
    .executeTakeFirst();
  return row ? parseStoredModel(row.value) : null;
}

export async function saveStoredModel(db: Executor, stored: StoredModel, at: string): Promise<void> {
  const value = JSON.stringify(stored);
  await db
    .insertInto('settings')
    .values({ key: MODEL_SETTING, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}

/**
 * Share of new registrations that are someone already registered, before any run has measured
 * it. Calais-like operations registered many people twice (several organisations, lost cards).
 */
export const DEFAULT_DUPLICATE_RATE = 0.1;

export type ScoringPurpose = 'registration' | 'search';

/**
 * The model for scoring one record against a registry of `registrySize` people. The prior λ is
 * per pair: the expected number of registrations of the same person in the registry, spread over
 * its people. A registration expects the duplicate rate (measured by the last run: its λ times
 * the pairs each of its records had, or the default); a search assumes the person looked for is
 * registered once. So the prior shrinks as the registry grows, as the name evidence (term
 * frequencies, name-frequencies.ts) grows with it.
 */
export function modelForScoring(
  stored: StoredModel | null,
  registrySize: number,
  purpose: ScoringPurpose,
): MatchModel {
  const model = defaultModel(registrySpecs());
  let rate = DEFAULT_DUPLICATE_RATE;
  if (stored) {
    model.m = stored.m.map((row) => [...row]);
    model.u = stored.u.map((row) => [...row]);
    model.threshold = stored.threshold;
    if (stored.trainedOn && stored.trainedOn.records > 1)
      rate = Math.min(0.5, Math.max(0.005, stored.lambda * (stored.trainedOn.records - 1)));
  }
  if (purpose === 'search') rate = 1;
  model.lambda = Math.min(0.5, rate / Math.max(1, registrySize));
  return model;
}
