import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CryptoError } from './errors.js';
import type { KeyRing } from './keys.js';

/*
 * Envelope encryption: every person record has its own random data key, stored only wrapped
 * (encrypted) under the ring's data-key-wrapping key. Deleting the wrapped key crypto-shreds the
 * record, backups included. Fields are AES-256-GCM with associated data naming the row and field,
 * so a ciphertext moved to another row or column fails authentication instead of decrypting.
 *
 * Random 96-bit IVs are safe here: a data key encrypts one record's fields, far below the 2^32
 * messages per key that random GCM nonces allow.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = IV_BYTES + TAG_BYTES;
const FIELD_PREFIX = 'v1.';
const BYTES_VERSION = 0x01;
const WRAP_AAD_PREFIX = 'dk|';
const WRAPPED_PATTERN = /^k([1-9][0-9]{0,8})\.([A-Za-z0-9_-]+)$/;
const VERSION_LIKE = /^([a-z][0-9]{1,4})\./;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;
// Lone surrogates become U+FFFD in UTF-8: the round trip would silently change the text, and
// two different AADs could encode to the same bytes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function assertKey(key: Buffer, what: string): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) {
    throw new CryptoError(`${what} must be ${KEY_BYTES} bytes`);
  }
}

function assertAad(aad: string): void {
  if (typeof aad !== 'string' || aad.length === 0) {
    throw new CryptoError('associated data must be a non-empty string binding the ciphertext to its place');
  }
  if (LONE_SURROGATE.test(aad)) throw new CryptoError('associated data is not well-formed Unicode');
}

function assertText(plaintext: string): void {
  if (typeof plaintext !== 'string') throw new CryptoError('plaintext must be a string');
  if (LONE_SURROGATE.test(plaintext)) {
    throw new CryptoError('plaintext is not well-formed Unicode (lone surrogate)');
  }
}

function decodeBase64url(text: string): Buffer {
  const bytes = Buffer.from(text, 'base64url');
  // Buffer decoding skips bad characters silently; insist on the canonical form we write.
  if (!BASE64URL_PATTERN.test(text) || bytes.toString('base64url') !== text) {
    throw new CryptoError('ciphertext is not valid base64url');
  }
  return bytes;
}

/** AES-256-GCM: returns iv | tag | ciphertext. */
export function sealWithKey(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  assertKey(key, 'encryption key');
  assertAad(aad);
  if (!Buffer.isBuffer(plaintext)) throw new CryptoError('plaintext must be a Buffer');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), ciphertext]);
}

/** Opens what sealWithKey produced; throws CryptoError unless key, AAD and every byte match. */
export function openWithKey(key: Buffer, sealed: Buffer, aad: string): Buffer {
  assertKey(key, 'encryption key');
  assertAad(aad);
  if (!Buffer.isBuffer(sealed) || sealed.length < HEADER_BYTES) {
    throw new CryptoError('ciphertext is truncated');
  }
  const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, HEADER_BYTES));
  // update() output is unauthenticated until final() succeeds; it is dropped on failure.
  const plaintext = decipher.update(sealed.subarray(HEADER_BYTES));
  try {
    return Buffer.concat([plaintext, decipher.final()]);
  } catch {
    plaintext.fill(0);
    throw new CryptoError('ciphertext failed authentication');
  }
}

/** A fresh per-record data key. */
export function generateDataKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

function assertRecordId(recordId: string): void {
  if (typeof recordId !== 'string' || recordId.length === 0) {
    throw new CryptoError('record id must be a non-empty string');
  }
}

/** `k<ring version>.<base64url>`: the data key encrypted under the ring, bound to its record. */
export function wrapDataKey(ring: KeyRing, dataKey: Buffer, recordId: string): string {
  assertKey(dataKey, 'data key');
  assertRecordId(recordId);
  const sealed = sealWithKey(ring.dataKeyWrapping, dataKey, WRAP_AAD_PREFIX + recordId);
  return `k${ring.version}.${sealed.toString('base64url')}`;
}

export function unwrapDataKey(ring: KeyRing, wrapped: string, recordId: string): Buffer {
  assertRecordId(recordId);
  const match = typeof wrapped === 'string' ? WRAPPED_PATTERN.exec(wrapped) : null;
  if (!match) throw new CryptoError('wrapped data key is malformed');
  const version = Number(match[1]);
  // During a rotation some keys are still wrapped under the previous ring, which this ring carries.
  const source = version === ring.version ? ring : ring.previous?.find((r) => r.version === version);
  if (!source) {
    throw new CryptoError(`data key wrapped under key version ${version}; this ring is ${ring.version}`);
  }
  const dataKey = openWithKey(source.dataKeyWrapping, decodeBase64url(match[2]!), WRAP_AAD_PREFIX + recordId);
  if (dataKey.length !== KEY_BYTES) throw new CryptoError('wrapped data key has the wrong length');
  return dataKey;
}

function sealText(key: Buffer, plaintext: string, aad: string): string {
  assertText(plaintext);
  return FIELD_PREFIX + sealWithKey(key, Buffer.from(plaintext, 'utf8'), aad).toString('base64url');
}

function openText(key: Buffer, ciphertext: string, aad: string): string {
  if (typeof ciphertext !== 'string') throw new CryptoError('ciphertext must be a string');
  if (!ciphertext.startsWith(FIELD_PREFIX)) {
    // Only echo something shaped like a version: the input may be plaintext stored by mistake.
    const prefix = VERSION_LIKE.exec(ciphertext)?.[1] ?? '(none)';
    throw new CryptoError(`unknown ciphertext version ${prefix}`);
  }
  const plaintext = openWithKey(key, decodeBase64url(ciphertext.slice(FIELD_PREFIX.length)), aad);
  return plaintext.toString('utf8');
}

/**
 * Encrypts one text field under a record's data key. `aad` names where the value lives, e.g.
 * `people|<id>|identity`; decrypting with any other aad fails.
 */
export function encryptField(dataKey: Buffer, plaintext: string, aad: string): string {
  return sealText(dataKey, plaintext, aad);
}

export function decryptField(dataKey: Buffer, ciphertext: string, aad: string): string {
  return openText(dataKey, ciphertext, aad);
}

export function encryptJson(dataKey: Buffer, value: unknown, aad: string): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new CryptoError('value cannot be serialised to JSON', { cause: error });
  }
  if (text === undefined) throw new CryptoError('value cannot be serialised to JSON');
  return sealText(dataKey, text, aad);
}

/** The shape is not checked here: validate the result (zod) where T matters. */
export function decryptJson<T>(dataKey: Buffer, ciphertext: string, aad: string): T {
  const text = openText(dataKey, ciphertext, aad);
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new CryptoError('decrypted value is not JSON', { cause: error });
  }
}

/** Binary form for attachments and photos: 0x01 | iv | tag | ciphertext. */
export function encryptBytes(dataKey: Buffer, bytes: Buffer, aad: string): Buffer {
  return Buffer.concat([Buffer.of(BYTES_VERSION), sealWithKey(dataKey, bytes, aad)]);
}

export function decryptBytes(dataKey: Buffer, ciphertext: Buffer, aad: string): Buffer {
  if (!Buffer.isBuffer(ciphertext) || ciphertext.length === 0) {
    throw new CryptoError('ciphertext is truncated');
  }
  if (ciphertext[0] !== BYTES_VERSION) {
    throw new CryptoError(
      `unknown ciphertext version byte 0x${ciphertext[0]!.toString(16).padStart(2, '0')}`,
    );
  }
  return openWithKey(dataKey, ciphertext.subarray(1), aad);
}

function assertRingAad(aad: string): void {
  // The same ring key wraps data keys; refusing their AAD namespace means a ring-key ciphertext
  // can never be passed off as a wrapped data key, or the reverse.
  if (typeof aad === 'string' && aad.startsWith(WRAP_AAD_PREFIX)) {
    throw new CryptoError(`associated data starting with '${WRAP_AAD_PREFIX}' is reserved for data keys`);
  }
}

/**
 * For small secrets that belong to no person record (users' TOTP secrets): encrypted directly
 * under a ring key, e.g. `encryptWithRingKey(ring.dataKeyWrapping, secret, 'users|<id>|totp')`.
 * Same format as encryptField. These must be re-encrypted when the master key is rotated.
 */
export function encryptWithRingKey(key: Buffer, plaintext: string, aad: string): string {
  assertRingAad(aad);
  return sealText(key, plaintext, aad);
}

export function decryptWithRingKey(key: Buffer, ciphertext: string, aad: string): string {
  assertRingAad(aad);
  return openText(key, ciphertext, aad);
}
