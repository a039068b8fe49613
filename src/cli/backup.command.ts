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
import { readLedger, replayLedger } from '../modules/dataprotection/erasure/erasure-ledger.js';
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

async function restoreCommand(options: { in: string }): Promise<void> {
  const { config, key } = backupKey();
  const target = connect(config.database);
  try {
    progress('restoring');
    await restoreDatabase(target, config.database, key, options.in);
  } finally {
    await target.destroy().catch(() => undefined);
  }
  const runtime = await openRuntime(config, { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    progress('replaying the erasure ledger');
    const replayed = await runtime.db
      .transaction()
      .execute(async (trx) => replayLedger(trx, await readLedger(trx), new Date().toISOString()));
    progress('verifying the audit chain');
    const verdict = await verifyAuditChain(runtime.db, runtime.keys, (n) =>
      progress(`verified ${n} entries`),
    );
    if (!verdict.ok) throw new Error(`the restored audit chain is broken: ${JSON.stringify(verdict)}`);
    process.stdout.write(
      `restored from ${options.in}; erasures re-applied: ${replayed}; audit chain intact\n`,
    );
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
      'restore an encrypted backup into the EMPTY database of DATABASE_URL (refused otherwise), re-apply the erasures in its ledger and verify the audit chain; needs PASSERELLE_BACKUP_KEY and the master key the data was written under',
    )
    .requiredOption('--in <file>', 'the encrypted backup file')
    .action(restoreCommand);
}
