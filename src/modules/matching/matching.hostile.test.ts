import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';

const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    'محمد عبدالله',
    'ተስፋይ ሃይለ',
    '\u202Egnp.exe',
    'a\u200Bb',
    '\u0000',
    '__proto__',
    'x'.repeat(400),
  ),
);
const anyValue = fc.oneof(
  anyText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(anyText, { maxLength: 3 }),
);

function bodyLike(keys: string[]) {
  return fc.record(Object.fromEntries(keys.map((k) => [k, anyValue])), { requiredKeys: [] });
}

describeEngines('matching: hostile input never causes a 5xx', (h) => {
  let reviewer: TestUser;
  beforeAll(async () => {
    reviewer = await h.createUser(['registration_officer']);
    await reviewer.api.post('/api/people', {
      givenName: 'Mohammed',
      familyName: 'Abdullah',
      sex: 'male',
      birthYear: 1995,
      consent: { basis: 'consent', purposes: ['services'] },
    });
  });

  it('on the search, with names in any script and any Unicode', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodyLike([
          'givenName',
          'familyName',
          'fullName',
          'originalScriptName',
          'birthYear',
          'sex',
          'nationality',
          'limit',
        ]),
        async (body) => {
          const response = await reviewer.api.post('/api/matching/search', body);
          expect(response.status).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 80 }), async (fullName) => {
        const response = await reviewer.api.post('/api/matching/search', { fullName });
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 40 },
    );
  });

  it('on decisions, runs and the queue', async () => {
    await fc.assert(
      fc.asyncProperty(bodyLike(['decision', 'reason']), anyText, async (body, id) => {
        const path = encodeURIComponent(id);
        expect((await reviewer.api.post(`/api/duplicates/${path}/decision`, body)).status).toBeLessThan(500);
        expect((await reviewer.api.post(`/api/duplicates/${path}/unmerge`, body)).status).toBeLessThan(500);
        expect((await reviewer.api.get(`/api/duplicates?cursor=${path}&status=${path}`)).status).toBeLessThan(
          500,
        );
        expect((await reviewer.api.get(`/api/matching/runs/${path}`)).status).toBeLessThan(500);
      }),
      { numRuns: 30 },
    );
  });
});
