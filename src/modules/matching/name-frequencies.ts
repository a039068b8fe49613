import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { INDEX_BITS, type IndexEntry, queryIndexEntries } from '../registry/person-index.js';

/**
 * How common a name is, read from the blind index without decrypting anyone.
 *
 * The registry stores, per person, truncated HMACs of their name keys: `sk` per name token and
 * `sk2` per pair of tokens. The number of people sharing a `sk2` value is the number of people
 * whose name holds that pair of keys (in any spelling or script, since keys are
 * transliteration-invariant), plus the people of the other pairs that fall in the same truncated
 * bucket. The expected collision mass (rows of that kind spread over 2^bits buckets) is
 * subtracted. A name's frequency is the least common of its pairs (an upper bound of how many
 * share the whole name), or its single token's `sk` when it has one word.
 *
 * This is the term frequency of the Fellegi–Sunter model (engine/model.ts): `Mohammed Ali`
 * agreeing says little, `Ghebremedhin` agreeing says much. The batch engine counts exact name
 * terms in memory; here only counts of HMAC values are read, which reveal no more than the
 * index itself (its values are designed to be shared by several people).
 */

/** Below this many people, frequencies are noise: the engine keeps its defaults too (linkage.ts). */
export const MIN_PEOPLE_FOR_FREQUENCIES = 320;
const STATS_TTL_MS = 30_000;
const COUNT_TTL_MS = 10 * 60_000;
const MAX_CACHED_COUNTS = 100_000;

export interface RegistryStats {
  people: number;
  rowsByKind: Record<string, number>;
}

interface Cache {
  stats?: { value: RegistryStats; at: number };
  /** The count under way, shared by every caller that finds the figures expired meanwhile. */
  refreshing?: Promise<RegistryStats>;
  counts: Map<string, { count: number; at: number }>;
}

// Per database handle: tests (and tools) open several databases in one process.
const caches = new WeakMap<object, Cache>();

function cacheOf(db: Executor): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { counts: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

/** Forgets cached counts, e.g. after a run changed the registry a lot. */
export function forgetRegistryStats(db: Executor): void {
  caches.delete(db);
}

/**
 * Active people, and index rows per kind (for the collision correction); cached briefly. One
 * count at a time per database, and figures a few seconds stale are served while it runs: under
 * load every registration found the figures expired at the same moment and queued the same two
 * counts of every person and index row on SQLite's one connection (0.1-0.5 s each at 100,000
 * people), so requests waited behind dozens of them for up to ten seconds.
 */
export async function registryStats(db: Executor): Promise<RegistryStats> {
  const cache = cacheOf(db);
  const known = cache.stats;
  if (known && Date.now() - known.at < STATS_TTL_MS) return known.value;
  if (!cache.refreshing) {
    cache.refreshing = countRegistry(db)
      .then((value) => {
        cache.stats = { value, at: Date.now() };
        return value;
      })
      .finally(() => {
        cache.refreshing = undefined;
      });
  }
  // A transaction must not leave a query running behind it; a connection pool may.
  if (known && !db.isTransaction) {
    cache.refreshing.catch(() => undefined);
    return known.value;
  }
  return cache.refreshing;
}

async function countRegistry(db: Executor): Promise<RegistryStats> {
  const [people, rows] = await Promise.all([
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('person_index')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('kind', 'in', ['sk', 'sk2'])
      .groupBy('kind')
      .execute(),
  ]);
  return {
    people: Number(people.n),
    rowsByKind: Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)])),
  };
}

const keyOf = (e: IndexEntry) => `${e.kind}:${e.hmac}`;

/** People per index value, from the cache or in one grouped query for the rest. */
async function countEntries(db: Executor, entries: IndexEntry[]): Promise<Map<string, number>> {
  const cache = cacheOf(db);
  const now = Date.now();
  const result = new Map<string, number>();
  const missing: IndexEntry[] = [];
  for (const entry of entries) {
    const hit = cache.counts.get(keyOf(entry));
    if (hit && now - hit.at < COUNT_TTL_MS) result.set(keyOf(entry), hit.count);
    else if (!result.has(keyOf(entry))) missing.push(entry);
  }
  if (missing.length > 0) {
    const rows = await db
      .selectFrom('person_index')
      .select(['kind', 'hmac', (eb) => eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.or(missing.map((e) => eb.and([eb('kind', '=', e.kind), eb('hmac', '=', e.hmac)]))))
      .groupBy(['kind', 'hmac'])
      .execute();
    if (cache.counts.size + missing.length > MAX_CACHED_COUNTS) cache.counts.clear();
    for (const entry of missing) cache.counts.set(keyOf(entry), { count: 0, at: now });
    for (const row of rows) cache.counts.set(`${row.kind}:${row.hmac}`, { count: Number(row.n), at: now });
    for (const entry of missing) result.set(keyOf(entry), cache.counts.get(keyOf(entry))!.count);
  }
  return result;
}

const MAX_REMEMBERED_NAMES = 20_000;
/** Per key ring: the index values of names scored a moment ago (keys and HMACs cost ~15 µs a name). */
const entriesOfNames = new WeakMap<KeyRing, Map<string, IndexEntry[]>>();

/** The index values that stand for a whole name: its pairs of keys, or its one key. */
export function nameFrequencyEntries(keys: KeyRing, name: string): IndexEntry[] {
  let remembered = entriesOfNames.get(keys);
  if (!remembered) {
    remembered = new Map();
    entriesOfNames.set(keys, remembered);
  }
  const known = remembered.get(name);
  if (known) return known;
  const entries = queryIndexEntries(keys, [name]);
  const pairs = entries.filter((e) => e.kind === 'sk2');
  const chosen = pairs.length > 0 ? pairs : entries.filter((e) => e.kind === 'sk');
  if (remembered.size >= MAX_REMEMBERED_NAMES) remembered.clear();
  remembered.set(name, chosen);
  return chosen;
}

/**
 * Frequency (share of the registry's people) of each name, keyed as the caller chooses. As in
 * Splink, a name borne by one person has frequency 1/N: the chance that a random registered
 * person agrees with it. A name nobody bears (a new spelling in a search) gets no entry; the
 * model then takes the other side's frequency, or its own u.
 */
export async function nameFrequencies(
  db: Executor,
  keys: KeyRing,
  names: ReadonlyMap<string, string>,
  stats: RegistryStats,
): Promise<Record<string, number>> {
  const frequencies: Record<string, number> = {};
  if (stats.people < MIN_PEOPLE_FOR_FREQUENCIES || names.size === 0) return frequencies;
  const entriesByTerm = new Map([...names].map(([term, name]) => [term, nameFrequencyEntries(keys, name)]));
  const counts = await countEntries(db, [...entriesByTerm.values()].flat());
  for (const [term, entries] of entriesByTerm) {
    if (entries.length === 0) continue;
    const estimates = entries.map((e) => {
      const count = counts.get(keyOf(e)) ?? 0;
      const buckets = 2 ** INDEX_BITS[e.kind];
      const collisions = Math.max(0, (stats.rowsByKind[e.kind] ?? 0) - count) / buckets;
      return count === 0 ? 0 : Math.max(1, count - collisions);
    });
    const people = Math.min(...estimates);
    if (people >= 1) frequencies[term] = Math.min(1, people / stats.people);
  }
  return frequencies;
}
