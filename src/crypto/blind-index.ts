import { createHmac } from 'node:crypto';
import { CryptoError } from './errors.js';

/*
 * Blind indexes let the database find candidate records for a name, phone or birth year without
 * ever holding the value in clear.
 *
 * Why truncate: with a full 256-bit HMAC, someone holding the database and one known value (a
 * name from a leaked list, say) could confirm that exact person is registered by matching a single
 * row. Truncated to a few bits, each index value is shared by many records, so an index hit proves
 * nothing on its own: the application fetches the candidates, decrypts them with their data keys
 * and scores them. Choose `bits` so that each bucket holds several records at the expected
 * registry size, while candidate lists stay small enough to decrypt.
 *
 * Why a subkey per kind: the same string as a name and as a skeleton key must not give the same
 * index, or one kind of index could be used to read another.
 *
 * Values are hashed as given: normalisation (case, script, phonetic keys) belongs to the caller.
 */

const MIN_BITS = 8;
const MAX_BITS = 64;
// Kinds are meant to be a small fixed set; this only stops a caller that builds kinds
// dynamically from growing the cache without bound.
const MAX_KINDS_PER_KEY = 1024;

// Keyed by the key Buffer itself so the cache goes away with the key ring.
const subkeyCache = new WeakMap<Buffer, Map<string, (message: string) => Buffer>>();

function hmacForKind(key: Buffer, kind: string): (message: string) => Buffer {
  let kinds = subkeyCache.get(key);
  if (!kinds) {
    kinds = new Map();
    subkeyCache.set(key, kinds);
  }
  let mac = kinds.get(kind);
  if (!mac) {
    const subkey = createHmac('sha256', key).update(`kind:${kind}`).digest();
    // node:crypto rather than a faster hand-written SHA-256: a registration needs a few dozen
    // index values, far below what createHmac sustains, and audited primitives are worth more.
    mac = (message: string) => createHmac('sha256', subkey).update(message).digest();
    if (kinds.size >= MAX_KINDS_PER_KEY) kinds.clear();
    kinds.set(kind, mac);
  }
  return mac;
}

/**
 * Keyed, deterministic, truncated index of `value` for one `kind` of index
 * ('name', 'name-skeleton', 'birth-year', …). Returns ceil(bits / 4) lowercase hex characters;
 * when bits is not a multiple of 4 the unused low bits of the last character are zero.
 */
export function blindIndex(key: Buffer, kind: string, value: string, bits = 32): string {
  if (!Buffer.isBuffer(key) || key.length !== 32) {
    throw new CryptoError('blind index key must be 32 bytes');
  }
  if (typeof kind !== 'string' || kind.length === 0 || kind.includes('\u0000')) {
    throw new CryptoError('blind index kind must be a non-empty string without NUL');
  }
  if (typeof value !== 'string') throw new CryptoError('blind index value must be a string');
  if (!Number.isInteger(bits) || bits < MIN_BITS || bits > MAX_BITS) {
    throw new CryptoError(`blind index bits must be an integer from ${MIN_BITS} to ${MAX_BITS}`);
  }
  const digest = hmacForKind(key, kind)(`${kind}\u0000${value}`);
  const bytes = Math.ceil(bits / 8);
  const spare = bytes * 8 - bits;
  if (spare > 0) digest[bytes - 1] = digest[bytes - 1]! & ((0xff << spare) & 0xff);
  return digest.toString('hex', 0, bytes).slice(0, Math.ceil(bits / 4));
}
