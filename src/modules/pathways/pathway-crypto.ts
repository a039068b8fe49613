import { decryptField, encryptField, type KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { AppError } from '../../server/errors.js';
import { openPersonKey } from '../registry/person-identity.js';
import { findPersonKeys } from '../registry/registry.repository.js';

/*
 * Free text about a person's legal pathway (notes, document numbers) is sealed with that person's
 * own data key, bound by associated data to the table, row and column it lives in: erasing the
 * person (deleting the key) erases their legal file too, and a ciphertext copied to another row
 * does not open.
 */

export const pathwayAad = {
  pathwayNotes: (id: string) => `pathways|${id}|notes`,
  eventNotes: (id: string) => `procedure_events|${id}|notes`,
  documentNumber: (id: string) => `procedure_documents|${id}|number`,
  appointmentNotes: (id: string) => `appointments|${id}|notes`,
  /** The registry's photo column (people.photo), read for cards. */
  photo: (personId: string) => `people|${personId}|photo`,
};

/** The data keys of some people; erased people are absent. */
export async function openPersonKeys(db: Executor, keys: KeyRing, personIds: readonly string[]) {
  const wrapped = await findPersonKeys(db, [...new Set(personIds)]);
  return new Map([...wrapped].map(([id, w]) => [id, openPersonKey(keys, id, w)]));
}

/** For writes: a person without a key was erased, and nothing may be added about them. */
export async function requirePersonKey(db: Executor, keys: KeyRing, personId: string): Promise<Buffer> {
  const key = (await openPersonKeys(db, keys, [personId])).get(personId);
  if (!key) throw AppError.notFound('person');
  return key;
}

export function sealText(key: Buffer, aad: string, value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? encryptField(key, text, aad) : null;
}

export function openText(key: Buffer | undefined, aad: string, sealed: string | null): string | null {
  if (!key || sealed === null) return null;
  return decryptField(key, sealed, aad);
}
