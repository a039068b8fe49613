import type { Role } from '../../access/roles.js';
import { registerPerson, type TestUser } from '../../cases/testing/cases.fixture.js';

/*
 * Test data for the pathways module's API tests. The harness is typed structurally (as the cases
 * fixture does) so this file never pulls the test helpers into the server build.
 */
interface Harness {
  createOrg(): Promise<{ id: string }>;
  createUser(roles: Role[], orgId?: string): Promise<TestUser>;
}

/** One organisation that follows people's pathways, and a caseworker of another organisation. */
export interface PathwayTeam {
  orgId: string;
  registrar: TestUser;
  caseworker: TestUser;
  supervisor: TestUser;
  counsellor: TestUser;
  analyst: TestUser;
  outsider: TestUser;
  outsiderRegistrar: TestUser;
}

export async function buildPathwayTeam(h: Harness): Promise<PathwayTeam> {
  const orgId = (await h.createOrg()).id;
  const otherOrg = (await h.createOrg()).id;
  return {
    orgId,
    registrar: await h.createUser(['registration_officer'], orgId),
    caseworker: await h.createUser(['caseworker'], orgId),
    supervisor: await h.createUser(['case_supervisor'], orgId),
    counsellor: await h.createUser(['information_officer'], orgId),
    analyst: await h.createUser(['analyst'], orgId),
    outsider: await h.createUser(['caseworker'], otherOrg),
    outsiderRegistrar: await h.createUser(['registration_officer'], otherOrg),
  };
}

export { registerPerson, type TestUser };

/** Expects a 400 whose message names the field first. */
export function namesField(response: {
  status: number;
  body: { error?: { message?: string } };
  raw: string;
}) {
  return { status: response.status, field: response.body?.error?.message?.split(':')[0] ?? response.raw };
}
