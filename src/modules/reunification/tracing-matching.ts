import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { compareRecords, comparisonSpecs } from '../matching/engine/comparisons.js';
import {
  defaultModel,
  explainPair,
  type FieldContribution,
  pairWeight,
  probabilityOf,
} from '../matching/engine/model.js';
import { type MatchInput, toMatchRecord } from '../matching/engine/record.js';
import { findCandidateIds } from '../registry/candidate-pool.js';
import { openIdentities } from '../registry/people-read.js';
import type { Identity } from '../registry/person-identity.js';
import { type IndexKind, queryIndexEntries } from '../registry/person-index.js';
import {
  type CandidateFilter,
  findConsents,
  findPeopleInScopeByIds,
} from '../registry/registry.repository.js';
import type { PeopleTable } from '../registry/registry.tables.js';

/** The sought person as the enquirer describes them (decrypted names, plain columns). */
export interface SoughtProfile {
  givenName: string | null;
  familyName: string | null;
  fathersName: string | null;
  originalScriptName: string | null;
  otherNames: string[];
  sex: string;
  birthYear: number | null;
  ageEstimated: boolean;
  nationality: string | null;
}

export type Band = 'high' | 'medium' | 'low';

/**
 * Probability bands. Below `low` a candidate is not shown: a sibling of the sought person (same
 * father's and family names, another given name) lands there, and should not be proposed.
 */
export const BANDS = { high: 0.9, medium: 0.5, low: 0.2 } as const;
/** A new registration alerts the request's owner from this probability up. */
export const ALERT_PROBABILITY = BANDS.medium;

export function bandOf(probability: number): Band | null {
  if (probability >= BANDS.high) return 'high';
  if (probability >= BANDS.medium) return 'medium';
  if (probability >= BANDS.low) return 'low';
  return null;
}

/**
 * The engine's default m/u probabilities with a tracing prior: among the few people whose names
 * share blind-index keys with the sought person's, one in a hundred being them is a fair start
 * (the registry-wide default of 1 in 2,000 is for deduplicating every pair of a whole registry).
 */
const TRACING_PRIOR = 0.01;
const SPECS = comparisonSpecs([]);

export function soughtNames(sought: SoughtProfile): string[] {
  return [
    [sought.givenName, sought.fathersName, sought.familyName].filter(Boolean).join(' '),
    sought.originalScriptName ?? '',
    ...sought.otherNames,
  ].filter((n) => n.trim().length > 0);
}

function soughtInputs(sought: SoughtProfile): MatchInput[] {
  const base = {
    sex: sought.sex === 'unknown' ? null : sought.sex,
    birthYear: sought.birthYear,
    ageEstimated: sought.ageEstimated,
    nationality: sought.nationality,
  };
  const primary: MatchInput = {
    id: 'sought',
    givenName: sought.givenName,
    familyName: sought.familyName,
    fathersName: sought.fathersName,
    originalScriptName: sought.originalScriptName,
    ...base,
  };
  // Each alias is tried as a whole name; the best reading counts.
  return [primary, ...sought.otherNames.map((name, i) => ({ id: `alias${i}`, givenName: name, ...base }))];
}

function personInput(row: PeopleTable, identity: Identity): MatchInput {
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
  };
}

export interface ScoredCandidate {
  row: PeopleTable;
  identity: Identity;
  probability: number;
  band: Band;
  explanation: FieldContribution[];
}

/** Fellegi–Sunter scores of registered people against the sought person, most likely first. */
export function scoreCandidates(
  sought: SoughtProfile,
  candidates: ReadonlyArray<{ row: PeopleTable; identity: Identity }>,
): ScoredCandidate[] {
  const model = { ...defaultModel(SPECS), lambda: TRACING_PRIOR };
  const probes = soughtInputs(sought).map((input) => toMatchRecord(input));
  const levels = new Uint8Array(SPECS.length);
  const scored: ScoredCandidate[] = [];
  for (const { row, identity } of candidates) {
    const record = toMatchRecord(personInput(row, identity));
    let best: { probability: number; explanation: FieldContribution[] } | null = null;
    for (const probe of probes) {
      compareRecords(probe, record, levels);
      const probability = probabilityOf(pairWeight(model, levels, probe, record));
      if (!best || probability > best.probability)
        best = { probability, explanation: explainPair(model, levels, probe, record) };
    }
    const band = best ? bandOf(best.probability) : null;
    if (best && band) {
      scored.push({
        row,
        identity,
        band,
        probability: Math.round(best.probability * 1000) / 1000,
        explanation: best.explanation,
      });
    }
  }
  return scored.sort((a, b) => b.probability - a.probability || a.row.id.localeCompare(b.row.id));
}

const TIERS: ReadonlyArray<readonly IndexKind[]> = [['sk2'], ['sk'], ['ph']];
const POOL = 100;
const ENOUGH = 30;

/** People who gave a current consent (or other basis) for tracing. */
export async function withTracingConsent(db: Executor, personIds: readonly string[]): Promise<Set<string>> {
  const consents = await findConsents(db, personIds);
  return new Set(
    consents.filter((c) => c.purpose === 'tracing' && c.withdrawn_at === null).map((c) => c.person_id),
  );
}

/**
 * Candidates for a sought person among the people the actor can see who consented to tracing:
 * blind-index keys of the sought names, most selective first (pairs of name keys, then single
 * keys, then phonetic keys), the broader tiers only among compatible birth years. Only ids leave
 * the database until the candidates are decrypted and scored.
 */
export async function findTracingCandidates(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  sought: SoughtProfile,
  excludeIds: readonly string[] = [],
): Promise<ScoredCandidate[]> {
  const entries = queryIndexEntries(keys, soughtNames(sought));
  const broad: CandidateFilter =
    sought.birthYear === null
      ? {}
      : { minBirthYear: sought.birthYear - 10, maxBirthYear: sought.birthYear + 10 };
  const found = new Set<string>();
  for (const [tier, kinds] of TIERS.entries()) {
    const tierEntries = entries.filter((e) => kinds.includes(e.kind));
    if (tierEntries.length === 0) continue;
    const ids = await findCandidateIds(db, actor, tierEntries, tier === 0 ? {} : broad, POOL);
    for (const { personId } of ids) if (!excludeIds.includes(personId)) found.add(personId);
    if (found.size >= ENOUGH) break;
  }
  const consented = await withTracingConsent(db, [...found]);
  const rows = await findPeopleInScopeByIds(db, actor, [...consented]);
  const identities = await openIdentities(db, keys, rows);
  const candidates = rows.flatMap((row) => {
    const identity = identities.get(row.id);
    return identity ? [{ row, identity }] : [];
  });
  return scoreCandidates(sought, candidates);
}
