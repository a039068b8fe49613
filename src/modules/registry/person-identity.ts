import {
  decryptJson,
  encryptJson,
  generateDataKey,
  type KeyRing,
  unwrapDataKey,
  wrapDataKey,
} from '../../crypto/index.js';

/** Everything that identifies a person directly. It never reaches the database in clear. */
export interface Identity {
  givenName: string;
  familyName?: string | null;
  fathersName?: string | null;
  originalScriptName?: string | null;
  otherNames: string[];
  birthDate?: string | null;
  phone?: string | null;
  placeOfOrigin?: string | null;
  documents: Array<{ type: string; number: string; issuingCountry?: string }>;
  notes?: string | null;
}

export function identityAad(personId: string): string {
  return `people|${personId}|identity`;
}

export function historyAad(personId: string, historyId: string): string {
  return `person_history|${personId}|${historyId}`;
}

export interface PersonKeyMaterial {
  dataKey: Buffer;
  wrapped: string;
}

export function newPersonKey(keys: KeyRing, personId: string): PersonKeyMaterial {
  const dataKey = generateDataKey();
  return { dataKey, wrapped: wrapDataKey(keys, dataKey, personId) };
}

export function openPersonKey(keys: KeyRing, personId: string, wrapped: string): Buffer {
  return unwrapDataKey(keys, wrapped, personId);
}

export function sealIdentity(dataKey: Buffer, personId: string, identity: Identity): string {
  return encryptJson(dataKey, identity, identityAad(personId));
}

export function openIdentity(dataKey: Buffer, personId: string, sealed: string): Identity {
  return decryptJson<Identity>(dataKey, sealed, identityAad(personId));
}

/** Every name a person is known by, for indexing and matching. */
export function allNames(identity: Identity): string[] {
  return [
    [identity.givenName, identity.fathersName, identity.familyName].filter(Boolean).join(' '),
    identity.originalScriptName ?? '',
    ...identity.otherNames,
  ].filter((name) => name.trim().length > 0);
}
