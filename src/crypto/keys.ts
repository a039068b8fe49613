import { hkdfSync, randomFillSync } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CryptoError } from './errors.js';

/** Keys derived from one master key; each purpose has its own so a leak of one stays contained. */
export interface KeyRing {
  /** Labels which master key this ring comes from, so wrapped data keys can name it. */
  version: number;
  dataKeyWrapping: Buffer;
  blindIndex: Buffer;
  audit: Buffer;
  backup: Buffer;
  session: Buffer;
  /**
   * Rings of older master keys that this one can still read, while a key rotation re-wraps what
   * they wrapped (see rotation.ts). Writes always use this ring's own keys.
   */
  previous?: readonly KeyRing[];
  /** Audit keys of retired master keys, each accepted only up to the entry where its rotation ended. */
  retiredAuditKeys?: readonly RetiredAuditKey[];
}

export interface RetiredAuditKey {
  version: number;
  key: Buffer;
  /** The last audit entry this key may have hashed. */
  untilSeq: number;
}

const KEY_BYTES = 32;
const SALT = 'passerelle';
// 'v1' is the derivation scheme, not the ring version: the same master key always gives the
// same ring, and rotation means a new master key.
const INFO = {
  dataKeyWrapping: 'passerelle/v1/data-key-wrapping',
  blindIndex: 'passerelle/v1/blind-index',
  audit: 'passerelle/v1/audit',
  backup: 'passerelle/v1/backup',
  session: 'passerelle/v1/session',
  fingerprint: 'passerelle/v1/key-fingerprint',
} as const;

export const MASTER_KEY_ENV = 'PASSERELLE_MASTER_KEY';
export const MASTER_KEY_FILE = 'master.key';
const GENERATE_HINT = 'generate one with: openssl rand -base64 32';
// Another process may have created the file but not written it yet.
const PARTIAL_FILE_WAIT_MS = 1500;
const PARTIAL_FILE_POLL_MS = 25;

function derive(masterKey: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, SALT, info, KEY_BYTES));
}

export function deriveKeyRing(masterKey: Buffer, version = 1): KeyRing {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) {
    throw new CryptoError(`master key must be ${KEY_BYTES} bytes`);
  }
  if (!Number.isInteger(version) || version < 1 || version > 999_999_999) {
    throw new CryptoError('key ring version must be a positive integer');
  }
  return Object.freeze({
    version,
    dataKeyWrapping: derive(masterKey, INFO.dataKeyWrapping),
    blindIndex: derive(masterKey, INFO.blindIndex),
    audit: derive(masterKey, INFO.audit),
    backup: derive(masterKey, INFO.backup),
    session: derive(masterKey, INFO.session),
  });
}

/**
 * Names a master key without revealing anything about it or its other derived keys: the database
 * and backup headers record it so the right key can be matched to the data it protects.
 */
export function masterKeyFingerprint(masterKey: Buffer): string {
  if (!Buffer.isBuffer(masterKey) || masterKey.length !== KEY_BYTES) {
    throw new CryptoError(`master key must be ${KEY_BYTES} bytes`);
  }
  return derive(masterKey, INFO.fingerprint).toString('hex', 0, 16);
}

/** A new random master key, in its own memory rather than Node's shared small-buffer pool. */
export function generateMasterKey(): Buffer {
  return randomFillSync(Buffer.alloc(KEY_BYTES));
}

/** Accepts standard or url-safe base64, padded or not. Never echoes the value in errors. */
export function parseMasterKey(base64: string): Buffer {
  const text = typeof base64 === 'string' ? base64.trim() : '';
  if (text === '') throw new CryptoError(`master key is empty; ${GENERATE_HINT}`);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) {
    throw new CryptoError(`master key is not base64; ${GENERATE_HINT}`);
  }
  const decoded = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (decoded.length !== KEY_BYTES || text.replace(/=+$/, '').length !== 43) {
    throw new CryptoError(
      `master key must be the base64 of exactly ${KEY_BYTES} bytes (got ${decoded.length}); ${GENERATE_HINT}`,
    );
  }
  const key = Buffer.alloc(KEY_BYTES);
  decoded.copy(key);
  decoded.fill(0);
  return key;
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

/** The file's key, or undefined when there is no file. Refuses files others can read. */
export function readKeyFile(path: string): Buffer | undefined {
  const deadline = Date.now() + PARTIAL_FILE_WAIT_MS;
  for (;;) {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if (isErrno(error, 'ENOENT')) return undefined;
      throw error;
    }
    let text: string;
    try {
      // fstat on the open descriptor: the checked file is the one we read.
      const stat = fstatSync(fd);
      if (!stat.isFile()) throw new CryptoError(`${path} is not a regular file`);
      if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
        const mode = (stat.mode & 0o777).toString(8).padStart(4, '0');
        throw new CryptoError(
          `${path} can be read by other users (mode ${mode}); restrict it with: chmod 600 ${path}`,
        );
      }
      text = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    try {
      return parseMasterKey(text);
    } catch (error) {
      if (Date.now() >= deadline) {
        const reason = error instanceof Error ? error.message : String(error);
        // Never replace the file: data may already be encrypted under the key it should hold.
        throw new CryptoError(`${path} does not hold a valid master key: ${reason}`, { cause: error });
      }
      sleepSync(PARTIAL_FILE_POLL_MS);
    }
  }
}

/** Creates the key file exclusively and durably; false if another process created it first. */
function createKeyFile(path: string, dataDir: string, key: Buffer): boolean {
  let fd: number;
  try {
    // 'wx' (O_CREAT | O_EXCL): of two processes starting together, exactly one creates the file.
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if (isErrno(error, 'EEXIST')) return false;
    throw error;
  }
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    // Data gets encrypted under this key right away; an empty file after a crash would lose it.
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(path);
    throw error;
  }
  closeSync(fd);
  try {
    const dirFd = openSync(dataDir, 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Directories cannot be opened or synced on some platforms (Windows); the file is synced.
  }
  return true;
}

/**
 * The master key from the environment if set, else from `<dataDir>/master.key`, created with
 * mode 0600 on first start.
 */
export function loadMasterKey(opts: { envValue?: string; dataDir: string }): {
  key: Buffer;
  source: 'env' | 'file';
  created: boolean;
  path?: string;
} {
  if (opts.envValue !== undefined) {
    // An empty value is refused rather than ignored: silently falling back to a key file would
    // start encrypting new records under a different key than the operator meant.
    try {
      return { key: parseMasterKey(opts.envValue), source: 'env', created: false };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CryptoError(`${MASTER_KEY_ENV}: ${reason}`, { cause: error });
    }
  }
  const path = join(opts.dataDir, MASTER_KEY_FILE);
  const existing = readKeyFile(path);
  if (existing) return { key: existing, source: 'file', created: false, path };

  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const key = generateMasterKey();
  if (createKeyFile(path, opts.dataDir, key)) return { key, source: 'file', created: true, path };
  key.fill(0);
  const raced = readKeyFile(path);
  if (!raced) throw new CryptoError(`${path} disappeared while it was being created`);
  return { key: raced, source: 'file', created: false, path };
}
