import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index.js';
import {
  decryptField,
  encryptField,
  encryptWithRingKey,
  generateDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.js';
import { CryptoError } from './errors.js';
import { deriveKeyRing, generateMasterKey, masterKeyFingerprint } from './keys.js';
import {
  auditKeysForSeq,
  blindIndexKeys,
  currentRingOnly,
  decryptWithAnyRing,
  reencryptWithCurrentRing,
  rewrapDataKey,
  ringForVersion,
  withPreviousRings,
  wrappedKeyVersion,
} from './rotation.js';

const oldMaster = generateMasterKey();
const newMaster = generateMasterKey();
const v1 = deriveKeyRing(oldMaster, 1);
const v2 = deriveKeyRing(newMaster, 2);
const rotating = withPreviousRings(v2, [v1]);
const recordId = 'person-1';

describe('reading across a rotation', () => {
  it('unwraps keys of both versions with the combined ring, and only its own without it', () => {
    const dataKey = generateDataKey();
    const old = wrapDataKey(v1, dataKey, recordId);
    const fresh = wrapDataKey(rotating, dataKey, recordId);
    expect(wrappedKeyVersion(old)).toBe(1);
    expect(wrappedKeyVersion(fresh)).toBe(2);
    expect(unwrapDataKey(rotating, old, recordId)).toEqual(dataKey);
    expect(unwrapDataKey(rotating, fresh, recordId)).toEqual(dataKey);
    expect(() => unwrapDataKey(v2, old, recordId)).toThrow(/key version 1; this ring is 2/);
    expect(() => unwrapDataKey(v1, fresh, recordId)).toThrow(CryptoError);
  });

  it('re-wraps the same data key under the current version, so sealed fields stay readable', () => {
    const dataKey = generateDataKey();
    const sealed = encryptField(dataKey, 'Amanuel Tesfaye', 'people|person-1|identity');
    const rewrapped = rewrapDataKey(rotating, wrapDataKey(v1, dataKey, recordId), recordId);
    expect(rewrapped).toMatch(/^k2\./);
    const reopened = unwrapDataKey(v2, rewrapped!, recordId);
    expect(decryptField(reopened, sealed, 'people|person-1|identity')).toBe('Amanuel Tesfaye');
    expect(rewrapDataKey(rotating, rewrapped!, recordId)).toBeNull();
  });

  it('keeps the binding to the record when re-wrapping', () => {
    const wrapped = wrapDataKey(v1, generateDataKey(), recordId);
    expect(() => rewrapDataKey(rotating, wrapped, 'person-2')).toThrow(CryptoError);
  });

  it('opens ring-key secrets of either version and re-seals old ones under the current ring', () => {
    const sealed = encryptWithRingKey(v1.dataKeyWrapping, 'JBSWY3DPEHPK3PXP', 'users|u1|totp');
    expect(decryptWithAnyRing(rotating, (r) => r.dataKeyWrapping, sealed, 'users|u1|totp')).toEqual({
      plaintext: 'JBSWY3DPEHPK3PXP',
      version: 1,
    });
    const resealed = reencryptWithCurrentRing(rotating, (r) => r.dataKeyWrapping, sealed, 'users|u1|totp')!;
    expect(decryptWithAnyRing(v2, (r) => r.dataKeyWrapping, resealed, 'users|u1|totp').version).toBe(2);
    expect(
      reencryptWithCurrentRing(rotating, (r) => r.dataKeyWrapping, resealed, 'users|u1|totp'),
    ).toBeNull();
    expect(() => decryptWithAnyRing(v2, (r) => r.dataKeyWrapping, sealed, 'users|u1|totp')).toThrow(
      CryptoError,
    );
  });

  it('looks blind indexes up under every readable ring, the current one first', () => {
    const keys = blindIndexKeys(rotating);
    expect(keys).toEqual([v2.blindIndex, v1.blindIndex]);
    expect(blindIndex(keys[0]!, 'sk', 'tesfaye')).not.toBe(blindIndex(keys[1]!, 'sk', 'tesfaye'));
    expect(blindIndexKeys(currentRingOnly(rotating))).toEqual([v2.blindIndex]);
  });

  it('finds rings by version and refuses two previous rings of one version', () => {
    expect(ringForVersion(rotating, 1)?.dataKeyWrapping).toEqual(v1.dataKeyWrapping);
    expect(ringForVersion(rotating, 3)).toBeUndefined();
    expect(() => withPreviousRings(v2, [v1, deriveKeyRing(generateMasterKey(), 1)])).toThrow(CryptoError);
  });
});

describe('audit keys across a rotation', () => {
  it('accepts the previous key anywhere while the rotation runs', () => {
    expect(auditKeysForSeq(rotating, 1_000_000)).toEqual([v2.audit, v1.audit]);
  });

  it('accepts a retired key only up to the entry where its rotation ended', () => {
    const retired = [{ version: 1, key: v1.audit, untilSeq: 40 }];
    const finished = withPreviousRings(v2, [], retired);
    expect(auditKeysForSeq(finished, 40)).toEqual([v2.audit, v1.audit]);
    expect(auditKeysForSeq(finished, 41)).toEqual([v2.audit]);
    // An operator who leaves the old key configured does not reopen the window.
    const lingering = withPreviousRings(v2, [v1], retired);
    expect(auditKeysForSeq(lingering, 41)).toEqual([v2.audit]);
  });
});

describe('fingerprints', () => {
  it('are stable per master key and differ between keys', () => {
    expect(masterKeyFingerprint(oldMaster)).toBe(masterKeyFingerprint(Buffer.from(oldMaster)));
    expect(masterKeyFingerprint(oldMaster)).not.toBe(masterKeyFingerprint(newMaster));
    expect(masterKeyFingerprint(oldMaster)).toMatch(/^[0-9a-f]{32}$/);
    expect(() => masterKeyFingerprint(Buffer.alloc(16))).toThrow(CryptoError);
  });
});
