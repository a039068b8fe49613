import { decryptWithRingKey, encryptWithRingKey, unwrapDataKey, wrapDataKey } from './envelope.js';
import { CryptoError } from './errors.js';
import type { KeyRing, RetiredAuditKey } from './keys.js';

/*
 * Master key rotation, the pure part. A rotation moves every data key from the rings of older
 * master keys to the current one. While it runs, servers hold a ring that writes under the new key
 * and still reads under the old (`previous`): nothing needs to stop. Blind indexes and the audit
 * chain depend on the master key too; readers try each ring's index key, and the audit chain
 * accepts an old audit key up to the entry where its rotation finished (`retiredAuditKeys`), never
 * after, so a leaked old key cannot append entries that verify.
 */

const WRAPPED_VERSION = /^k([1-9][0-9]{0,8})\./;

/** The ring of `current` that can also read what `previous` rings wrapped. */
export function withPreviousRings(
  current: KeyRing,
  previous: readonly KeyRing[],
  retiredAuditKeys: readonly RetiredAuditKey[] = [],
): KeyRing {
  const older = previous.filter((r) => r.version !== current.version);
  const versions = new Set(older.map((r) => r.version));
  if (versions.size !== older.length) throw new CryptoError('two previous key rings have the same version');
  return Object.freeze({
    version: current.version,
    dataKeyWrapping: current.dataKeyWrapping,
    blindIndex: current.blindIndex,
    audit: current.audit,
    backup: current.backup,
    session: current.session,
    previous: Object.freeze([...older]),
    retiredAuditKeys: Object.freeze([...retiredAuditKeys]),
  });
}

/** The ring alone, without older rings: what a finished rotation leaves. */
export function currentRingOnly(ring: KeyRing): KeyRing {
  return withPreviousRings(ring, [], ring.retiredAuditKeys ?? []);
}

/** Every ring that can read, the current one first. */
export function readableRings(ring: KeyRing): KeyRing[] {
  return [ring, ...(ring.previous ?? [])];
}

export function ringForVersion(ring: KeyRing, version: number): KeyRing | undefined {
  return readableRings(ring).find((r) => r.version === version);
}

/** The master key version a wrapped data key names (`k<version>.…`). */
export function wrappedKeyVersion(wrapped: string): number {
  const match = typeof wrapped === 'string' ? WRAPPED_VERSION.exec(wrapped) : null;
  if (!match) throw new CryptoError('wrapped data key is malformed');
  return Number(match[1]);
}

/**
 * The data key re-wrapped under the ring's current version, or null when it already is. The data
 * key itself never changes, so every field sealed with it stays readable as it is.
 */
export function rewrapDataKey(ring: KeyRing, wrapped: string, recordId: string): string | null {
  if (wrappedKeyVersion(wrapped) === ring.version) return null;
  const dataKey = unwrapDataKey(ring, wrapped, recordId);
  try {
    return wrapDataKey(ring, dataKey, recordId);
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Opens a secret sealed directly under a ring key (a user's TOTP secret): the ring-key format
 * names no version, so each readable ring is tried, the current one first.
 */
export function decryptWithAnyRing(
  ring: KeyRing,
  pick: (r: KeyRing) => Buffer,
  ciphertext: string,
  aad: string,
): { plaintext: string; version: number } {
  let failure: unknown;
  for (const candidate of readableRings(ring)) {
    try {
      return { plaintext: decryptWithRingKey(pick(candidate), ciphertext, aad), version: candidate.version };
    } catch (error) {
      failure = error;
    }
  }
  throw failure instanceof CryptoError ? failure : new CryptoError('ciphertext failed authentication');
}

/** Re-seals a ring-key secret under the current ring; null when it already is. */
export function reencryptWithCurrentRing(
  ring: KeyRing,
  pick: (r: KeyRing) => Buffer,
  ciphertext: string,
  aad: string,
): string | null {
  const { plaintext, version } = decryptWithAnyRing(ring, pick, ciphertext, aad);
  return version === ring.version ? null : encryptWithRingKey(pick(ring), plaintext, aad);
}

/** Blind-index keys to look values up with: a rotation re-derives the rows one person at a time. */
export function blindIndexKeys(ring: KeyRing): Buffer[] {
  return readableRings(ring).map((r) => r.blindIndex);
}

/**
 * Keys the audit entry at `seq` may have been hashed with. The current key always; a previous
 * ring's key while its rotation runs (servers switch one by one); a retired key only up to the
 * last entry of its rotation.
 */
export function auditKeysForSeq(ring: KeyRing, seq: number): Buffer[] {
  const keys = [ring.audit];
  const retired = ring.retiredAuditKeys ?? [];
  for (const older of ring.previous ?? []) {
    const bound = retired.find((r) => r.version === older.version);
    if (!bound || seq <= bound.untilSeq) keys.push(older.audit);
  }
  for (const r of retired) {
    if (seq <= r.untilSeq && !keys.some((k) => k.equals(r.key))) keys.push(r.key);
  }
  return keys;
}
