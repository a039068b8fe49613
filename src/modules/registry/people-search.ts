import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { matchQuery } from '../matching/transliteration/index.js';
import { openIdentities } from './people-read.js';
import { allNames, type Identity } from './person-identity.js';
import {
  INDEX_WEIGHT,
  type IndexKind,
  isPhoneLike,
  normalisePhone,
  queryIndexEntries,
} from './person-index.js';
import { type CandidateFilter, findCandidateIds, findPeopleInScopeByIds } from './registry.repository.js';
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

/** Best name similarity between the query and any of the person's names, in any script. */
function scoreName(query: string, identity: Identity): { score: number; explanation: Explanation[] } {
  let best = { score: 0, explanation: [] as Explanation[] };
  for (const name of allNames(identity)) {
    const result = matchQuery(query, name);
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
      INDEX_WEIGHT,
      tierIndex === 0 ? filter : broadFilter,
      pool,
    );
    for (const { personId } of ids) if (found.size < pool) found.add(personId);
    if (found.size >= Math.min(pool, ENOUGH_CANDIDATES)) break;
  }
  const rows = await findPeopleInScopeByIds(db, ctx.actor, [...found]);
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
  const scored: ScoredPerson[] = [];
  for (const row of rows) {
    const identity = identities.get(row.id) ?? null;
    if (!identity) continue;
    const { score, explanation } = byPhone ? scorePhone(q, identity) : scoreName(q, identity);
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
}

export interface DuplicateCandidate {
  personId: string;
  code: string;
  score: number;
  band: 'high' | 'medium' | 'low';
  explanation: Explanation[];
}

function birthYearAgreement(
  a: number | null | undefined,
  b: number | null,
  estimated: boolean,
): { value: number; level: string } {
  if (a === null || a === undefined || b === null) return { value: 0.5, level: 'missing' };
  const gap = Math.abs(a - b);
  const tolerance = estimated ? 3 : 1;
  if (gap === 0) return { value: 1, level: 'exact' };
  if (gap <= tolerance) return { value: 0.8, level: 'close' };
  if (gap <= tolerance + 2) return { value: 0.4, level: 'near' };
  return { value: 0, level: 'different' };
}

/**
 * Possible duplicates of a new or edited record: weighted name, birth year, sex and nationality
 * agreement. The matching engine refines this with trained weights; the explanation always says
 * what each field contributed.
 */
export async function findPossibleDuplicates(
  db: Executor,
  ctx: ServiceContext,
  probe: DuplicateProbe,
): Promise<DuplicateCandidate[]> {
  if (probe.names.length === 0) return [];
  // Beyond exact pairs of name keys, look only among people of a compatible birth year.
  const window = probe.ageEstimated ? 5 : 3;
  const nearBirthYear: CandidateFilter =
    probe.birthYear === null || probe.birthYear === undefined
      ? {}
      : { minBirthYear: probe.birthYear - window, maxBirthYear: probe.birthYear + window };
  const { rows, identities } = await candidates(db, ctx, probe.names, {}, DUPLICATE_POOL, nearBirthYear);
  const results: DuplicateCandidate[] = [];
  for (const row of rows) {
    const identity = identities.get(row.id);
    if (!identity || row.id === probe.excludeId) continue;
    const name = Math.max(...probe.names.map((n) => scoreName(n, identity).score));
    const birth = birthYearAgreement(
      probe.birthYear,
      row.birth_year,
      Boolean(probe.ageEstimated) || row.age_estimated === 1,
    );
    const sex =
      !probe.sex || probe.sex === 'unknown' || row.sex === 'unknown' ? 0.5 : probe.sex === row.sex ? 1 : 0;
    const nationality =
      !probe.nationality || !row.nationality ? 0.5 : probe.nationality === row.nationality ? 1 : 0;
    const score = 0.6 * name + 0.2 * birth.value + 0.12 * sex + 0.08 * nationality;
    const band = score >= 0.85 ? 'high' : score >= 0.72 ? 'medium' : score >= 0.6 ? 'low' : null;
    if (!band || name < 0.7) continue;
    results.push({
      personId: row.id,
      code: row.code,
      score: Math.round(score * 1000) / 1000,
      band,
      explanation: [
        {
          field: 'name',
          level: name >= 0.99 ? 'exact' : name >= 0.85 ? 'similar' : 'partial',
          detail: `weight ${(0.6 * name).toFixed(2)} of 0.60`,
        },
        {
          field: 'birthYear',
          level: birth.level,
          detail: `weight ${(0.2 * birth.value).toFixed(2)} of 0.20`,
        },
        {
          field: 'sex',
          level: sex === 1 ? 'agree' : sex === 0 ? 'disagree' : 'missing',
          detail: `weight ${(0.12 * sex).toFixed(2)} of 0.12`,
        },
        {
          field: 'nationality',
          level: nationality === 1 ? 'agree' : nationality === 0 ? 'disagree' : 'missing',
          detail: `weight ${(0.08 * nationality).toFixed(2)} of 0.08`,
        },
      ],
    });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, 10);
}
