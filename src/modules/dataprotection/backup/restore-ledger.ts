import { existsSync } from 'node:fs';
import { deriveKeyRing, type LedgerKey, ledgerKeys } from '../../../crypto/index.js';
import { connect, parseDatabaseUrl } from '../../../db/connect.js';
import type { Executor } from '../../../db/engine.js';
import { AppError } from '../../../server/errors.js';
import { type LedgerEntry, readLedger, replayLedger } from '../erasure/erasure-ledger.js';
import { entryKey, readLedgerFile } from '../erasure/ledger-file.js';

/*
 * The erasure ledgers a restore replays besides the backup's own: the server's ledger file, files
 * copied from other servers, and the live database's table. All are read and checked BEFORE the
 * backup is restored, so a bad source stops the restore with nothing written.
 */

export interface LedgerSource {
  label: string;
  entries: LedgerEntry[];
}

export interface LedgerSourceOptions {
  /** The server's own ledger file: used when it exists. */
  ledgerFile: string;
  /** `--ledger FILE`, each required to exist. */
  extraFiles: readonly string[];
  /** `--ledger-from-database URL`. */
  databaseUrl?: string;
}

/** The ledger keys of the master keys given (the current one, and the previous during a rotation). */
export function ledgerKeysOfMasterKeys(masterKeys: readonly Buffer[]): LedgerKey[] {
  return masterKeys.flatMap((key) => ledgerKeys(deriveKeyRing(key)));
}

async function readDatabaseLedger(url: string): Promise<LedgerEntry[]> {
  let target: ReturnType<typeof parseDatabaseUrl>;
  try {
    target = parseDatabaseUrl(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw AppError.validation('ledger-from-database', reason);
  }
  if (target.engine === 'sqlite' && !existsSync(target.location)) {
    throw AppError.validation('ledger-from-database', `${target.location}: no such database file`);
  }
  const db = connect(target);
  try {
    return await readLedger(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw AppError.validation('ledger-from-database', `cannot read its erasure ledger (${reason})`);
  } finally {
    await db.destroy().catch(() => undefined);
  }
}

/** Reads and authenticates every extra source; throws (400, naming the option) before any restore. */
export async function collectLedgerSources(
  keys: readonly LedgerKey[],
  options: LedgerSourceOptions,
): Promise<LedgerSource[]> {
  const sources: LedgerSource[] = [];
  if (existsSync(options.ledgerFile)) {
    sources.push({
      label: `ledger file ${options.ledgerFile}`,
      entries: await readLedgerFile(options.ledgerFile, keys, 'PASSERELLE_ERASURE_LEDGER'),
    });
  }
  for (const file of options.extraFiles) {
    sources.push({ label: `--ledger ${file}`, entries: await readLedgerFile(file, keys, 'ledger') });
  }
  if (options.databaseUrl) {
    sources.push({ label: 'the live database', entries: await readDatabaseLedger(options.databaseUrl) });
  }
  return sources;
}

export interface ReplayCount {
  label: string;
  entries: number;
  reapplied: number;
}

/**
 * In one transaction: the restored database's own ledger, then each source, in order. An entry
 * already replayed from an earlier source is not counted again; `reapplied` counts the records
 * found in the restored database and shredded (again).
 */
export async function replayLedgerSources(
  trx: Executor,
  sources: readonly LedgerSource[],
  nowIso: string,
): Promise<ReplayCount[]> {
  const done = new Set<string>();
  const counts: ReplayCount[] = [];
  for (const source of [{ label: "the backup's own ledger", entries: await readLedger(trx) }, ...sources]) {
    const fresh = source.entries.filter((e) => !done.has(entryKey(e)));
    for (const e of fresh) done.add(entryKey(e));
    const reapplied = await replayLedger(trx, fresh, nowIso);
    counts.push({ label: source.label, entries: source.entries.length, reapplied });
  }
  return counts;
}
