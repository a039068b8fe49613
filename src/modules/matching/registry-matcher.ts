import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { Identity } from '../registry/person-identity.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { compareRecords } from './engine/comparisons.js';
import {
  explainPair,
  type FieldContribution,
  type MatchModel,
  pairWeight,
  probabilityOf,
} from './engine/model.js';
import { type MatchInput, type MatchRecord, toMatchRecord } from './engine/record.js';
import { couldReach } from './engine/upper-bound.js';
import { loadStoredModel, modelForScoring, type ScoringPurpose } from './model-store.js';
import { nameFrequencies, type RegistryStats, registryStats } from './name-frequencies.js';
import { detectScript } from './transliteration/index.js';

export type Band = 'high' | 'medium' | 'low';

/** Probability thresholds of the bands; the review queue holds pairs from REVIEW_THRESHOLD up. */
export const BAND_THRESHOLDS = { high: 0.9, medium: 0.5, low: 0.2 } as const;
export const REVIEW_THRESHOLD = BAND_THRESHOLDS.medium;

export function bandOf(probability: number): Band | null {
  if (probability >= BAND_THRESHOLDS.high) return 'high';
  if (probability >= BAND_THRESHOLDS.medium) return 'medium';
  if (probability >= BAND_THRESHOLDS.low) return 'low';
  return null;
}

/** A registered person as the engine sees them: plain columns and the decrypted identity. */
export function personMatchInput(row: PeopleTable, identity: Identity): MatchInput {
  return {
    id: row.id,
    givenName: identity.givenName,
    familyName: identity.familyName ?? null,
    fathersName: identity.fathersName ?? null,
    originalScriptName: identity.originalScriptName ?? null,
    sex: row.sex === 'unknown' ? null : row.sex,
    birthDate: identity.birthDate ?? null,
    birthYear: row.birth_year,
    ageEstimated: row.age_estimated === 1,
    nationality: row.nationality,
    placeOfOrigin: identity.placeOfOrigin ?? null,
  };
}

/**
 * Match records of registered people, per decrypted identity object: the registry keeps opened
 * identities for a while (registry/identity-cache.ts), and deriving every name key of a
 * candidate was the largest cost of a registration's duplicate check after the database. The
 * plain columns the record also depends on are part of the key, so an edit is never missed.
 */
const recordsOfIdentities = new WeakMap<Identity, { columns: string; record: MatchRecord }>();

function registeredRecord(row: PeopleTable, identity: Identity): MatchRecord {
  const columns = `${row.id}|${row.sex}|${row.birth_year}|${row.age_estimated}|${row.nationality}`;
  const known = recordsOfIdentities.get(identity);
  if (known && known.columns === columns) return known.record;
  const record = toMatchRecord(personMatchInput(row, identity));
  recordsOfIdentities.set(identity, { columns, record });
  return record;
}

/** What someone types or registers, before it is a record: names in any script, any order. */
export interface MatchProbe {
  givenName?: string | null;
  familyName?: string | null;
  fathersName?: string | null;
  originalScriptName?: string | null;
  /** The whole name in one string: Latin, or another script (then compared as the original script). */
  fullName?: string | null;
  sex?: string | null;
  birthDate?: string | null;
  birthYear?: number | null;
  ageEstimated?: boolean;
  nationality?: string | null;
  placeOfOrigin?: string | null;
}

const isLatin = (name: string) => detectScript(name) === 'latin';

export function probeMatchInput(probe: MatchProbe): MatchInput {
  const full = probe.fullName?.trim() ?? '';
  const fullIsLatin = full !== '' && isLatin(full);
  const structured = [probe.givenName, probe.fathersName, probe.familyName].some((n) => n?.trim());
  return {
    id: 'probe',
    // A full name stands in for the structured parts: the whole name is compared as one,
    // order-independently (engine/comparisons.ts fullNameLevel).
    givenName: structured ? probe.givenName : fullIsLatin ? full : null,
    familyName: structured ? probe.familyName : null,
    fathersName: structured ? probe.fathersName : null,
    originalScriptName: probe.originalScriptName?.trim() || (full && !fullIsLatin ? full : null),
    sex: probe.sex === 'unknown' ? null : probe.sex,
    birthDate: probe.birthDate ?? null,
    birthYear: probe.birthYear ?? null,
    ageEstimated: probe.ageEstimated,
    nationality: probe.nationality ?? null,
    placeOfOrigin: probe.placeOfOrigin ?? null,
  };
}

/** The name a record is best known by: its Latin full name, or its original script. */
function primaryName(record: MatchRecord): string {
  return record.fullName || record.script;
}

export interface ScoredCandidate<T> {
  candidate: T;
  probability: number;
  weight: number;
  band: Band | null;
  /** Prior, then each comparison's weight (engine/model.ts explainPair). */
  explanation: FieldContribution[];
  /** True when the names agree at least as closely as "similar" (spelling, script or typos). */
  namesAgree: boolean;
}

const SIMILAR_NAME_LEVEL = 2;

/** The model and registry figures one scoring uses; the shortlist below must use the same. */
export interface ScoringContext {
  stats: RegistryStats;
  model: MatchModel;
}

export async function scoringContext(db: Executor, purpose: ScoringPurpose): Promise<ScoringContext> {
  const [stats, stored] = await Promise.all([registryStats(db), loadStoredModel(db)]);
  return { stats, model: modelForScoring(stored, stats.people, purpose) };
}

/**
 * The registered people, among `rows`, who could still be shown as possible duplicates of the
 * probe (the low band, or a namesake born within a year) once decrypted: engine/upper-bound.ts
 * bounds their score from the columns kept in clear. The others are not decrypted at all.
 */
export type PlainPersonColumns = Pick<
  PeopleTable,
  'id' | 'sex' | 'birth_year' | 'age_estimated' | 'nationality'
>;

export async function couldBePossibleDuplicates<R extends PlainPersonColumns>(
  db: Executor,
  keys: KeyRing,
  scoring: ScoringContext,
  probe: MatchInput,
  rows: readonly R[],
): Promise<R[]> {
  const probeRecord = toMatchRecord(probe);
  const name = primaryName(probeRecord);
  const frequency =
    probeRecord.nameTerm && name
      ? (await nameFrequencies(db, keys, new Map([[probeRecord.nameTerm, name]]), scoring.stats))[
          probeRecord.nameTerm
        ]
      : undefined;
  return rows.filter((row) =>
    couldReach(
      scoring.model,
      probeRecord,
      {
        sex: row.sex === 'unknown' ? null : row.sex,
        birthYear: row.birth_year,
        ageEstimated: row.age_estimated === 1,
        nationality: row.nationality,
      },
      BAND_THRESHOLDS.low,
      { frequency, people: scoring.stats.people },
    ),
  );
}

/**
 * Scores one probe against registered people with the Fellegi–Sunter model: the model of the
 * last whole-registry run (or the defaults), its prior set for the registry's size and the
 * purpose, name agreement weighed by how common the name is in the registry (blind-index
 * counts). Most likely first.
 */
export async function scoreAgainstRegistry<T extends { row: PeopleTable; identity: Identity }>(
  db: Executor,
  keys: KeyRing,
  probe: MatchInput,
  candidates: readonly T[],
  purpose: ScoringPurpose,
  scoring?: ScoringContext,
): Promise<Array<ScoredCandidate<T>>> {
  if (candidates.length === 0) return [];
  const { stats, model } = scoring ?? (await scoringContext(db, purpose));
  const probeRecord = toMatchRecord(probe);
  const records = candidates.map((c) => registeredRecord(c.row, c.identity));
  const names = new Map<string, string>();
  for (const record of [probeRecord, ...records]) {
    if (record.nameTerm && primaryName(record)) names.set(record.nameTerm, primaryName(record));
  }
  model.termFrequencies = { name: await nameFrequencies(db, keys, names, stats) };
  const levels = new Uint8Array(model.specs.length);
  const scored = candidates.map((candidate, i) => {
    const record = records[i]!;
    compareRecords(probeRecord, record, levels);
    const weight = pairWeight(model, levels, probeRecord, record);
    const probability = probabilityOf(weight);
    return {
      candidate,
      probability,
      weight,
      band: bandOf(probability),
      explanation: explainPair(model, levels, probeRecord, record),
      namesAgree: levels[0]! <= SIMILAR_NAME_LEVEL,
    };
  });
  return scored.sort(
    (a, b) => b.probability - a.probability || a.candidate.row.id.localeCompare(b.candidate.row.id),
  );
}
