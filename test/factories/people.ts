import type { RegisterPersonInput } from '../../src/modules/registry/registry.schema.js';

/** A valid registration body with sensible defaults; override what the test is about. */
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
