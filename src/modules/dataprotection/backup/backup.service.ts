import { spawn } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import type { ConnectionTarget } from '../../../db/connect.js';
import type { DB } from '../../../db/engine.js';
import { AppError } from '../../../server/errors.js';

/*
 * `passerelle backup` / `restore`. The copy is the engine's own consistent snapshot (SQLite's
 * VACUUM INTO while the server runs, or pg_dump), encrypted with AES-256-GCM under a backup key
 * that is NOT the master key: whoever holds the backups does not hold the data keys' key, and the
 * master key's custodians do not need the backups. The encrypted file is
 * `<header line>\n<12-byte IV><ciphertext><16-byte tag>`, the header bound as associated data.
 */

const FORMAT = 'passerelle-backup/1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

interface Header {
  format: typeof FORMAT;
  engine: 'sqlite' | 'postgres';
  schema: string | null;
  createdAt: string;
}

export function parseBackupKey(value: string | undefined, masterKey: Buffer): Buffer {
  if (!value) throw AppError.validation('PASSERELLE_BACKUP_KEY', 'is required (base64 of 32 bytes)');
  const key = Buffer.from(value, 'base64');
  if (key.length !== 32) throw AppError.validation('PASSERELLE_BACKUP_KEY', 'must be base64 of 32 bytes');
  if (key.equals(masterKey)) {
    throw AppError.validation('PASSERELLE_BACKUP_KEY', 'must not be the master key');
  }
  return key;
}

function plainPath(): string {
  return join(tmpdir(), `passerelle-backup-${process.pid}-${randomBytes(6).toString('hex')}`);
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} failed (${code}): ${stderr.trim().slice(0, 500)}`)),
    );
  });
}

async function encryptFile(plain: string, out: string, key: Buffer, header: Header) {
  const headerLine = Buffer.from(`${JSON.stringify(header)}\n`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(headerLine);
  const sink = createWriteStream(out, { mode: 0o600 });
  sink.write(headerLine);
  sink.write(iv);
  await pipeline(createReadStream(plain), cipher, sink, { end: false });
  await new Promise<void>((resolve, reject) =>
    sink.end(cipher.getAuthTag(), () => resolve()).on('error', reject),
  );
}

async function readHeader(path: string): Promise<{ header: Header; headerLine: Buffer; size: number }> {
  const handle = await open(path, 'r');
  try {
    const probe = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(probe, 0, probe.length, 0);
    const end = probe.subarray(0, bytesRead).indexOf(0x0a);
    const header = end > 0 ? (JSON.parse(probe.subarray(0, end).toString()) as Header) : null;
    if (!header || header.format !== FORMAT) throw AppError.validation('in', 'is not a Passerelle backup');
    return { header, headerLine: probe.subarray(0, end + 1), size: (await stat(path)).size };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw AppError.validation('in', 'is not a Passerelle backup');
  } finally {
    await handle.close();
  }
}

async function decryptFile(path: string, out: string, key: Buffer) {
  const { header, headerLine, size } = await readHeader(path);
  const handle = await open(path, 'r');
  const iv = Buffer.alloc(IV_BYTES);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    await handle.read(iv, 0, IV_BYTES, headerLine.length);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(headerLine);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(path, { start: headerLine.length + IV_BYTES, end: size - TAG_BYTES - 1 }),
      decipher,
      createWriteStream(out, { mode: 0o600 }),
    );
  } catch {
    rmSync(out, { force: true });
    throw AppError.validation('in', 'cannot be decrypted with this PASSERELLE_BACKUP_KEY, or was altered');
  }
  return header;
}

/** Writes an encrypted, consistent copy of the database to `out`, while it serves. */
export async function backupDatabase(db: DB, target: ConnectionTarget, key: Buffer, out: string, now: Date) {
  const plain = plainPath();
  try {
    if (target.engine === 'sqlite') {
      await sql`vacuum into ${plain}`.execute(db);
    } else {
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        ...(target.schema ? ['--schema', target.schema] : []),
        '--file',
        plain,
        '--dbname',
        target.location,
      ]);
    }
    await encryptFile(plain, out, key, {
      format: FORMAT,
      engine: target.engine,
      schema: target.schema ?? null,
      createdAt: now.toISOString(),
    });
    return { bytes: (await stat(out)).size };
  } finally {
    rmSync(plain, { force: true });
  }
}

/** Tables holding rows in the target: a restore goes only into an empty database. */
async function userTables(db: DB, engine: 'sqlite' | 'postgres'): Promise<number> {
  const query =
    engine === 'sqlite'
      ? sql<{
          n: number;
        }>`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`
      : sql<{
          n: number;
        }>`select count(*) as n from information_schema.tables where table_schema = current_schema()`;
  return Number((await query.execute(db)).rows[0]?.n ?? 0);
}

/**
 * Restores `path` into the empty database `target` (the caller then migrates it forward and
 * replays the erasure ledger). `db` is an open connection to the target, closed here for SQLite.
 */
export async function restoreDatabase(db: DB, target: ConnectionTarget, key: Buffer, path: string) {
  if (!existsSync(path)) throw AppError.validation('in', 'no such file');
  const { header } = await readHeader(path);
  if (header.engine !== target.engine) {
    throw AppError.validation('in', `is a ${header.engine} backup; DATABASE_URL is ${target.engine}`);
  }
  if (target.engine === 'postgres' && (target.schema ?? null) !== header.schema) {
    throw AppError.validation(
      'in',
      `holds schema ${header.schema ?? 'public'}; restore it with a DATABASE_URL naming the same schema`,
    );
  }
  if ((await userTables(db, target.engine)) > 0) {
    throw new AppError(
      'invalid_state',
      'The target database is not empty: restore only into a new, empty database. Nothing was changed.',
    );
  }
  const plain = plainPath();
  try {
    await decryptFile(path, plain, key);
    if (target.engine === 'sqlite') {
      await db.destroy();
      for (const ext of ['', '-wal', '-shm']) rmSync(`${target.location}${ext}`, { force: true });
      await pipeline(createReadStream(plain), createWriteStream(target.location, { mode: 0o600 }));
    } else {
      await run('pg_restore', [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--dbname',
        target.location,
        plain,
      ]);
    }
    return header;
  } finally {
    rmSync(plain, { force: true });
  }
}
