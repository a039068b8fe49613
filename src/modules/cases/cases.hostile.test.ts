import fc from 'fast-check';
import { beforeAll, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import { ALL_INDICATORS } from './assessments.schema.js';
import { ASSESSMENT_KINDS, CASE_RISKS, CASE_STATUSES, CASE_TYPES, SERVICE_KINDS } from './cases.schema.js';
import {
  buildCaseTeam,
  type CaseTeam,
  childProtectionAssessment,
  openCase,
  registerPerson,
} from './testing/cases.fixture.js';

// DESIGN.md: random bodies on every input schema never produce a 5xx. Values mix valid ones (so
// requests get past validation into the services) with strings people and attackers send.
const nasty = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    "' OR 1=1 --",
    '\u202Egnp.exe',
    '\u0000',
    '__proto__',
    'x'.repeat(5000),
    '2016-02-30',
    '\uD800',
  ),
);
const json = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(nasty, tie('v'), { maxKeys: 3 }),
  ),
})).v;
const or = <T>(valid: fc.Arbitrary<T>) => fc.oneof(valid, json);
const date = fc.oneof(
  fc.constantFrom('2016-02-29', new Date().toISOString().slice(0, 10), '2999-01-01'),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const body = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields, { requiredKeys: [] });

describeEngines('cases: hostile input never causes a 5xx', (h) => {
  let team: CaseTeam;
  let caseId: string;
  let personId: string;

  beforeAll(async () => {
    team = await buildCaseTeam(h);
    personId = await registerPerson(team.registrar, { age: 15 });
    caseId = (await openCase(team.caseworker, personId)).id;
    await team.caseworker.api.post(`/api/cases/${caseId}/transitions`, { to: 'assessment' });
    await team.caseworker.api.post(`/api/cases/${caseId}/assessments`, childProtectionAssessment());
  });

  const never5xx = async (responses: Array<Promise<{ status: number; raw: string }>>) => {
    for (const response of await Promise.all(responses))
      expect(response.status, response.raw).toBeLessThan(500);
  };

  it('on opening, updating and moving cases', async () => {
    await fc.assert(
      fc.asyncProperty(
        body({
          personId: or(fc.constant(personId)),
          type: or(fc.constantFrom(...CASE_TYPES)),
          risk: or(fc.constantFrom(...CASE_RISKS)),
          riskReason: json,
          householdId: json,
          assignedUserId: or(fc.constant(team.colleague.id)),
          version: json,
          to: or(fc.constantFrom(...CASE_STATUSES)),
          reason: json,
        }),
        async (input) =>
          never5xx([
            team.supervisor.api.post('/api/cases', input),
            team.caseworker.api.patch(`/api/cases/${caseId}`, input),
            team.caseworker.api.post(`/api/cases/${caseId}/transitions`, input),
            team.supervisor.api.post(`/api/cases/${caseId}/reassign`, input),
          ]),
      ),
      { numRuns: 30 },
    );
  });

  it('on assessments and plans', async () => {
    const answers = body({
      indicators: or(fc.subarray(ALL_INDICATORS)),
      careArrangement: json,
      safetyConcerns: json,
      wishes: json,
      options: json,
      immediateDanger: json,
      source: or(fc.constant('interview')),
    });
    const action = body({
      what: json,
      who: json,
      userId: json,
      orgId: json,
      whoLabel: json,
      byWhen: or(date),
    });
    await fc.assert(
      fc.asyncProperty(
        body({ kind: or(fc.constantFrom(...ASSESSMENT_KINDS)), answers: or(answers) }),
        body({ goals: json, actions: or(fc.array(action, { maxLength: 3 })) }),
        async (assessment, plan) =>
          never5xx([
            team.caseworker.api.post(`/api/cases/${caseId}/assessments`, assessment),
            team.caseworker.api.post(`/api/cases/${caseId}/plans`, plan),
            team.caseworker.api.patch(
              `/api/cases/${caseId}/actions/x${Math.random()}`.replace('.', ''),
              plan,
            ),
          ]),
      ),
      { numRuns: 30 },
    );
  });

  it('on records of work, flags, approvals and files', async () => {
    await fc.assert(
      fc.asyncProperty(
        body({
          kind: or(fc.constantFrom('visit', 'plan', 'closure')),
          occurredOn: or(date),
          providedOn: or(date),
          notes: json,
          text: json,
          service: or(fc.constantFrom(...SERVICE_KINDS)),
          flag: or(fc.constantFrom('missing', 'safety_risk')),
          reason: json,
          closureReason: json,
          decision: json,
          filename: json,
          content: or(fc.base64String({ maxLength: 200 })),
        }),
        async (input) =>
          never5xx([
            team.caseworker.api.post(`/api/cases/${caseId}/follow-ups`, input),
            team.caseworker.api.post(`/api/cases/${caseId}/notes`, input),
            team.caseworker.api.post(`/api/cases/${caseId}/services`, input),
            team.caseworker.api.post(`/api/cases/${caseId}/flags`, input),
            team.caseworker.api.post(`/api/cases/${caseId}/approvals`, input),
            team.caseworker.api.post(`/api/cases/${caseId}/attachments`, input),
          ]),
      ),
      { numRuns: 30 },
    );
  });

  it('on referrals and query strings', async () => {
    await fc.assert(
      fc.asyncProperty(
        body({
          kind: or(fc.constantFrom('referral', 'transfer')),
          toOrgId: or(fc.constant(team.orgId)),
          service: or(fc.constantFrom(...SERVICE_KINDS)),
          urgent: json,
          note: json,
          consentOverride: json,
          decision: or(fc.constantFrom('accepted', 'rejected')),
        }),
        fc.string({ maxLength: 60 }),
        async (input, query) =>
          never5xx([
            team.supervisor.api.post(`/api/cases/${caseId}/referrals`, input),
            team.caseworker.api.post(`/api/referrals/x/decision`, input),
            team.caseworker.api.get(`/api/cases?${encodeURIComponent(query)}=${encodeURIComponent(query)}`),
            team.caseworker.api.get(`/api/cases?cursor=${encodeURIComponent(query)}`),
            team.caseworker.api.get(`/api/alerts?cursor=${encodeURIComponent(query)}`),
            team.caseworker.api.get(`/api/referrals?direction=${encodeURIComponent(query)}`),
          ]),
      ),
      { numRuns: 30 },
    );
  });
});
