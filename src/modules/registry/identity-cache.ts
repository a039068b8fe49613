import type { KeyRing } from '../../crypto/index.js';
import type { Identity } from './person-identity.js';

/*
 * Identities this process decrypted a moment ago. A name search decrypts up to 200 candidates and
 * a registration's duplicate check up to 60, and the same common names come back request after
 * request: under load, unwrapping data keys and opening identities was a quarter of the server's
 * CPU time. An entry is used only while the sealed identity and the wrapped data key it was
 * opened from are still exactly those the caller just read from the database, so an edit (new
 * ciphertext), an erasure (data key shredded: no key, nothing opened) or a key rotation (key
 * re-wrapped) can never be answered from here. Entries are bounded in number and age, so clear
 * text does not linger in memory longer than a working session; PASSERELLE_IDENTITY_CACHE=0
 * turns the cache off. docs/data-protection.md lists it among what is in clear, and where.
 */

interface Entry {
  sealed: string;
  wrappedKey: string;
  identity: Identity;
  expiresAt: number;
}

const MAX_AGE_MS = 10 * 60_000;

function configuredSize(): number {
  const raw = process.env.PASSERELLE_IDENTITY_CACHE;
  if (raw === undefined || raw.trim() === '') return 100_000;
  const size = Number(raw);
  return Number.isInteger(size) && size >= 0 ? size : 100_000;
}

/** One cache per key ring: tests and tools hold several master keys in one process. */
const caches = new WeakMap<KeyRing, Map<string, Entry>>();

function cacheFor(keys: KeyRing): Map<string, Entry> {
  let cache = caches.get(keys);
  if (!cache) {
    cache = new Map();
    caches.set(keys, cache);
  }
  return cache;
}

export function cachedIdentity(
  keys: KeyRing,
  personId: string,
  sealed: string,
  wrappedKey: string,
): Identity | undefined {
  const cache = caches.get(keys);
  const entry = cache?.get(personId);
  if (!cache || !entry) return undefined;
  if (entry.sealed !== sealed || entry.wrappedKey !== wrappedKey || entry.expiresAt < Date.now()) {
    cache.delete(personId);
    return undefined;
  }
  // Most recently used last: the oldest entries are the first evicted.
  cache.delete(personId);
  cache.set(personId, entry);
  return entry.identity;
}

/** Keeps an opened identity; it is frozen, since every later reader shares the same object. */
export function rememberIdentity(
  keys: KeyRing,
  personId: string,
  sealed: string,
  wrappedKey: string,
  identity: Identity,
): Identity {
  const size = configuredSize();
  if (size === 0) return identity;
  const cache = cacheFor(keys);
  for (const document of identity.documents ?? []) Object.freeze(document);
  if (identity.documents) Object.freeze(identity.documents);
  if (identity.otherNames) Object.freeze(identity.otherNames);
  Object.freeze(identity);
  cache.delete(personId);
  cache.set(personId, { sealed, wrappedKey, identity, expiresAt: Date.now() + MAX_AGE_MS });
  while (cache.size > size) cache.delete(cache.keys().next().value as string);
  return identity;
}
