import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  brotherInUkRequest,
  buildTeam,
  type ReunificationTeam,
  register,
  relativeAbroad,
} from './testing/reunification.fixture.js';

const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '\u202Egnp.exe',
    '\u0000',
    '__proto__',
    'x'.repeat(3000),
    '2016-02-30',
    '9999-99-99',
  ),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(nasty, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const shaped = (keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });

describeEngines('hostile input to tracing and reunification never causes a 5xx', (h) => {
  let team: ReunificationTeam;
  let caseId = '';
  let requestId = '';
  let personId = '';

  beforeAll(async () => {
    team = await buildTeam(h);
    personId = await register(team.registrar, { birthYear: 2001 });
    const opened = await team.officer.api.post('/api/reunification-cases', {
      personId,
      legalBasis: 'dublin_art8',
      applicationLodgedOn: '2016-02-10',
      relatives: [relativeAbroad()],
    });
    caseId = opened.body.id;
    requestId = (await team.officer.api.post('/api/tracing-requests', brotherInUkRequest())).body.id;
  });

  it('on tracing requests and family links', async () => {
    const base = brotherInUkRequest();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          shaped(['enquirer', 'sought', 'relationship']),
          fc.record({
            enquirer: shaped(Object.keys(base.enquirer)),
            sought: shaped(Object.keys(base.sought)),
            relationship: value,
          }),
        ),
        shaped(['kinship', 'country', 'legalStatus', 'givenName', 'relativePersonId', 'email']),
        async (request, link) => {
          expect((await team.officer.api.post('/api/tracing-requests', request)).status).toBeLessThan(500);
          expect(
            (await team.officer.api.post(`/api/people/${personId}/family-links`, link)).status,
          ).toBeLessThan(500);
          expect(
            (await team.officer.api.post(`/api/tracing-requests/${requestId}/status`, link)).status,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on reunification cases, transitions and dates', async () => {
    await fc.assert(
      fc.asyncProperty(
        shaped(['personId', 'legalBasis', 'applicationLodgedOn', 'eurodacHitOn', 'relatives']),
        shaped(['to', 'on', 'urgent', 'deemed', 'transferDate', 'reason']),
        shaped(['eurodacHitOn', 'requestUrgent', 'transferExtension', 'appealDecidedOn']),
        async (create, transition, patch) => {
          expect((await team.officer.api.post('/api/reunification-cases', create)).status).toBeLessThan(500);
          const moved = await team.officer.api.post(
            `/api/reunification-cases/${caseId}/transitions`,
            transition,
          );
          expect(moved.status).toBeLessThan(500);
          expect(
            (await team.officer.api.patch(`/api/reunification-cases/${caseId}`, patch)).status,
          ).toBeLessThan(500);
        },
      ),
      { numRuns: 40 },
    );
  });
});
