import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import type { ScoringPurpose } from '../matching/model-store.js';
import {
  couldBePossibleDuplicates,
  type MatchProbe,
  type PlainPersonColumns,
  probeMatchInput,
  scoreAgainstRegistry,
  scoringContext,
} from '../matching/registry-matcher.js';
import { detectScript, matchQuery } from '../matching/transliteration/index.js';
import { findCandidateIds } from './candidate-pool.js';
import { openIdentities } from './people-read.js';
import { allNames, type Identity } from './person-identity.js';
import { type IndexKind, isPhoneLike, normalisePhone, queryIndexEntries } from './person-index.js';
import {
  type CandidateFilter,
  findPeopleInScopeByIds,
  findPlainColumnsInScopeByIds,
} from './registry.repository.js';
import type { PeopleTable } from './registry.tables.js';

/** How many candidates the database returns for decryption and scoring. */
const CANDIDATE_POOL = 200;
/** Possible duplicates are a short list: the best-ranked candidates are enough. */
const DUPLICATE_POOL = 60;
/**
 * Index kinds tried in turn, most selective first: pairs of name keys (and phone), then single
 * name keys, then phonetic keys. A later tier runs only when the earlier ones found too few,
 * so a common given name does not pull thousands of rows when the full name is specific.
 */
const TIERS: ReadonlyArray<readonly IndexKind[]> = [['sk2', 'tel'], ['sk'], ['ph']];
const ENOUGH_CANDIDATES = 30;
/** Below this name similarity a candidate is not shown as a search result. */
const MIN_SEARCH_SCORE = 0.6;

export interface Explanation {
  field: string;
  level: string;
  detail: string;
}

export interface ScoredPerson {
  row: PeopleTable;
  identity: Identity | null;
  score: number;
  explanation: Explanation[];
}

/**
 * Best name similarity between the query and any of the person's names, in any script. `seen`
 * holds this search's comparisons by name: a common name comes back for dozens of candidates.
 */
function scoreName(
  query: string,
  identity: Identity,
  seen: Map<string, ReturnType<typeof matchQuery>>,
): { score: number; explanation: Explanation[] } {
  let best = { score: 0, explanation: [] as Explanation[] };
  for (const name of allNames(identity)) {
    let result = seen.get(name);
    if (!result) {
      result = matchQuery(query, name);
      seen.set(name, result);
    }
    if (result.score > best.score) {
      best = {
        score: result.score,
        explanation: [
          {
            field: 'name',
            level: result.level,
            detail: result.alignment.map(([a, b, s]) => `${a} ~ ${b} (${s.toFixed(2)})`).join(', '),
          },
        ],
      };
    }
  }
  return best;
}

async function candidates(
  db: Executor,
  ctx: ServiceContext,
  names: string[],
  filter: CandidateFilter,
  pool: number,
  broadFilter: CandidateFilter = filter,
  /** Narrows the candidates from their clear columns before whole rows are read and decrypted. */
  shortlist?: (rows: PlainPersonColumns[]) => Promise<PlainPersonColumns[]>,
) {
  const entries = queryIndexEntries(ctx.keys, names);
  const found = new Set<string>();
  for (const [tierIndex, tier] of TIERS.entries()) {
    const tierEntries = entries.filter((e) => tier.includes(e.kind));
    if (tierEntries.length === 0) continue;
    const ids = await findCandidateIds(
      db,
      ctx.actor,
      tierEntries,
      tierIndex === 0 ? filter : broadFilter,
      pool,
    );
    // A full name shared by more people than the pool (a thousand "Mohammed Ali" at 1,000,000)
    // yields only its newest holders: look again among those of a compatible birth year, so the
    // likeliest duplicates are not crowded out by namesakes registered since.
    if (tierIndex === 0 && ids.length >= pool && broadFilter !== filter) {
      const near = await findCandidateIds(db, ctx.actor, tierEntries, broadFilter, pool);
      for (const { personId } of near) if (found.size < pool) found.add(personId);
    }
    for (const { personId } of ids) if (found.size < pool) found.add(personId);
    if (found.size >= Math.min(pool, ENOUGH_CANDIDATES)) break;
  }
  const ids = shortlist
    ? (await shortlist(await findPlainColumnsInScopeByIds(db, ctx.actor, [...found]))).map((p) => p.id)
    : [...found];
  const rows = await findPeopleInScopeByIds(db, ctx.actor, ids);
  return { rows, identities: await openIdentities(db, ctx.keys, rows) };
}

function scorePhone(q: string, identity: Identity): { score: number; explanation: Explanation[] } {
  const same = identity.phone ? normalisePhone(identity.phone) === normalisePhone(q) : false;
  return {
    score: same ? 1 : 0,
    explanation: same ? [{ field: 'phone', level: 'exact', detail: 'same last nine digits' }] : [],
  };
}

/** Text search: candidates from the blind indexes, decrypted and ranked by name (or phone) similarity. */
export async function searchByName(
  db: Executor,
  ctx: ServiceContext,
  q: string,
  filter: CandidateFilter,
): Promise<ScoredPerson[]> {
  const { rows, identities } = await candidates(db, ctx, [q], filter, CANDIDATE_POOL);
  const byPhone = isPhoneLike(q);
  const comparisons = new Map<string, ReturnType<typeof matchQuery>>();
  const scored: ScoredPerson[] = [];
  for (const row of rows) {
    const identity = identities.get(row.id) ?? null;
    if (!identity) continue;
    const { score, explanation } = byPhone ? scorePhone(q, identity) : scoreName(q, identity, comparisons);
    if (score >= MIN_SEARCH_SCORE) scored.push({ row, identity, score, explanation });
  }
  return scored.sort((a, b) => b.score - a.score || a.row.id.localeCompare(b.row.id));
}

export interface DuplicateProbe {
  names: string[];
  sex?: string;
  birthYear?: number | null;
  ageEstimated?: boolean;
  nationality?: string | null;
  excludeId?: string;
  /** Structured fields when the caller has them (the matching search); otherwise built from `names`. */
  match?: MatchProbe;
  /** Sets the model's prior (model-store.ts): a registration, or a search for someone registered. */
  purpose?: ScoringPurpose;
  /**
   * Score only the candidates that could be shown as possible duplicates (the low band or a close
   * namesake), skipping the decryption of the others (matching/engine/upper-bound.ts).
   */
  onlyPossibleDuplicates?: boolean;
}

export interface DuplicateCandidate {
  personId: string;
  code: string;
  score: number;
  band: 'high' | 'medium' | 'low';
  explanation: Explanation[];
}

function probeOf(probe: DuplicateProbe): MatchProbe {
  if (probe.match) return probe.match;
  const latin = probe.names.find((n) => detectScript(n) === 'latin');
  const script = probe.names.find((n) => n !== latin);
  return {
    fullName: latin ?? null,
    originalScriptName: script ?? null,
    sex: probe.sex ?? null,
    birthYear: probe.birthYear ?? null,
    ageEstimated: probe.ageEstimated,
    nationality: probe.nationality ?? null,
  };
}

/**
 * Registered people who may be the probed person: candidates from the blind indexes (scoped to
 * the actor), decrypted and scored by the matching engine's Fellegi–Sunter model, most likely
 * first.
 */
export async function findScoredDuplicates(db: Executor, ctx: ServiceContext, probe: DuplicateProbe) {
  if (probe.names.length === 0) return [];
  // Beyond exact pairs of name keys, look only among people of a compatible birth year.
  const window = probe.ageEstimated ? 5 : 3;
  const nearBirthYear: CandidateFilter =
    probe.birthYear === null || probe.birthYear === undefined
      ? {}
      : { minBirthYear: probe.birthYear - window, maxBirthYear: probe.birthYear + window };
  const purpose = probe.purpose ?? 'registration';
  const scoring = await scoringContext(db, purpose);
  const matchInput = probeMatchInput(probeOf(probe));
  const { rows, identities } = await candidates(
    db,
    ctx,
    probe.names,
    {},
    DUPLICATE_POOL,
    nearBirthYear,
    probe.onlyPossibleDuplicates
      ? (found) => couldBePossibleDuplicates(db, ctx.keys, scoring, matchInput, found)
      : undefined,
  );
  const people: Array<{ row: PeopleTable; identity: Identity }> = [];
  for (const row of rows) {
    const identity = identities.get(row.id);
    if (identity && row.id !== probe.excludeId) people.push({ row, identity });
  }
  return scoreAgainstRegistry(db, ctx.keys, matchInput, people, purpose, scoring);
}

const CLOSE_BIRTH = new Set(['exact', 'typo', 'sameYear', 'yearWithin1']);

/**
 * Same name, a birth at most a year apart and no disagreement on sex. In a large registry the
 * prior per pair is so small that even an exact re-registration of a common name scores under the
 * low band (at 100,000 people none of 20 exact re-registrations was proposed); the person
 * registering can tell namesakes apart at a glance, a missed duplicate hides someone for good.
 */
function isNamesake(explanation: ReadonlyArray<{ field: string; level: string }>): boolean {
  const level = (field: string) => explanation.find((e) => e.field === field)?.level;
  const birth = level('birthDate');
  return birth !== undefined && CLOSE_BIRTH.has(birth) && level('sex') !== 'disagree';
}

/**
 * Possible duplicates of a new or edited record: the candidates whose match probability reaches
 * the low band, and namesakes born within a year of each other (isNamesake), with what each
 * field contributed (the match weight, in bits).
 */
export async function findPossibleDuplicates(
  db: Executor,
  ctx: ServiceContext,
  probe: DuplicateProbe,
): Promise<DuplicateCandidate[]> {
  const scored = await findScoredDuplicates(db, ctx, { ...probe, onlyPossibleDuplicates: true });
  const results: DuplicateCandidate[] = [];
  for (const { candidate, probability, band, explanation, namesAgree } of scored) {
    const shownBand = band ?? (namesAgree && isNamesake(explanation) ? 'low' : null);
    if (!shownBand) continue;
    results.push({
      personId: candidate.row.id,
      code: candidate.row.code,
      score: Math.round(probability * 1000) / 1000,
      band: shownBand,
      explanation: explanation
        .filter((e) => e.field !== 'prior' && e.level !== 'missing')
        .map((e) => ({
          field: e.field,
          level: e.level,
          detail: `weight ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(2)}`,
        })),
    });
  }
  return results.slice(0, 10);
}
