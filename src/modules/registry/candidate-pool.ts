import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { INDEX_WEIGHT, type IndexEntry } from './person-index.js';
import { type CandidateFilter, findPeopleWithIndexValue } from './registry.repository.js';

/**
 * Candidate people for a search or a duplicate check: for each blind-index value, its holders
 * (newest first, at most `limit` each), then ranked here by the summed weight of the values
 * they hold, and among equals by how rare their rarest value is (a rare family name says more
 * than a common given name). Only ids leave the database; names are decrypted afterwards.
 *
 * A value held by more people than `limit` contributes only its newest holders. Someone sharing
 * two common names with the query is not lost by that: the pair of both names is a value of its
 * own (kind sk2), looked up in the tier before single names.
 */
export async function findCandidateIds(
  db: Executor,
  actor: Actor,
  entries: readonly IndexEntry[],
  filter: CandidateFilter,
  limit: number,
): Promise<Array<{ personId: string; weight: number }>> {
  const unique = [...new Map(entries.map((e) => [`${e.kind}:${e.hmac}`, e])).values()];
  const hits = new Map<string, { weight: number; rarest: number }>();
  for (const entry of unique) {
    const holders = await findPeopleWithIndexValue(db, actor, entry, filter, limit);
    // A full list means the value is at least this common; a short one is its exact size.
    const commonness = holders.length;
    for (const personId of holders) {
      const hit = hits.get(personId) ?? { weight: 0, rarest: Number.POSITIVE_INFINITY };
      hit.weight += INDEX_WEIGHT[entry.kind];
      hit.rarest = Math.min(hit.rarest, commonness);
      hits.set(personId, hit);
    }
  }
  return [...hits.entries()]
    .sort(([idA, a], [idB, b]) => b.weight - a.weight || a.rarest - b.rarest || (idA < idB ? 1 : -1))
    .slice(0, limit)
    .map(([personId, { weight }]) => ({ personId, weight }));
}
