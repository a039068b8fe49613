import type { Command } from 'commander';
import { loadMasterKey } from '../crypto/index.js';
import { connect } from '../db/connect.js';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { recordAuditAlone, verifyAuditChain } from '../modules/audit/audit.service.js';
import {
  backupDatabase,
  parseBackupKey,
  restoreDatabase,
} from '../modules/dataprotection/backup/backup.service.js';
import {
  collectLedgerSources,
  ledgerKeysOfMasterKeys,
  replayLedgerSources,
} from '../modules/dataprotection/backup/restore-ledger.js';
import { repairLedgerFile } from '../modules/dataprotection/erasure/ledger-file.js';
import { flushShreddedPages } from '../modules/dataprotection/erasure/storage-hygiene.js';
import { loadPreviousMasterKey } from '../modules/dataprotection/keys/key-registry.js';
import { loadConfig } from '../server/config.js';
import { openRuntime } from '../server/runtime.js';
import { progress } from './output.js';

/*
 * `passerelle backup --out FILE` and `passerelle restore --in FILE`, with PASSERELLE_BACKUP_KEY
 * (base64 of 32 bytes, never the master key). docs/data-protection.md gives the procedure.
 */

function backupKey() {
  const config = loadConfig();
  const master = loadMasterKey({ envValue: config.masterKeyEnv, dataDir: config.dataDir }).key;
  return { config, key: parseBackupKey(process.env.PASSERELLE_BACKUP_KEY, master) };
}

async function backupCommand(options: { out: string }): Promise<void> {
  const { config, key } = backupKey();
  const runtime = await openRuntime(config, { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    progress(`copying the ${config.database.engine} database`);
    const { bytes } = await backupDatabase(runtime.db, config.database, key, options.out, new Date());
    await recordAuditAlone(
      runtime.db,
      { keys: runtime.keys, now: () => new Date(), actor: SYSTEM_ACTOR },
      { action: 'backup.created', entity: 'backup', entityId: null, details: { bytes } },
    );
    process.stdout.write(`backup written to ${options.out} (${bytes} bytes, encrypted)\n`);
  } finally {
    await runtime.close();
  }
}

interface RestoreOptions {
  in: string;
  ledger: string[];
  ledgerFromDatabase?: string;
}

async function restoreCommand(options: RestoreOptions): Promise<void> {
  const { config, key } = backupKey();
  const master = loadMasterKey({ envValue: config.masterKeyEnv, dataDir: config.dataDir }).key;
  const previous = loadPreviousMasterKey({ envValue: config.previousMasterKeyEnv, dataDir: config.dataDir });
  // Every ledger is read and authenticated before the backup is touched: a bad one restores nothing.
  progress('checking the erasure ledgers');
  const sources = await collectLedgerSources(
    ledgerKeysOfMasterKeys(previous ? [master, previous] : [master]),
    {
      ledgerFile: config.erasureLedgerPath,
      extraFiles: options.ledger,
      databaseUrl: options.ledgerFromDatabase,
    },
  );
  const target = connect(config.database);
  try {
    progress('restoring');
    await restoreDatabase(target, config.database, key, options.in);
  } finally {
    await target.destroy().catch(() => undefined);
  }
  const runtime = await openRuntime(config, { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    progress('replaying the erasure ledgers');
    const counts = await runtime.db
      .transaction()
      .execute(async (trx) => replayLedgerSources(trx, sources, new Date().toISOString()));
    await flushShreddedPages(runtime.db);
    // The backup's own ledger may hold erasures this server's file lacks (another server's).
    const ledger = await repairLedgerFile(runtime.db, runtime.keys, config.erasureLedgerPath);
    for (const problem of ledger.problems) process.stderr.write(`!! erasure ledger: ${problem}\n`);
    progress('verifying the audit chain');
    const verdict = await verifyAuditChain(runtime.db, runtime.keys, (n) =>
      progress(`verified ${n} entries`),
    );
    if (!verdict.ok) throw new Error(`the restored audit chain is broken: ${JSON.stringify(verdict)}`);
    for (const c of counts) {
      process.stdout.write(`erasures re-applied from ${c.label}: ${c.reapplied} (of ${c.entries} entries)\n`);
    }
    const total = counts.reduce((sum, c) => sum + c.reapplied, 0);
    process.stdout.write(`restored from ${options.in}; erasures re-applied: ${total}; audit chain intact\n`);
  } finally {
    await runtime.close();
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description(
      'write an encrypted copy of the database while it serves (SQLite online copy or pg_dump), under PASSERELLE_BACKUP_KEY (base64 of 32 bytes, not the master key)',
    )
    .requiredOption('--out <file>', 'the encrypted backup file to write')
    .action(backupCommand);
  program
    .command('restore')
    .description(
      "restore an encrypted backup into the EMPTY database of DATABASE_URL (refused otherwise), re-apply every erasure of the backup's own ledger, of the erasure ledger file (PASSERELLE_ERASURE_LEDGER, default <data dir>/erasure-ledger.jsonl; not in backups, so erasures made after the backup are not lost) and of the --ledger files, then verify the audit chain; every ledger is checked first and a tampered line stops the restore before anything is written; needs PASSERELLE_BACKUP_KEY and the master key the data was written under",
    )
    .requiredOption('--in <file>', 'the encrypted backup file')
    .option(
      '--ledger <file>',
      'another erasure ledger file to replay (for example copied from another server); repeatable',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--ledger-from-database <url>',
      'also replay the erasure ledger table of this live database (sqlite:<path> or postgres://…)',
    )
    .action(restoreCommand);
}
