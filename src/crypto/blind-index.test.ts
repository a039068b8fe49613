import { createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindIndex } from './blind-index.js';
import { CryptoError } from './errors.js';

const key = randomBytes(32);

/** The specification, written with createHmac only. */
function reference(k: Buffer, kind: string, value: string, bits: number): string {
  const subkey = createHmac('sha256', k).update(`kind:${kind}`).digest();
  const digest = createHmac('sha256', subkey).update(`${kind}\u0000${value}`).digest();
  const bigint = BigInt(`0x${digest.toString('hex', 0, 8)}`) >> BigInt(64 - bits);
  const nibbles = Math.ceil(bits / 4);
  return (bigint << BigInt(nibbles * 4 - bits)).toString(16).padStart(nibbles, '0');
}

describe('blindIndex', () => {
  it('is deterministic and matches the HMAC specification', () => {
    expect(blindIndex(key, 'name', 'mohamed')).toBe(blindIndex(key, 'name', 'mohamed'));
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((k) => !k.includes('\u0000')),
        fc.string({ unit: 'binary' }),
        fc.integer({ min: 8, max: 64 }),
        (kind, value, bits) => {
          expect(blindIndex(key, kind, value, bits)).toBe(reference(key, kind, value, bits));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('differs per kind and per key', () => {
    const other = randomBytes(32);
    const values = Array.from({ length: 200 }, (_, i) => `value-${i}`);
    const differ = (f: (v: string) => string, g: (v: string) => string) =>
      values.filter((v) => f(v) !== g(v)).length;
    // 64 bits: an accidental equality would be a 2^-64 event.
    expect(
      differ(
        (v) => blindIndex(key, 'name', v, 64),
        (v) => blindIndex(key, 'skeleton', v, 64),
      ),
    ).toBe(200);
    expect(
      differ(
        (v) => blindIndex(key, 'name', v, 64),
        (v) => blindIndex(other, 'name', v, 64),
      ),
    ).toBe(200);
  });

  it('has the right length, with unused low bits zero', () => {
    for (let bits = 8; bits <= 64; bits++) {
      const out = blindIndex(key, 'name', 'amina', bits);
      expect(out).toMatch(/^[0-9a-f]+$/);
      expect(out.length).toBe(Math.ceil(bits / 4));
      const spare = out.length * 4 - bits;
      expect(Number.parseInt(out.at(-1)!, 16) & ((1 << spare) - 1)).toBe(0);
      // Truncation is a prefix of the longer index.
      expect(blindIndex(key, 'name', 'amina', 64).startsWith(out.slice(0, Math.floor(bits / 4)))).toBe(true);
    }
  });

  it('shares index values between many values when bits is small', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `name-${i}`);
    const at8 = new Set(values.map((v) => blindIndex(key, 'name', v, 8)));
    expect(at8.size).toBeLessThanOrEqual(256);
    expect(at8.size).toBeGreaterThan(200);
    const at10 = new Set(values.map((v) => blindIndex(key, 'name', v, 10)));
    expect(at10.size).toBeLessThanOrEqual(1024);
    expect(at10.size).toBeLessThan(1000);
    const at64 = new Set(values.map((v) => blindIndex(key, 'name', v, 64)));
    expect(at64.size).toBe(1000);
  });

  it('refuses bad arguments', () => {
    expect(() => blindIndex(Buffer.alloc(16), 'name', 'x')).toThrow(CryptoError);
    expect(() => blindIndex(key, '', 'x')).toThrow(CryptoError);
    expect(() => blindIndex(key, 'a\u0000b', 'x')).toThrow(CryptoError);
    for (const bits of [7, 65, 12.5, Number.NaN]) {
      expect(() => blindIndex(key, 'name', 'x', bits)).toThrow(CryptoError);
    }
  });

  it('measures throughput (logged, not asserted)', () => {
    const values = Array.from({ length: 1000 }, (_, i) => `mohammed al-${i}`);
    const kinds = ['name', 'name-skeleton', 'phonetic', 'birth-year'];
    for (let i = 0; i < 20_000; i++) blindIndex(key, kinds[i % 4]!, values[i % 1000]!);
    const calls = 300_000;
    const started = process.hrtime.bigint();
    for (let i = 0; i < calls; i++) blindIndex(key, kinds[i % 4]!, values[i % 1000]!);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    console.log(`blindIndex: ${Math.round(calls / seconds).toLocaleString('en')} calls/s`);
  });
});
