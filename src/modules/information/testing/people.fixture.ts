import type { KeyRing } from '../../../crypto/index.js';
import { encryptJson, generateDataKey, randomId, wrapDataKey } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';

/**
 * A minimal registered person for the information module's tests: a people row with an
 * encrypted placeholder identity and its wrapped data key, as the registry stores them. It
 * avoids depending on the registry's registration rules, which these tests are not about.
 */
export async function insertTestPerson(db: Executor, keys: KeyRing, orgId: string, at = new Date()) {
  const id = randomId();
  const dataKey = generateDataKey();
  const now = at.toISOString();
  await db
    .insertInto('people')
    .values({
      id,
      code: `T${id.slice(0, 8).toUpperCase()}`,
      org_id: orgId,
      sex: 'unknown',
      birth_year: null,
      age_estimated: 0,
      nationality: null,
      languages: '[]',
      site_id: null,
      household_id: null,
      status: 'active',
      merged_into: null,
      identity: encryptJson(dataKey, { givenName: 'Test person' }, `people|${id}|identity`),
      photo: null,
      version: 1,
      is_demo: 0,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('person_keys')
    .values({
      person_id: id,
      wrapped_key: wrapDataKey(keys, dataKey, id),
      key_version: keys.version,
      created_at: now,
    })
    .execute();
  return { id };
}
