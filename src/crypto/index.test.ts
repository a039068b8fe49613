import { describe, expect, it } from 'vitest';
import * as crypto from './index.js';

describe('crypto public API', () => {
  it('exports the functions other modules use, and no internals', () => {
    expect(Object.keys(crypto).sort()).toEqual(
      [
        'CryptoError',
        'MASTER_KEY_ENV',
        'MASTER_KEY_FILE',
        'auditKeysForSeq',
        'blindIndex',
        'blindIndexKeys',
        'currentRingOnly',
        'decryptBytes',
        'decryptField',
        'decryptJson',
        'decryptWithAnyRing',
        'decryptWithRingKey',
        'deriveKeyRing',
        'encryptBytes',
        'encryptField',
        'encryptJson',
        'encryptWithRingKey',
        'generateDataKey',
        'generateMasterKey',
        'hashToken',
        'ledgerKeys',
        'loadMasterKey',
        'masterKeyFingerprint',
        'openWithKey',
        'parseMasterKey',
        'randomId',
        'randomToken',
        'readKeyFile',
        'readableRings',
        'reencryptWithCurrentRing',
        'rewrapDataKey',
        'ringForVersion',
        'safeEqual',
        'sealWithKey',
        'timeOrderedId',
        'unwrapDataKey',
        'withPreviousRings',
        'wrapDataKey',
        'wrappedKeyVersion',
      ].sort(),
    );
  });

  it('works end to end: a person record encrypted, searched by blind index, then shredded', () => {
    const ring = crypto.deriveKeyRing(crypto.generateMasterKey());
    const id = crypto.randomId();
    const dataKey = crypto.generateDataKey();
    const row = {
      id,
      wrappedKey: crypto.wrapDataKey(ring, dataKey, id),
      name: crypto.encryptField(dataKey, 'Abdullah', `people|${id}|name`),
      nameIndex: crypto.blindIndex(ring.blindIndex, 'name', 'abdullah', 16),
    };
    expect(row.nameIndex).toBe(crypto.blindIndex(ring.blindIndex, 'name', 'abdullah', 16));
    const key = crypto.unwrapDataKey(ring, row.wrappedKey, row.id);
    expect(crypto.decryptField(key, row.name, `people|${row.id}|name`)).toBe('Abdullah');
    const error = (() => {
      try {
        crypto.decryptField(crypto.generateDataKey(), row.name, `people|${row.id}|name`);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(crypto.CryptoError);
    expect((error as Error).name).toBe('CryptoError');
    expect(error).toBeInstanceOf(Error);
  });
});
