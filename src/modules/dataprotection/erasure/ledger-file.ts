import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type KeyRing, type LedgerKey, ledgerKeys } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import { AppError } from '../../../server/errors.js';
import { type LedgerEntry, readLedger } from './erasure-ledger.js';
import { isSubjectType } from './shredders.js';

/*
 * The erasure ledger, kept again outside the database: a backup taken before an erasure holds
 * neither the erasure nor its ledger row, so `restore` also replays this file, which backups do not
 * contain. One JSON line per erased record, ids only (never personal data), each authenticated
 * with an HMAC so that a forged line cannot make a restore shred someone, nor an altered one pass
 * unnoticed. Lines are only ever appended: a line signed under an older key is covered by appending
 * the same entry again under the current key (see reconcileLedgerFile).
 */

const VERSION = 1;

interface LedgerLine extends LedgerEntry {
  v: number;
  kid: string;
  mac: string;
}

function macOf(key: LedgerKey, e: LedgerEntry): string {
  const canonical = JSON.stringify([VERSION, e.subjectType, e.subjectId, e.erasedAt, e.source, e.sourceId]);
  return createHmac('sha256', key.key).update(canonical).digest('base64url');
}

function lineOf(key: LedgerKey, e: LedgerEntry): string {
  const line: LedgerLine = {
    v: VERSION,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    erasedAt: e.erasedAt,
    source: e.source,
    sourceId: e.sourceId,
    kid: key.id,
    mac: macOf(key, e),
  };
  return `${JSON.stringify(line)}\n`;
}

export const entryKey = (e: Pick<LedgerEntry, 'subjectType' | 'subjectId'>) =>
  `${e.subjectType}|${e.subjectId}`;

async function syncDirectory(path: string): Promise<void> {
  try {
    const dir = await open(dirname(path), 'r');
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  } catch {
    // Some platforms cannot open or sync a directory; the file itself is synced.
  }
}

/**
 * Appends the entries, signed under the ring's current key, and syncs the file to disk before
 * returning. Called after the transaction that wrote the same entries to the table committed.
 */
export async function appendToLedgerFile(
  path: string,
  ring: KeyRing,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const key = ledgerKeys(ring)[0]!;
  const created = !existsSync(path);
  if (created) await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const handle = await open(path, 'a+', 0o600);
  try {
    const { size } = await handle.stat();
    const last = Buffer.alloc(1);
    if (size > 0) await handle.read(last, 0, 1, size - 1);
    // A line torn by a crash must not swallow the first line written after it.
    const lead = size > 0 && last[0] !== 0x0a ? '\n' : '';
    await handle.write(lead + entries.map((e) => lineOf(key, e)).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  if (created) await syncDirectory(path);
}

/** After a commit: a failure to write the file must not undo or hide an erasure that happened. */
export async function appendAfterCommit(
  path: string | undefined,
  ring: KeyRing,
  entries: readonly LedgerEntry[],
): Promise<void> {
  if (!path) return;
  try {
    await appendToLedgerFile(path, ring, entries);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The table holds the entries; the next start or daily retention run writes them to the file.
    process.stderr.write(
      `erasure ledger file ${path} could not be written (${reason}); it will be repaired at the next start\n`,
    );
  }
}

export interface LedgerFileScan {
  entries: LedgerEntry[];
  /** Entries with at least one line signed under the first (current) key. */
  currentKeyEntries: Set<string>;
  /** Problems, each naming its line; a restore refuses a file that has any. */
  problems: string[];
}

function parseLine(text: string): LedgerLine | null {
  try {
    const line = JSON.parse(text) as LedgerLine;
    const ok =
      line?.v === VERSION &&
      typeof line.subjectType === 'string' &&
      isSubjectType(line.subjectType) &&
      typeof line.subjectId === 'string' &&
      line.subjectId.length > 0 &&
      typeof line.erasedAt === 'string' &&
      !Number.isNaN(Date.parse(line.erasedAt)) &&
      (line.source === 'erasure_request' || line.source === 'retention') &&
      (line.sourceId === null || typeof line.sourceId === 'string') &&
      typeof line.kid === 'string' &&
      typeof line.mac === 'string';
    return ok ? line : null;
  } catch {
    return null;
  }
}

function macMatches(key: LedgerKey, line: LedgerLine): boolean {
  const expected = Buffer.from(macOf(key, line));
  const given = Buffer.from(line.mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Reads and checks every line with `keys` (the signing key first). Never throws for content. */
export function scanLedgerText(text: string, keys: readonly LedgerKey[], label: string): LedgerFileScan {
  const byId = new Map(keys.map((k) => [k.id, k]));
  const verified = new Map<string, LedgerEntry>();
  const unverifiable = new Map<string, number>();
  const currentKeyEntries = new Set<string>();
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    if (raw.trim() === '') return;
    const n = index + 1;
    const line = parseLine(raw);
    if (!line) {
      problems.push(`${label} line ${n} is not an erasure ledger entry (altered, or torn by a crash)`);
      return;
    }
    const key = byId.get(line.kid);
    if (!key) {
      unverifiable.set(entryKey(line), n);
      return;
    }
    if (!macMatches(key, line)) {
      problems.push(`${label} line ${n} fails its HMAC check: it was altered or forged`);
      return;
    }
    const entry: LedgerEntry = {
      subjectType: line.subjectType,
      subjectId: line.subjectId,
      erasedAt: line.erasedAt,
      source: line.source,
      sourceId: line.sourceId,
    };
    if (!verified.has(entryKey(entry))) verified.set(entryKey(entry), entry);
    if (key === keys[0]) currentKeyEntries.add(entryKey(entry));
  });
  // A line under a key not loaded is fine when the same entry was signed again under a known key.
  for (const [id, n] of unverifiable) {
    if (!verified.has(id)) {
      problems.push(
        `${label} line ${n} is signed under a master key that is not loaded (set PASSERELLE_PREVIOUS_MASTER_KEY to the key of that time), or was forged`,
      );
    }
  }
  return { entries: [...verified.values()], currentKeyEntries, problems };
}

export async function scanLedgerFile(path: string, keys: readonly LedgerKey[], label = path) {
  return scanLedgerText(await readFile(path, 'utf8'), keys, label);
}

/** The file's entries, or a 400 naming the first bad line: a restore uses nothing from a bad file. */
export async function readLedgerFile(path: string, keys: readonly LedgerKey[], field: string) {
  if (!existsSync(path)) throw AppError.validation(field, `${path}: no such file`);
  const scan = await scanLedgerFile(path, keys);
  if (scan.problems.length > 0) {
    const more = scan.problems.length > 1 ? ` (and ${scan.problems.length - 1} more)` : '';
    throw AppError.validation(field, `${scan.problems[0]}${more}. Nothing was restored.`);
  }
  return scan.entries;
}

/** Cuts a line torn by a crash off the end of the file, so appends start on a clean line. */
async function dropTornTail(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    const text = await handle.readFile('utf8');
    if (text === '' || text.endsWith('\n')) return;
    await handle.truncate(Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes to the file what the table has and the file lacks (an erasure committed just before a
 * crash), and signs again under the current key what only older keys signed (after a rotation).
 * Run at every start, by each daily retention run and after a restore. Returns lines written.
 */
export async function reconcileLedgerFile(db: Executor, ring: KeyRing, path: string) {
  const keys = ledgerKeys(ring);
  if (existsSync(path)) await dropTornTail(path);
  const scan = existsSync(path)
    ? await scanLedgerFile(path, keys)
    : { entries: [], currentKeyEntries: new Set<string>(), problems: [] };
  const wanted = new Map<string, LedgerEntry>();
  for (const e of [...scan.entries, ...(await readLedger(db))]) wanted.set(entryKey(e), e);
  const missing = [...wanted.values()].filter((e) => !scan.currentKeyEntries.has(entryKey(e)));
  await appendToLedgerFile(path, ring, missing);
  return { written: missing.length, problems: scan.problems };
}

/**
 * reconcileLedgerFile for a server's start and the daily job: a file that cannot be written is
 * reported, not fatal, so that neither serving nor the retention run stops (the table holds all).
 */
export async function repairLedgerFile(db: Executor, ring: KeyRing, path: string) {
  try {
    return await reconcileLedgerFile(db, ring, path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { written: 0, problems: [`${path} could not be repaired: ${reason}`] };
  }
}
