import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateMultilingualSet, truePairsOf } from '../../../../test/factories/matching/multilingual.js';
import { foldName } from '../transliteration/index.js';
import {
  birthLevel,
  compareRecords,
  comparisonSpecs,
  MISSING,
  nameLevel,
  withinOneEdit,
} from './comparisons.js';
import { dedupe, link } from './linkage.js';
import { defaultModel, pairWeight } from './model.js';
import { type MatchInput, parseBirth, toMatchRecord } from './record.js';

function f1(predicted: Array<{ left: string; right: string }>, truth: Set<string>) {
  const keys = new Set(predicted.map((p) => [p.left, p.right].sort().join('|')));
  const hits = [...keys].filter((k) => truth.has(k)).length;
  const precision = keys.size ? hits / keys.size : 0;
  const recall = hits / truth.size;
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
}

describe('field comparisons', () => {
  it('recognises one edit, one swap, and nothing more', () => {
    expect(withinOneEdit('19810312', '19810322')).toBe(true);
    expect(withinOneEdit('19810312', '19810321')).toBe(true);
    expect(withinOneEdit('1234567', '123456')).toBe(true);
    expect(withinOneEdit('1234567', '1234598')).toBe(false);
  });

  it('reads 1 January as a year only, and tolerates estimated ages', () => {
    const jan = parseBirth({ id: 'a', birthDate: '1999-01-01' })!;
    const exact = parseBirth({ id: 'b', birthDate: '1999-06-14' })!;
    expect(jan.month).toBeNull();
    expect(birthLevel(jan, exact)).toBe(2);
    const estimated = parseBirth({ id: 'c', birthYear: 1996, ageEstimated: true })!;
    expect(birthLevel(estimated, exact)).toBe(4);
    expect(birthLevel(parseBirth({ id: 'd', birthYear: 1980 })!, exact)).toBe(6);
    expect(birthLevel(exact, null)).toBe(MISSING);
  });

  it('grades names by what happened to their parts', () => {
    expect(nameLevel('Mohammed Abdullah', 'Mohammed Abdullah')).toBe(0);
    expect(nameLevel('Mohammed Abdullah', 'عبدالله محمد')).toBe(1);
    expect(nameLevel('Abel Woldu Berhe', 'Abel Woldu')).toBe(3);
    expect(nameLevel('Abel Woldu Berhe', 'Yonas Woldu Berhe')).toBe(4);
    expect(nameLevel('Abel Woldu', 'Fatima Zahra')).toBe(5);
    expect(nameLevel('', 'Fatima')).toBe(MISSING);
  });

  it('meets a registration written only in the original script with its Latin twin', () => {
    const latin = toMatchRecord({ id: 'l', givenName: 'Tesfay', fathersName: 'Haile', birthYear: 1998 });
    const script = toMatchRecord({ id: 's', originalScriptName: 'ተስፋይ ሃይለ', birthYear: 1998 });
    const levels = compareRecords(latin, script, new Uint8Array(comparisonSpecs([]).length));
    expect(levels[0]).toBeLessThanOrEqual(1);
  });
});

describe('Fellegi–Sunter linkage', () => {
  const set = generateMultilingualSet(500, 3);
  const truth = truePairsOf(set);

  it('deduplicates a multilingual set far better than exact name + birth year', () => {
    const result = dedupe(set.records, { uSamples: 5000 });
    const engine = f1(result.pairs, truth);
    const key = (r: MatchInput) =>
      `${foldName(`${r.givenName ?? ''} ${r.familyName ?? r.fathersName ?? ''}`)}|${r.birthYear ?? r.birthDate?.slice(0, 4)}`;
    const groups = new Map<string, string[]>();
    for (const r of set.records) groups.set(key(r), [...(groups.get(key(r)) ?? []), r.id]);
    const baseline = [...groups.values()].flatMap((g) =>
      g.flatMap((a, i) => g.slice(i + 1).map((b) => ({ left: a, right: b }))),
    );
    expect(engine).toBeGreaterThan(0.8);
    expect(engine).toBeGreaterThan(f1(baseline, truth) + 0.3);
    expect(result.model.trainedOn?.candidatePairs).toBeGreaterThan(0);
    for (const pair of result.pairs) expect(pair.probability).toBeGreaterThanOrEqual(0.5);
  });

  it('links two files, each person found across them', () => {
    const left = set.records.filter((r) => r.id.endsWith('-r0'));
    const right = set.records.filter((r) => r.id.endsWith('-r1'));
    const expected = new Set(right.map((r) => [r.id.replace(/-r1$/, '-r0'), r.id].sort().join('|')));
    expect(f1(link(left, right, { uSamples: 5000 }).pairs, expected)).toBeGreaterThan(0.8);
  });

  it('scores symmetrically and ignores name order and case', () => {
    const specs = comparisonSpecs([]);
    const model = defaultModel(specs);
    const names = fc.constantFrom(
      'Mohammed',
      'Abdullah',
      'Tesfay',
      'Haile',
      'محمد',
      'Zahra',
      'Ahmadi',
      'Yonas',
    );
    const person = fc.record({
      given: names,
      family: names,
      year: fc.integer({ min: 1950, max: 2020 }),
      sex: fc.constantFrom('male', 'female', null),
    });
    fc.assert(
      fc.property(person, person, (p, q) => {
        const a = toMatchRecord({
          id: 'a',
          givenName: p.given,
          familyName: p.family,
          birthYear: p.year,
          sex: p.sex,
        });
        const b = toMatchRecord({
          id: 'b',
          givenName: q.given,
          familyName: q.family,
          birthYear: q.year,
          sex: q.sex,
        });
        const swapped = toMatchRecord({
          id: 'c',
          givenName: p.family.toUpperCase(),
          familyName: p.given.toUpperCase(),
          birthYear: p.year,
          sex: p.sex,
        });
        const ab = pairWeight(model, compareRecords(a, b, new Uint8Array(specs.length)), a, b);
        const ba = pairWeight(model, compareRecords(b, a, new Uint8Array(specs.length)), b, a);
        const swappedB = pairWeight(
          model,
          compareRecords(swapped, b, new Uint8Array(specs.length)),
          swapped,
          b,
        );
        expect(ab).toBeCloseTo(ba, 9);
        expect(swappedB).toBeCloseTo(ab, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('never fails on any Unicode in any field', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            g: fc.string({ unit: 'binary', maxLength: 30 }),
            f: fc.string({ maxLength: 30 }),
            d: fc.string({ maxLength: 12 }),
          }),
          { maxLength: 30 },
        ),
        (rows) => {
          const inputs = rows.map((r, i) => ({
            id: `r${i}`,
            givenName: r.g,
            familyName: r.f,
            birthDate: r.d,
          }));
          const result = dedupe(inputs, { uSamples: 500 });
          for (const pair of result.pairs) expect(pair.probability).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 30 },
    );
  });
});
