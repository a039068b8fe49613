import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { openIdentities } from '../registry/people-read.js';
import { ageOf } from '../registry/registry.presenter.js';
import { findActiveNeeds } from '../registry/registry.repository.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { findPeopleOfCases } from './cases.repository.js';

export interface CasePersonView {
  id: string;
  code: string;
  sex: string;
  age: number | null;
  /** Decrypted display name, only for the people whose names the caller asked for. */
  name: string | null;
}

/**
 * Loads the people of some cases, decrypting names only for `namedIds` (cases the caller has full
 * access to): a restricted view never even decrypts the name.
 */
export async function loadCasePeople(
  db: Executor,
  keys: KeyRing,
  personIds: readonly string[],
  namedIds: ReadonlySet<string>,
  now: Date,
): Promise<Map<string, CasePersonView>> {
  const rows = await findPeopleOfCases(db, personIds);
  const toName = rows.filter((r) => namedIds.has(r.id) && r.status !== 'erased');
  const identities = await openIdentities(db, keys, toName);
  return new Map(
    rows.map((row) => {
      const identity = identities.get(row.id) ?? null;
      const name = identity
        ? [identity.givenName, identity.fathersName, identity.familyName].filter(Boolean).join(' ')
        : null;
      return [
        row.id,
        { id: row.id, code: row.code, sex: row.sex, age: ageOf(row.birth_year, null, now), name },
      ];
    }),
  );
}

/**
 * A child without an adult responsible for them: under 18 with an unaccompanied or separated
 * child need (SC) on record. Deadlines are shorter and a best-interests assessment is due.
 */
export async function isUnaccompaniedChild(
  db: Executor,
  person: Pick<PeopleTable, 'id' | 'birth_year'>,
  now: Date,
): Promise<boolean> {
  const age = ageOf(person.birth_year, null, now);
  if (age === null || age >= 18) return false;
  const needs = await findActiveNeeds(db, [person.id]);
  return needs.some((n) => n.category === 'SC');
}
