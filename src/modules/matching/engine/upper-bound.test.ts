import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_THRESHOLDS } from '../registry-matcher.js';
import { compareRecords, comparisonSpecs } from './comparisons.js';
import { defaultModel, explainPair, pairWeight, probabilityOf } from './model.js';
import { type MatchInput, toMatchRecord } from './record.js';
import { couldReach, type PlainColumns } from './upper-bound.js';

// Few names, so that pairs often agree exactly, in another spelling or script, or in part.
const NAMES = [
  ['Mohammed', 'Abdullah'],
  ['Muhammad', 'Abdallah'],
  ['Mohamed', 'Ali'],
  ['Tesfay', 'Gebremedhin'],
  ['Tesfai', 'Ghebremedhin'],
  ['Ahmad', 'Karimi'],
] as const;
const SCRIPTS = ['محمد عبدالله', 'احمد کریمی', null] as const;
const CLOSE_BIRTH = new Set(['exact', 'typo', 'sameYear', 'yearWithin1']);

const person = fc.record({
  name: fc.constantFrom(...NAMES),
  script: fc.constantFrom(...SCRIPTS),
  sex: fc.constantFrom('male', 'female', 'other', null),
  // Dates that differ by a digit or two swapped digits come up (1985 / 1958 / 1986).
  year: fc.constantFrom(1958, 1975, 1984, 1985, 1986, 1989, 1995, 2005, 2010),
  // Few days, so that two dates often differ only in the year (a typo) or swap day and month.
  month: fc.constantFrom(1, 3, 12),
  day: fc.constantFrom(1, 3, 12),
  fullDate: fc.boolean(),
  estimated: fc.boolean(),
  nationality: fc.constantFrom('AFG', 'ERI', 'SDN', 'afg', null),
  place: fc.constantFrom('Kabul', 'Kabol', 'Asmara', null),
});

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

function inputOf(p: Person, id: string): MatchInput {
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    id,
    givenName: p.name[0],
    familyName: p.name[1],
    originalScriptName: p.script,
    sex: p.sex,
    birthDate: p.fullDate ? `${p.year}-${pad(p.month)}-${pad(p.day)}` : null,
    birthYear: p.year,
    ageEstimated: p.estimated,
    nationality: p.nationality,
    placeOfOrigin: p.place,
  };
}

function plainOf(p: Person): PlainColumns {
  return { sex: p.sex, birthYear: p.year, ageEstimated: p.estimated, nationality: p.nationality };
}

describe('the bound on what a candidate could score', () => {
  it('never rules out a candidate that would reach the low band or be shown as a namesake', () => {
    const specs = comparisonSpecs([]);
    fc.assert(
      fc.property(
        person,
        person,
        fc.integer({ min: 50, max: 1_000_000 }),
        fc.constantFrom(undefined, 0.2, 0.01, 0.0005),
        fc.option(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), { nil: undefined }),
        (probePerson, candidatePerson, people, probeFrequency, candidateFrequency) => {
          const model = defaultModel(specs);
          model.lambda = 1 / people;
          const probe = toMatchRecord(inputOf(probePerson, 'probe'));
          const candidate = toMatchRecord(inputOf(candidatePerson, 'candidate'));
          // Frequencies as registry-matcher counts them: at least one person among `people`.
          const floor = (f: number | undefined) => (f === undefined ? undefined : Math.max(f, 1 / people));
          const table: Record<string, number> = {};
          const probeCount = floor(probeFrequency);
          const candidateCount = floor(candidateFrequency);
          if (candidateCount !== undefined) table[candidate.nameTerm] = candidateCount;
          if (probeCount !== undefined) table[probe.nameTerm] = probeCount;
          model.termFrequencies = { name: table };

          const levels = compareRecords(probe, candidate, new Uint8Array(specs.length));
          const probability = probabilityOf(pairWeight(model, levels, probe, candidate));
          const explanation = explainPair(model, levels, probe, candidate);
          const level = (field: string) => explanation.find((e) => e.field === field)?.level;
          const namesake =
            levels[0]! <= 2 && CLOSE_BIRTH.has(level('birthDate') ?? '') && level('sex') !== 'disagree';
          const shown = probability >= BAND_THRESHOLDS.low || namesake;

          const bound = couldReach(model, probe, plainOf(candidatePerson), BAND_THRESHOLDS.low, {
            frequency: table[probe.nameTerm],
            people,
          });
          if (shown) expect(bound).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('rules out a namesake decades apart in a large registry, and keeps one of the same age', () => {
    const specs = comparisonSpecs([]);
    const model = defaultModel(specs);
    model.lambda = 1 / 100_000;
    const probe = toMatchRecord({
      id: 'probe',
      givenName: 'Ahmad',
      familyName: 'Karimi',
      sex: 'male',
      birthYear: 1990,
      ageEstimated: false,
      nationality: 'AFG',
    });
    const name = { frequency: 0.001, people: 100_000 };
    const plain = (birthYear: number): PlainColumns => ({
      sex: 'male',
      birthYear,
      ageEstimated: false,
      nationality: 'AFG',
    });
    expect(couldReach(model, probe, plain(1960), BAND_THRESHOLDS.low, name)).toBe(false);
    expect(couldReach(model, probe, plain(1991), BAND_THRESHOLDS.low, name)).toBe(true);
    // A name nobody else holds weighs more: the same gap may then still reach the band.
    expect(
      couldReach(model, probe, plain(1984), BAND_THRESHOLDS.low, { frequency: undefined, people: 100_000 }),
    ).toBe(true);
  });
});
