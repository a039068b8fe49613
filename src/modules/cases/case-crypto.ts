import {
  decryptBytes,
  decryptJson,
  encryptBytes,
  encryptJson,
  generateDataKey,
  type KeyRing,
  unwrapDataKey,
  wrapDataKey,
} from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import { AppError } from '../../server/errors.js';
import { findCaseKeys } from './cases.repository.js';

/*
 * Each case has its own data key, wrapped under the key ring like a person's (person-identity.ts).
 * Every free text of the case (risk reason, assessment answers, plan, notes, reasons, file names
 * and bytes) is sealed with it, bound by associated data to the row and column it lives in, so a
 * ciphertext copied elsewhere does not decrypt. Deleting the `case_keys` row erases it all.
 */

const keyRecordId = (caseId: string) => `cases|${caseId}`;

export function newCaseKey(keys: KeyRing, caseId: string): { dataKey: Buffer; wrapped: string } {
  const dataKey = generateDataKey();
  return { dataKey, wrapped: wrapDataKey(keys, dataKey, keyRecordId(caseId)) };
}

/** The case's data key; null once the case was erased (its key deleted). */
export async function loadCaseKey(db: Executor, keys: KeyRing, caseId: string): Promise<Buffer | null> {
  const wrapped = (await findCaseKeys(db, [caseId])).get(caseId);
  return wrapped ? unwrapDataKey(keys, wrapped, keyRecordId(caseId)) : null;
}

/** Data keys of several cases at once (erased cases are absent from the map). */
export async function openCaseKeys(db: Executor, keys: KeyRing, caseIds: readonly string[]) {
  const wrapped = await findCaseKeys(db, caseIds);
  return new Map([...wrapped].map(([id, w]) => [id, unwrapDataKey(keys, w, keyRecordId(id))]));
}

/** For writes: a case without its key was erased, and nothing more may be added to it. */
export async function requireCaseKey(db: Executor, keys: KeyRing, caseId: string): Promise<Buffer> {
  const key = await loadCaseKey(db, keys, caseId);
  if (!key) throw AppError.notFound('case');
  return key;
}

/** Where a sealed value lives: table, case, row and column. */
export const caseAad = {
  riskReason: (caseId: string) => `cases|${caseId}|risk_reason`,
  event: (caseId: string, id: string) => `case_events|${caseId}|${id}|body`,
  assessment: (caseId: string, id: string) => `case_assessments|${caseId}|${id}|answers`,
  plan: (caseId: string, id: string) => `case_plans|${caseId}|${id}|goals`,
  action: (caseId: string, id: string) => `case_actions|${caseId}|${id}|what`,
  approval: (caseId: string, id: string) => `case_approvals|${caseId}|${id}|notes`,
  referral: (caseId: string, id: string) => `case_referrals|${caseId}|${id}|notes`,
  flag: (caseId: string, id: string) => `case_flags|${caseId}|${id}|reasons`,
  attachmentMeta: (caseId: string, id: string) => `case_attachments|${caseId}|${id}|meta`,
  attachmentBytes: (caseId: string, id: string) => `case_attachments|${caseId}|${id}|content`,
};

export function seal(dataKey: Buffer, aad: string, value: unknown): string {
  return encryptJson(dataKey, value, aad);
}

export function unseal<T>(dataKey: Buffer | null, aad: string, sealed: string | null): T | null {
  if (!dataKey || sealed === null) return null;
  return decryptJson<T>(dataKey, sealed, aad);
}

/** Attachment bytes: sealed, then base64 so they travel in a text column on both engines. */
export function sealBytes(dataKey: Buffer, aad: string, bytes: Buffer): string {
  return encryptBytes(dataKey, bytes, aad).toString('base64');
}

export function unsealBytes(dataKey: Buffer, aad: string, stored: string): Buffer {
  return decryptBytes(dataKey, Buffer.from(stored, 'base64'), aad);
}
