import type { Role } from '../../access/roles.js';
import type { RegisterPersonInput } from '../../registry/registry.schema.js';

/*
 * Test data for the reunification module's API tests. The harness types are stated structurally
 * here, so this file (under src/, compiled with the server) never pulls the test helpers in.
 */
// biome-ignore lint/suspicious/noExplicitAny: JSON bodies, asserted field by field in the tests.
type Response = { status: number; body: any; raw: string };
export interface TestUser {
  id: string;
  orgId: string;
  api: {
    get(url: string): Promise<Response>;
    post(url: string, body?: unknown): Promise<Response>;
    put(url: string, body?: unknown): Promise<Response>;
    patch(url: string, body?: unknown): Promise<Response>;
  };
}
interface Harness {
  createOrg(): Promise<{ id: string }>;
  createUser(roles: Role[], orgId?: string): Promise<TestUser>;
}

export interface ReunificationTeam {
  orgId: string;
  registrar: TestUser;
  officer: TestUser;
  caseworker: TestUser;
}

export async function buildTeam(h: Harness): Promise<ReunificationTeam> {
  const orgId = (await h.createOrg()).id;
  return {
    orgId,
    registrar: await h.createUser(['registration_officer'], orgId),
    officer: await h.createUser(['reunification_officer'], orgId),
    caseworker: await h.createUser(['caseworker'], orgId),
  };
}

/** Registers a person (by default an Eritrean boy of 15 who consented to tracing) and returns their id. */
export async function register(
  registrar: TestUser,
  overrides: Partial<RegisterPersonInput> & { age?: number; tracing?: boolean } = {},
): Promise<string> {
  const { age = 15, tracing = true, ...rest } = overrides;
  const body: RegisterPersonInput = {
    givenName: 'Abel',
    fathersName: 'Haile',
    sex: 'male',
    birthYear: new Date().getUTCFullYear() - age,
    ageEstimated: true,
    nationality: 'ERI',
    languages: ['ti'],
    consent: { basis: 'consent', purposes: tracing ? ['services', 'tracing'] : ['services'] },
    ...rest,
  };
  const response = await registrar.api.post('/api/people', body);
  if (response.status !== 201) throw new Error(`register: ${response.status} ${response.raw}`);
  return response.body.person.id as string;
}

/** A tracing request by a brother in the United Kingdom, looking for `sought`. */
export function brotherInUkRequest(sought: Record<string, unknown> = {}) {
  return {
    enquirer: {
      kind: 'outside',
      givenName: 'Tesfay',
      fathersName: 'Haile',
      phone: '+44 7700 900123',
      city: 'Leeds',
      country: 'GBR',
      legalStatus: 'refugee',
      consentToTracing: true,
    },
    sought: { givenName: 'Abel', fathersName: 'Haile', sex: 'male', age: 15, nationality: 'ERI', ...sought },
    relationship: 'sibling',
  };
}

/** A new relative abroad, for a reunification case body. */
export function relativeAbroad(overrides: Record<string, unknown> = {}) {
  return {
    kinship: 'sibling',
    country: 'DEU',
    legalStatus: 'refugee',
    givenName: 'Tesfay',
    fathersName: 'Haile',
    city: 'Hamburg',
    ...overrides,
  };
}
