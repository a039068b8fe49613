import {
  decryptJson,
  encryptJson,
  generateDataKey,
  type KeyRing,
  unwrapDataKey,
  wrapDataKey,
} from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { AppError } from '../../server/errors.js';
import { openPersonKey } from '../registry/person-identity.js';
import { findPersonKeys } from '../registry/registry.repository.js';

/*
 * Two kinds of keys protect this module's data. A tracing request has its own data key: it may
 * be about nobody registered yet (an outside enquirer looking for someone), and deleting that key
 * erases the request. Family links and event notes belong to a registered person and are sealed
 * with that person's data key, so erasing the person (deleting their key) erases their relatives'
 * whereabouts as well. Associated data binds every ciphertext to its table, row and column.
 */

const requestKeyId = (id: string) => `tracing_requests|${id}`;

export const aad = {
  sought: (id: string) => `tracing_requests|${id}|sought`,
  enquirer: (id: string) => `tracing_requests|${id}|enquirer`,
  decisionNote: (matchId: string) => `tracing_matches|${matchId}|decision_note`,
  familyLink: (id: string) => `family_links|${id}|details`,
  eventNote: (caseId: string, id: string) => `reunification_events|${caseId}|${id}|note`,
};

export function newRequestKey(keys: KeyRing, requestId: string) {
  const dataKey = generateDataKey();
  return { dataKey, wrapped: wrapDataKey(keys, dataKey, requestKeyId(requestId)) };
}

async function findRequestKeys(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('tracing_request_keys')
    .select(['request_id', 'wrapped_key'])
    .where('request_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.request_id, r.wrapped_key]));
}

/** Data keys of several requests (erased requests are absent). */
export async function openRequestKeys(db: Executor, keys: KeyRing, ids: readonly string[]) {
  const wrapped = await findRequestKeys(db, ids);
  return new Map([...wrapped].map(([id, w]) => [id, unwrapDataKey(keys, w, requestKeyId(id))]));
}

export async function requireRequestKey(db: Executor, keys: KeyRing, id: string): Promise<Buffer> {
  const key = (await openRequestKeys(db, keys, [id])).get(id);
  if (!key) throw AppError.notFound('tracing request');
  return key;
}

/** Data keys of registered people (erased people are absent). */
export async function openPeopleKeys(db: Executor, keys: KeyRing, personIds: readonly string[]) {
  const wrapped = await findPersonKeys(db, [...new Set(personIds)]);
  return new Map([...wrapped].map(([id, w]) => [id, openPersonKey(keys, id, w)]));
}

export async function requirePersonKey(db: Executor, keys: KeyRing, personId: string): Promise<Buffer> {
  const key = (await openPeopleKeys(db, keys, [personId])).get(personId);
  if (!key) throw AppError.notFound('person');
  return key;
}

export function seal(key: Buffer, where: string, value: unknown): string {
  return encryptJson(key, value, where);
}

export function unseal<T>(key: Buffer | undefined, where: string, sealed: string | null): T | null {
  if (!key || sealed === null) return null;
  return decryptJson<T>(key, sealed, where);
}
