import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CryptoError } from './errors.js';
import { hashToken, randomId, randomToken, safeEqual, timeOrderedId } from './tokens.js';

const ID = /^[0-9a-hjkmnp-tv-z]{26}$/;
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

function decodeTimestamp(id: string): number {
  let value = 0;
  for (const char of id.slice(0, 10)) value = value * 32 + CROCKFORD.indexOf(char);
  return value;
}

describe('randomToken', () => {
  it('is base64url of the requested number of random bytes', () => {
    const token = randomToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    expect(Buffer.from(randomToken(8), 'base64url').length).toBe(8);
    expect(randomToken()).not.toBe(token);
    expect(() => randomToken(0)).toThrow(CryptoError);
    expect(() => randomToken(2.5)).toThrow(CryptoError);
  });
});

describe('hashToken', () => {
  it('is SHA-256 hex', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashToken(randomToken())).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('safeEqual', () => {
  it('compares strings', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('é', 'e\u0301')).toBe(false);
    expect(safeEqual('abc', undefined as unknown as string)).toBe(false);
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => safeEqual(a, b) === (a === b)));
  });
});

describe('randomId', () => {
  it('is 26 lowercase Crockford characters and unique over 100k calls', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      const id = randomId();
      if (!ID.test(id)) throw new Error(`bad id ${id}`);
      ids.add(id);
    }
    expect(ids.size).toBe(100_000);
    // 128 bits in 130: the first character only carries 3 bits.
    expect([...ids].every((id) => id[0]! <= '7')).toBe(true);
    // Every alphabet character shows up in the tail, so no position is stuck.
    expect(new Set([...ids].slice(0, 1000).flatMap((id) => [...id.slice(1)])).size).toBe(32);
  });
});

describe('timeOrderedId', () => {
  it('is 26 lowercase Crockford characters and unique over 100k calls', () => {
    const ids = new Set<string>();
    const now = Date.now();
    for (let i = 0; i < 100_000; i++) {
      const id = timeOrderedId(now);
      if (!ID.test(id)) throw new Error(`bad id ${id}`);
      ids.add(id);
    }
    expect(ids.size).toBe(100_000);
  });

  it('encodes the timestamp in its first 10 characters', () => {
    expect(timeOrderedId(0).slice(0, 10)).toBe('0000000000');
    expect(timeOrderedId(2 ** 48 - 1).slice(0, 10)).toBe('7zzzzzzzzz');
    const now = Date.UTC(2016, 9, 24, 8, 0, 0, 123);
    expect(decodeTimestamp(timeOrderedId(now))).toBe(now);
    expect(Math.abs(decodeTimestamp(timeOrderedId()) - Date.now())).toBeLessThan(5000);
  });

  it('sorts by time', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 48 - 2 }),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (t, delta) => {
          const later = Math.min(t + delta, 2 ** 48 - 1);
          expect(timeOrderedId(t) < timeOrderedId(later)).toBe(true);
        },
      ),
    );
    const times = Array.from({ length: 1000 }, () => Math.floor(Math.random() * 2 ** 47));
    const ids = times.map((t) => ({ t, id: timeOrderedId(t) }));
    const byId = [...ids].sort((a, b) => (a.id < b.id ? -1 : 1)).map((x) => x.t);
    expect(byId).toEqual([...times].sort((a, b) => a - b));
  });

  it('refuses timestamps outside 48 bits', () => {
    for (const bad of [-1, 2 ** 48, 1.5, Number.NaN]) expect(() => timeOrderedId(bad)).toThrow(CryptoError);
  });
});
