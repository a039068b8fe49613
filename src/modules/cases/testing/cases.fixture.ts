import type { Role } from '../../access/roles.js';
import type { RegisterPersonInput } from '../../registry/registry.schema.js';

/*
 * Test data for the cases module's API tests. The harness types are stated structurally here, so
 * this file (under src/, compiled with the server) never pulls the test helpers into the build.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies, asserted field by field in the tests (as test/helpers do).
type Response = { status: number; body: any; raw: string };
export interface TestUser {
  id: string;
  orgId: string;
  email: string;
  token: string;
  api: {
    get(url: string): Promise<Response>;
    post(url: string, body?: unknown): Promise<Response>;
    patch(url: string, body?: unknown): Promise<Response>;
  };
}
interface Harness {
  createOrg(): Promise<{ id: string }>;
  createUser(roles: Role[], orgId?: string): Promise<TestUser>;
}

/** A valid registration body (an adult Eritrean man); override what the test is about. */
export function buildPerson(overrides: Partial<RegisterPersonInput> = {}): RegisterPersonInput {
  return {
    givenName: 'Yonas',
    fathersName: 'Tesfay',
    sex: 'male',
    birthYear: 1998,
    ageEstimated: true,
    nationality: 'ERI',
    languages: ['ti'],
    consent: { basis: 'consent', purposes: ['services', 'referral'] },
    ...overrides,
  };
}

/** One organisation's case team: a registration officer, two caseworkers, two supervisors. */
export interface CaseTeam {
  orgId: string;
  registrar: TestUser;
  caseworker: TestUser;
  colleague: TestUser;
  supervisor: TestUser;
  supervisor2: TestUser;
}

export async function buildCaseTeam(h: Harness): Promise<CaseTeam> {
  const orgId = (await h.createOrg()).id;
  return {
    orgId,
    registrar: await h.createUser(['registration_officer'], orgId),
    caseworker: await h.createUser(['caseworker'], orgId),
    colleague: await h.createUser(['caseworker'], orgId),
    supervisor: await h.createUser(['case_supervisor'], orgId),
    supervisor2: await h.createUser(['case_supervisor'], orgId),
  };
}

/** Registers a person through the API and returns their id. A child alone when `age` < 18. */
export async function registerPerson(
  user: TestUser,
  overrides: Partial<RegisterPersonInput> & { age?: number } = {},
): Promise<string> {
  const { age, ...rest } = overrides;
  const body = buildPerson({
    ...(age !== undefined ? { birthYear: new Date().getUTCFullYear() - age } : {}),
    ...rest,
  });
  const response = await user.api.post('/api/people', body);
  if (response.status !== 201) throw new Error(`register: ${response.status} ${response.raw}`);
  return response.body.person.id as string;
}

export async function openCase(
  user: TestUser,
  personId: string,
  body: { type?: string; risk?: string; riskReason?: string; assignedUserId?: string } = {},
) {
  const response = await user.api.post('/api/cases', {
    personId,
    type: body.type ?? 'child_protection',
    risk: body.risk ?? 'medium',
    ...(body.riskReason ? { riskReason: body.riskReason } : {}),
    ...(body.assignedUserId ? { assignedUserId: body.assignedUserId } : {}),
  });
  if (response.status !== 201) throw new Error(`open case: ${response.status} ${response.raw}`);
  return response.body as { id: string; status: string; risk: string; version: number };
}

export function childProtectionAssessment(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'child_protection',
    answers: {
      careArrangement: 'alone',
      accommodation: 'tent_in_camp',
      safetyConcerns: ['smuggler_pressure'],
      urgentHealthNeed: false,
      education: 'not_in_school',
      familyContact: 'occasional',
      relativesAbroad: true,
      wishes: 'Wants to join his brother in Birmingham',
      ...overrides,
    },
  };
}

export function biaAssessment() {
  return {
    kind: 'bia',
    answers: {
      childViews: 'Wants to be with his brother',
      familySituation: 'Brother in the UK, parents in Sudan',
      safety: 'Pressure from smugglers to pay for crossings',
      options: ['family_reunification'],
      recommendation: 'Family reunification under Dublin III article 8',
      bidRequired: true,
    },
  };
}

export function generalAssessment(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'general',
    answers: {
      immediateDanger: false,
      safetyConcerns: [],
      needs: ['health'],
      wishes: 'Safe shelter',
      ...overrides,
    },
  };
}

export function traffickingAssessment(indicators: string[]) {
  return { kind: 'trafficking', answers: { indicators, source: 'interview' } };
}

/** A plan with one action due in `days` days. */
export function planBody(days = 7) {
  const byWhen = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    goals: 'Safe accommodation and a family reunification request',
    actions: [{ what: 'Place in a centre for minors', who: 'caseworker', byWhen }],
  };
}

/** Moves a child protection case of a child alone to implementation, the way a team would. */
export async function toImplementation(team: CaseTeam, caseId: string) {
  const { caseworker, supervisor } = team;
  const steps: Array<[string, unknown]> = [
    [`/api/cases/${caseId}/transitions`, { to: 'assessment' }],
    [`/api/cases/${caseId}/assessments`, childProtectionAssessment()],
    [`/api/cases/${caseId}/assessments`, biaAssessment()],
    [`/api/cases/${caseId}/transitions`, { to: 'case_plan' }],
    [`/api/cases/${caseId}/plans`, planBody()],
    [`/api/cases/${caseId}/approvals`, { kind: 'plan' }],
  ];
  for (const [url, body] of steps) {
    const response = await caseworker.api.post(url, body);
    if (response.status >= 300) throw new Error(`${url}: ${response.status} ${response.raw}`);
  }
  const detail = await caseworker.api.get(`/api/cases/${caseId}`);
  const approval = detail.body.approvals.find((a: { status: string }) => a.status === 'pending');
  const decided = await supervisor.api.post(`/api/cases/${caseId}/approvals/${approval.id}/decision`, {
    decision: 'approved',
  });
  if (decided.status !== 200) throw new Error(`approve plan: ${decided.raw}`);
  const moved = await caseworker.api.post(`/api/cases/${caseId}/transitions`, { to: 'implementation' });
  if (moved.status !== 200) throw new Error(`implementation: ${moved.raw}`);
}
