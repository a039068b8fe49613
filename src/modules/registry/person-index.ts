import { blindIndex, type KeyRing, readableRings } from '../../crypto/index.js';
import { nameKeys } from '../matching/transliteration/index.js';
import { allNames, type Identity } from './person-identity.js';

/**
 * Blind-index kinds and their truncation. A value is shared by several people (14 bits: about
 * 16,000 buckets for token keys), so an index row never confirms a name by itself; candidates are
 * decrypted and scored. Pairs of tokens are more selective and keep candidate lists short.
 */
export const INDEX_BITS = { sk: 14, ph: 14, sk2: 16, tel: 16 } as const;
export type IndexKind = keyof typeof INDEX_BITS;

export interface IndexEntry {
  kind: IndexKind;
  hmac: string;
}

const MAX_PAIR_TOKENS = 5;

interface KeySets {
  sk: Set<string>;
  ph: Set<string>;
  sk2: Set<string>;
  tel: Set<string>;
}

function addName(sets: KeySets, name: string): void {
  const keys = nameKeys(name);
  for (const s of keys.skeletons) if (s) sets.sk.add(s);
  for (const p of keys.phonetics) if (p) sets.ph.add(p);
  const pairable = keys.skeletons.filter(Boolean).slice(0, MAX_PAIR_TOKENS);
  for (let i = 0; i < pairable.length; i += 1) {
    for (let j = i + 1; j < pairable.length; j += 1) {
      const [a, b] = [pairable[i]!, pairable[j]!].sort();
      if (a !== b) sets.sk2.add(`${a}|${b}`);
    }
  }
}

export function isPhoneLike(text: string): boolean {
  return /^\+?[\d\s().-]{6,}$/.test(text.trim()) && text.replace(/\D/g, '').length >= 6;
}

export function normalisePhone(phone: string): string {
  return phone.replace(/\D/g, '').slice(-9);
}

function toEntries(keys: KeyRing, sets: KeySets): IndexEntry[] {
  const entries: IndexEntry[] = [];
  for (const kind of Object.keys(sets) as IndexKind[]) {
    const hashed = new Set(
      [...sets[kind]].map((value) => blindIndex(keys.blindIndex, kind, value, INDEX_BITS[kind])),
    );
    for (const hmac of hashed) entries.push({ kind, hmac });
  }
  return entries;
}

function emptySets(): KeySets {
  return { sk: new Set(), ph: new Set(), sk2: new Set(), tel: new Set() };
}

/** The index rows of a person: name keys from every name and script, and the phone's last digits. */
export function personIndexEntries(keys: KeyRing, identity: Identity): IndexEntry[] {
  const sets = emptySets();
  for (const name of allNames(identity)) addName(sets, name);
  if (identity.phone) {
    const digits = normalisePhone(identity.phone);
    if (digits.length >= 6) sets.tel.add(digits);
  }
  return toEntries(keys, sets);
}

/**
 * The index values a search looks up: the query's name keys, or its digits when it is a phone.
 * Under every readable ring: while a key rotation re-derives the rows, some are still old-key.
 */
export function queryIndexEntries(keys: KeyRing, names: string[]): IndexEntry[] {
  const sets = emptySets();
  for (const name of names) {
    if (isPhoneLike(name)) sets.tel.add(normalisePhone(name));
    else addName(sets, name);
  }
  return readableRings(keys).flatMap((ring) => toEntries(ring, sets));
}

/** Weight of each kind when ranking candidates in SQL, before decryption. */
export const INDEX_WEIGHT: Record<IndexKind, number> = { sk2: 4, tel: 4, sk: 2, ph: 1 };
