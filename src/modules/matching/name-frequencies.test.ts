import { beforeAll, expect, it } from 'vitest';
import { buildPerson } from '../../../test/factories/people.js';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { MIN_PEOPLE_FOR_FREQUENCIES, nameFrequencies, registryStats } from './name-frequencies.js';
import { registerMany, strangers } from './testing/registry.fixture.js';

const COMMON = 40;

describeEngines('name frequencies from the blind index', (h) => {
  let registrar: TestUser;

  beforeAll(async () => {
    registrar = await h.createUser(['registration_officer']);
    const common = Array.from({ length: COMMON }, (_, i) =>
      buildPerson({ givenName: 'Mohammed', familyName: 'Ali', fathersName: undefined, birthYear: 1960 + i }),
    );
    const rare = buildPerson({
      givenName: 'Ghebremedhin',
      familyName: 'Tesfay',
      fathersName: undefined,
      birthYear: 1990,
    });
    await registerMany(h, registrar, [...common, rare, ...strangers(MIN_PEOPLE_FOR_FREQUENCIES)]);
  }, 120_000);

  it('counts the people who share a name, in any spelling, without decrypting anyone', async () => {
    const stats = await registryStats(h.db);
    expect(stats.people).toBe(COMMON + 1 + MIN_PEOPLE_FOR_FREQUENCIES);
    const frequencies = await nameFrequencies(
      h.db,
      h.keys,
      new Map([
        ['common', 'Muhammad Aly'],
        ['rare', 'Ghebremedhin Tesfay'],
        ['unknown', 'Zzyzx Qwrt'],
      ]),
      stats,
    );
    expect(frequencies.common! * stats.people).toBeCloseTo(COMMON, 0);
    expect(frequencies.rare! * stats.people).toBeCloseTo(1, 0);
    expect(frequencies.unknown).toBeUndefined();
  });

  it('gives a rare name agreeing more weight than a common one', async () => {
    const weightOf = async (fullName: string) => {
      const response = await registrar.api.post('/api/matching/search', { fullName, limit: 50 });
      expect(response.status).toBe(200);
      const first = response.body.candidates[0];
      return first.explanation.find((e: { field: string }) => e.field === 'name').weight as number;
    };
    const common = await weightOf('Mohammed Ali');
    const rare = await weightOf('Ghebremedhin Tesfay');
    expect(rare - common).toBeGreaterThan(4);
    expect(common).toBeGreaterThan(0);
  });
});
