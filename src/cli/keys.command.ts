import type { Command } from 'commander';
import { SYSTEM_ACTOR } from '../modules/access/actor.js';
import { rotateKeys } from '../modules/dataprotection/keys/key-rotation.service.js';
import { loadConfig } from '../server/config.js';
import { openRuntime } from '../server/runtime.js';
import { fail, progress } from './output.js';

/*
 * `passerelle keys rotate`: run with the new key as PASSERELLE_MASTER_KEY and the old one as
 * PASSERELLE_PREVIOUS_MASTER_KEY (servers keep running with the same pair meanwhile). Resumable:
 * after a crash, run it again. docs/data-protection.md gives the whole procedure.
 */
async function keysRotateCommand(options: { batch?: string }): Promise<void> {
  const batchSize = Number(options.batch ?? 200);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    fail('--batch must be a whole number from 1 to 10000');
  const config = loadConfig();
  const runtime = await openRuntime(config, { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    const report = await rotateKeys(
      { db: runtime.db, keys: runtime.keys, now: () => new Date(), actor: SYSTEM_ACTOR },
      { batchSize, onProgress: ({ step, done }) => progress(`re-wrapped ${step}: ${done}`) },
    );
    for (const [step, n] of Object.entries(report.rewrapped)) {
      process.stdout.write(`${step}: ${n} re-wrapped\n`);
    }
    const retired = report.retiredVersions.join(', ') || 'none';
    process.stdout.write(
      `every data key is under master key version ${report.version}; retired versions: ${retired}\n`,
    );
    if (report.retiredVersions.length > 0) {
      process.stdout.write(
        'restart the servers without PASSERELLE_PREVIOUS_MASTER_KEY, then destroy the old key (keep its backup until the backups made under it expire)\n',
      );
    }
  } finally {
    await runtime.close();
  }
}

export function registerKeysCommand(program: Command): void {
  program
    .command('keys')
    .description('master key management')
    .command('rotate')
    .description(
      're-wrap every data key under PASSERELLE_MASTER_KEY and re-derive blind indexes, in batches, without downtime; set PASSERELLE_PREVIOUS_MASTER_KEY to the key in use so far; resumable after a crash (run it again)',
    )
    .option('--batch <n>', 'records per transaction', '200')
    .action(keysRotateCommand);
}
