import type { KeyRing } from '../../../crypto/index.js';
import type { DB } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { runOneJob } from '../../../server/jobs/jobs.service.js';
import { SYSTEM_ACTOR } from '../../access/actor.js';
import { bulkRegister } from '../../registry/bulk-registration.js';
import type { RegisterPersonInput } from '../../registry/registry.schema.js';
import { registerDedupeJob } from '../dedupe-run.service.js';

/*
 * Test data for the matching module's tests. The harness is described structurally, so this file
 * (under src/, compiled with the server) never pulls the test helpers into the build.
 */
export interface FixtureHarness {
  db: DB;
  keys: KeyRing;
  engine: string;
  clock: { now: () => Date };
  systemContext(): ServiceContext;
}

/** A valid registration with sensible defaults; override what the test is about. */
export function person(overrides: Partial<RegisterPersonInput> = {}): RegisterPersonInput {
  return {
    givenName: 'Yonas',
    sex: 'male',
    birthYear: 1998,
    ageEstimated: true,
    nationality: 'ERI',
    consent: { basis: 'consent', purposes: ['services', 'referral'] },
    ...overrides,
  };
}

/** Registers many people at once (same rows and audit as the API), as `user` of their organisation. */
export async function registerMany(
  h: FixtureHarness,
  user: { id: string; orgId: string },
  people: RegisterPersonInput[],
) {
  const actor = { ...SYSTEM_ACTOR, userId: user.id, orgId: user.orgId, via: 'token' as const };
  await bulkRegister({ ...h.systemContext(), actor }, { singles: people, households: [] });
}

const GIVEN = ['Abel', 'Dawit', 'Samir', 'Karim', 'Omid', 'Reza', 'Amina', 'Leila', 'Hawa', 'Saba'];
const FAMILY = ['Okbay', 'Hailu', 'Nasser', 'Saleh', 'Rahimi', 'Karimi', 'Yousef', 'Idris', 'Gebru', 'Amiri'];

/** People who are nobody's duplicate: distinct name pairs, spread birth years. */
export function strangers(count: number): RegisterPersonInput[] {
  return Array.from({ length: count }, (_, k) =>
    person({
      givenName: GIVEN[k % GIVEN.length]!,
      familyName: `${FAMILY[Math.floor(k / GIVEN.length) % FAMILY.length]!}${k >= 100 ? String.fromCharCode(97 + (k % 26)) : ''}`,
      birthYear: 1960 + ((k * 7) % 45),
      ageEstimated: false,
      sex: k % 3 === 0 ? 'female' : 'male',
      nationality: ['ERI', 'AFG', 'SDN', 'SYR'][k % 4]!,
    }),
  );
}

/** Runs queued whole-registry runs of this harness's database until none is left. */
export async function drainMatchingJobs(h: FixtureHarness): Promise<void> {
  // Handlers are process-wide: point the run at this harness's database before running it.
  registerDedupeJob({ db: h.db, keys: h.keys, now: h.clock.now });
  while (await runOneJob(h.db, `test-${h.engine}`, h.clock.now)) {
    // drain
  }
}
