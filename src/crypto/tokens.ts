import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CryptoError } from './errors.js';

// Crockford base32, lowercase: no i, l, o, u, so ids survive being read aloud or copied by hand.
const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';
const MAX_TIMESTAMP = 2 ** 48 - 1;

/** A secret for sessions, CSRF, API tokens, invitations: `bytes` random bytes as base64url. */
export function randomToken(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > 1024) {
    throw new CryptoError('token size must be an integer from 1 to 1024 bytes');
  }
  return randomBytes(bytes).toString('base64url');
}

/**
 * How tokens are stored: SHA-256, hex. Tokens come from randomToken, so they are already
 * high-entropy: a plain hash cannot be reversed by guessing, and a salt or slow hash (needed for
 * passwords) would add nothing but would stop us looking a token up by its hash.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Constant-time comparison of two secrets (CSRF tokens, token hashes). Different lengths return
 * false at once: that reveals only the length, which is public for our fixed-size tokens.
 */
export function safeEqual(a: string, b: string): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

// 16 bytes (128 bits) as 26 characters (130 bits): two leading zero bits, like ULID, so the
// first character is 0–7 and the text sorts in the same order as the bytes.
function encode128(bytes: Buffer): string {
  let out = '';
  let acc = 0;
  let held = 2;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    held += 8;
    while (held >= 5) {
      held -= 5;
      out += CROCKFORD[(acc >>> held) & 31];
    }
    acc &= (1 << held) - 1;
  }
  return out;
}

/** Opaque record id: 128 random bits, 26 lowercase Crockford base32 characters. Reveals nothing. */
export function randomId(): string {
  return encode128(randomBytes(16));
}

/**
 * Id that sorts by creation time (ULID layout: 48-bit millisecond timestamp, then 80 random
 * bits), for rows that are listed in time order (sessions, jobs, tokens). It reveals when the row
 * was created, so use randomId for people and other records where that would matter.
 * Ids made in the same millisecond are in random order: no counter, so one id never predicts
 * the next.
 */
export function timeOrderedId(now: number = Date.now()): string {
  if (!Number.isSafeInteger(now) || now < 0 || now > MAX_TIMESTAMP) {
    throw new CryptoError('timestamp must be an integer number of milliseconds from 0 to 2^48 - 1');
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  return encode128(bytes);
}
