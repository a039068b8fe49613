import { describe, expect, it } from 'vitest';
import { generateMultilingualSet } from '../../../../test/factories/matching/multilingual.js';
import { nameLevelOf, referenceNameLevel } from './name-levels.js';

describe('name levels on interned tokens', () => {
  it('equal the levels of compareNames on generated names, neighbours and strangers', () => {
    const set = generateMultilingualSet(1500, 3);
    const names = set.records.flatMap((r) => {
      const full = [r.givenName, r.fathersName, r.familyName].filter(Boolean).join(' ');
      return [full, r.originalScriptName ?? ''].filter(Boolean);
    });
    let state = 7;
    const next = () => {
      state = (state * 1103515245 + 12345) & 0x7fffffff;
      return state / 0x7fffffff;
    };
    const differences: string[] = [];
    for (let k = 0; k < 20_000; k += 1) {
      const i = Math.floor(next() * names.length);
      // Every other pair is a record and one of its next neighbours (often the same person).
      const j =
        k % 2
          ? Math.min(names.length - 1, i + 1 + Math.floor(next() * 4))
          : Math.floor(next() * names.length);
      const [a, b] = [names[i]!, names[j]!];
      if (nameLevelOf(a, b) !== referenceNameLevel(a, b)) differences.push(`${a} / ${b}`);
    }
    expect(differences).toEqual([]);
  });

  it('reads joined and separate compounds, repeated tokens and empty analyses alike', () => {
    const pairs: Array<[string, string]> = [
      ['Ali Reza Ahmadi', 'Alireza Ahmadi'],
      ['Wolde Mikael Tesfay', 'Woldemichael'],
      ['Ali Ali Hassan', 'Ali Hassan'],
      ['Mr', 'Ali'],
      ['Abd al Rahman', 'Abdulrahman Ali'],
      ['محمد علي', 'Mohammed Ali Hassan'],
    ];
    for (const [a, b] of pairs) {
      expect(nameLevelOf(a, b)).toBe(referenceNameLevel(a, b));
      expect(nameLevelOf(b, a)).toBe(referenceNameLevel(b, a));
    }
  });
});
