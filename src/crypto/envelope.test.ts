import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decryptBytes,
  decryptField,
  decryptJson,
  decryptWithRingKey,
  encryptBytes,
  encryptField,
  encryptJson,
  encryptWithRingKey,
  generateDataKey,
  openWithKey,
  sealWithKey,
  unwrapDataKey,
  wrapDataKey,
} from './envelope.js';
import { CryptoError } from './errors.js';
import { deriveKeyRing, generateMasterKey } from './keys.js';

const ring = deriveKeyRing(generateMasterKey());
const aad = 'people|01h000000000000000000000|identity';

/** Flips one bit of the decoded payload at `offset` and re-encodes it in the same format. */
function tamperText(ciphertext: string, offset: number): string {
  const [prefix, body] = ciphertext.split('.') as [string, string];
  const bytes = Buffer.from(body, 'base64url');
  bytes[offset] = bytes[offset]! ^ 0x01;
  return `${prefix}.${bytes.toString('base64url')}`;
}

describe('fields', () => {
  it('round-trips text, with a version prefix and a fresh IV every time', () => {
    const key = generateDataKey();
    const a = encryptField(key, 'Aminata Diallo', aad);
    const b = encryptField(key, 'Aminata Diallo', aad);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(decryptField(key, a, aad)).toBe('Aminata Diallo');
    expect(decryptField(key, b, aad)).toBe('Aminata Diallo');
    expect(Buffer.from(a.slice(3), 'base64url').length).toBe(12 + 16 + Buffer.byteLength('Aminata Diallo'));
  });

  it('round-trips any Unicode text, including the empty string', () => {
    const key = generateDataKey();
    expect(decryptField(key, encryptField(key, '', aad), aad)).toBe('');
    for (const unit of ['grapheme', 'binary'] as const) {
      fc.assert(
        fc.property(fc.string({ unit }), fc.string({ unit, minLength: 1 }), (text, binding) => {
          expect(decryptField(key, encryptField(key, text, binding), binding)).toBe(text);
        }),
      );
    }
  });

  it('detects a flipped bit anywhere: IV, tag or ciphertext', () => {
    const key = generateDataKey();
    const ct = encryptField(key, 'نور الهدى', aad);
    const length = Buffer.from(ct.slice(3), 'base64url').length;
    for (const offset of [0, 11, 12, 27, 28, length - 1]) {
      expect(() => decryptField(key, tamperText(ct, offset), aad)).toThrow(
        'ciphertext failed authentication',
      );
    }
  });

  it('refuses a ciphertext copied to another row or field', () => {
    const key = generateDataKey();
    const ct = encryptField(key, '+33 6 12 34 56 78', 'people|a|phone');
    expect(() => decryptField(key, ct, 'people|b|phone')).toThrow(CryptoError);
    expect(() => decryptField(key, ct, 'people|a|notes')).toThrow('ciphertext failed authentication');
  });

  it('refuses the wrong data key', () => {
    const ct = encryptField(generateDataKey(), 'x', aad);
    expect(() => decryptField(generateDataKey(), ct, aad)).toThrow('ciphertext failed authentication');
  });

  it('refuses unknown versions and malformed input without echoing it', () => {
    const key = generateDataKey();
    const body = encryptField(key, 'x', aad).slice(3);
    expect(() => decryptField(key, `v2.${body}`, aad)).toThrow('unknown ciphertext version v2');
    expect(() => decryptField(key, 'Ahmed.Ali', aad)).toThrow('unknown ciphertext version (none)');
    expect(() => decryptField(key, 'Ahmed.Ali', aad)).not.toThrow(/Ahmed/);
    expect(() => decryptField(key, '', aad)).toThrow(CryptoError);
    expect(() => decryptField(key, 'v1.', aad)).toThrow('ciphertext is truncated');
    expect(() => decryptField(key, `v1.${body.slice(0, 20)}`, aad)).toThrow(CryptoError);
    expect(() => decryptField(key, `v1.${body}!`, aad)).toThrow('not valid base64url');
    expect(() => decryptField(key, `v1.${body}=`, aad)).toThrow('not valid base64url');
  });

  it('refuses bad keys, empty AAD and lone surrogates instead of mangling them', () => {
    const key = generateDataKey();
    expect(() => encryptField(Buffer.alloc(16), 'x', aad)).toThrow('must be 32 bytes');
    expect(() => encryptField(key, 'x', '')).toThrow(CryptoError);
    expect(() => encryptField(key, 'a\uD800b', aad)).toThrow('lone surrogate');
    expect(() => encryptField(key, 'x', 'people|\uDC00')).toThrow(CryptoError);
    expect(decryptField(key, encryptField(key, '\uD83D\uDE00', aad), aad)).toBe('😀');
  });
});

describe('json', () => {
  it('round-trips values', () => {
    const key = generateDataKey();
    const value = { names: [{ script: 'Ethi', text: 'ሰላም' }], born: '2009-03-01', n: 3, ok: null };
    const ct = encryptJson(key, value, aad);
    expect(ct.startsWith('v1.')).toBe(true);
    expect(decryptJson<typeof value>(key, ct, aad)).toEqual(value);
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(decryptJson(key, encryptJson(key, v, aad), aad)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 200 },
    );
  });

  it('is bound to its AAD and refuses values JSON cannot hold', () => {
    const key = generateDataKey();
    expect(() => decryptJson(key, encryptJson(key, [1], aad), 'other')).toThrow(CryptoError);
    expect(() => encryptJson(key, undefined, aad)).toThrow(CryptoError);
    expect(() => encryptJson(key, 1n, aad)).toThrow(CryptoError);
  });
});

describe('bytes', () => {
  it('round-trips binary data with a version byte', () => {
    const key = generateDataKey();
    const photo = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));
    const ct = encryptBytes(key, photo, 'attachments|x|content');
    expect(ct[0]).toBe(0x01);
    expect(ct.length).toBe(1 + 12 + 16 + photo.length);
    expect(decryptBytes(key, ct, 'attachments|x|content').equals(photo)).toBe(true);
    expect(decryptBytes(key, encryptBytes(key, Buffer.alloc(0), aad), aad).length).toBe(0);
  });

  it('detects tampering, wrong key, wrong AAD and unknown versions', () => {
    const key = generateDataKey();
    const ct = encryptBytes(key, Buffer.from('%PDF-1.7 passport scan'), aad);
    for (const offset of [1, 12, 13, 28, 29, ct.length - 1]) {
      const copy = Buffer.from(ct);
      copy[offset] = copy[offset]! ^ 0x80;
      expect(() => decryptBytes(key, copy, aad)).toThrow('ciphertext failed authentication');
    }
    expect(() => decryptBytes(generateDataKey(), ct, aad)).toThrow(CryptoError);
    expect(() => decryptBytes(key, ct, 'attachments|y|content')).toThrow(CryptoError);
    const v2 = Buffer.from(ct);
    v2[0] = 0x02;
    expect(() => decryptBytes(key, v2, aad)).toThrow('unknown ciphertext version byte 0x02');
    expect(() => decryptBytes(key, Buffer.alloc(0), aad)).toThrow(CryptoError);
    expect(() => decryptBytes(key, ct.subarray(0, 20), aad)).toThrow('truncated');
  });

  it('seal/open round-trip for any bytes and AAD', () => {
    const key = generateDataKey();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.string({ minLength: 1 }), (bytes, binding) => {
        const plain = Buffer.from(bytes);
        expect(openWithKey(key, sealWithKey(key, plain, binding), binding).equals(plain)).toBe(true);
      }),
    );
  });
});

describe('data keys', () => {
  it('wraps and unwraps a data key bound to its record and ring version', () => {
    const dataKey = generateDataKey();
    expect(dataKey.length).toBe(32);
    const wrapped = wrapDataKey(ring, dataKey, 'rec1');
    expect(wrapped).toMatch(/^k1\.[A-Za-z0-9_-]+$/);
    expect(unwrapDataKey(ring, wrapped, 'rec1').equals(dataKey)).toBe(true);
    expect(() => unwrapDataKey(ring, wrapped, 'rec2')).toThrow('ciphertext failed authentication');
  });

  it('refuses a key from another master key or another ring version', () => {
    const wrapped = wrapDataKey(ring, generateDataKey(), 'rec1');
    expect(() => unwrapDataKey(deriveKeyRing(generateMasterKey()), wrapped, 'rec1')).toThrow(CryptoError);
    const ring2 = deriveKeyRing(generateMasterKey(), 2);
    expect(() => unwrapDataKey(ring2, wrapped, 'rec1')).toThrow(
      'data key wrapped under key version 1; this ring is 2',
    );
    expect(unwrapDataKey(ring2, wrapDataKey(ring2, generateDataKey(), 'r'), 'r').length).toBe(32);
  });

  it('detects tampering and malformed wrapped keys', () => {
    const wrapped = wrapDataKey(ring, generateDataKey(), 'rec1');
    for (const offset of [0, 12, 28, 59]) {
      expect(() => unwrapDataKey(ring, tamperText(wrapped, offset), 'rec1')).toThrow(CryptoError);
    }
    for (const bad of ['', 'k1.', 'v1.abc', `k01.${wrapped.slice(3)}`, `k1.${wrapped.slice(3)}=`]) {
      expect(() => unwrapDataKey(ring, bad, 'rec1')).toThrow(CryptoError);
    }
    expect(() => wrapDataKey(ring, Buffer.alloc(16), 'rec1')).toThrow(CryptoError);
    expect(() => wrapDataKey(ring, generateDataKey(), '')).toThrow(CryptoError);
  });

  it('crypto-shreds: fields are unreadable without the wrapped key', () => {
    const dataKey = generateDataKey();
    const ct = encryptField(dataKey, 'Yonas Tesfay', aad);
    const wrapped = wrapDataKey(ring, dataKey, 'rec1');
    expect(decryptField(unwrapDataKey(ring, wrapped, 'rec1'), ct, aad)).toBe('Yonas Tesfay');
    // Every other key, including the ring's own, fails.
    for (const key of [ring.dataKeyWrapping, ring.backup, generateDataKey()]) {
      expect(() => decryptField(key, ct, aad)).toThrow(CryptoError);
    }
  });
});

describe('ring-key encryption (TOTP secrets)', () => {
  it('round-trips in the field format, bound to its AAD', () => {
    const ct = encryptWithRingKey(ring.dataKeyWrapping, 'JBSWY3DPEHPK3PXP', 'users|u1|totp');
    expect(ct.startsWith('v1.')).toBe(true);
    expect(decryptWithRingKey(ring.dataKeyWrapping, ct, 'users|u1|totp')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptWithRingKey(ring.dataKeyWrapping, ct, 'users|u2|totp')).toThrow(CryptoError);
    expect(() => decryptWithRingKey(ring.dataKeyWrapping, '', 'users|u1|totp')).toThrow(CryptoError);
  });

  it('cannot be confused with a wrapped data key', () => {
    expect(() => encryptWithRingKey(ring.dataKeyWrapping, 'x'.repeat(32), 'dk|rec1')).toThrow('reserved');
    const wrapped = wrapDataKey(ring, generateDataKey(), 'rec1');
    expect(() => decryptWithRingKey(ring.dataKeyWrapping, `v1.${wrapped.slice(3)}`, 'dk|rec1')).toThrow(
      'reserved',
    );
  });
});
