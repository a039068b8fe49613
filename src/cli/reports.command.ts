import type { Command } from 'commander';
import {
  checkReportRollups,
  foldReportRollups,
  rebuildReportRollups,
} from '../modules/reporting/rollups.service.js';
import { loadConfig } from '../server/config.js';
import { openRuntime } from '../server/runtime.js';
import { fail, progress } from './output.js';

/*
 * `passerelle reports rollups`: the reports' pre-counted tables (docs/architecture.md, Reporting
 * rollups). `--check` compares them with a fresh count of people and needs and exits 1 on any
 * difference; `--rebuild` recounts them (writers wait meanwhile); `--fold` compacts PostgreSQL's
 * appended rows now instead of at the next report.
 */
async function rollupsCommand(options: {
  check?: boolean;
  rebuild?: boolean;
  fold?: boolean;
}): Promise<void> {
  const chosen = [options.check, options.rebuild, options.fold].filter(Boolean).length;
  if (chosen !== 1) fail('choose one of --check, --rebuild or --fold');
  const runtime = await openRuntime(loadConfig(), { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    if (options.rebuild) {
      progress('recounting the report rollups from people and needs');
      await rebuildReportRollups(runtime.db);
      process.stdout.write('report rollups rebuilt\n');
    } else if (options.fold) {
      const folded = await foldReportRollups(runtime.db);
      process.stdout.write(
        folded ? 'report rollups folded\n' : 'nothing folded (SQLite, or another fold running)\n',
      );
    } else {
      const differences = await checkReportRollups(runtime.db);
      for (const d of differences.slice(0, 50))
        process.stdout.write(`${d.table} ${JSON.stringify(d.key)}: kept ${d.rollup}, counted ${d.afresh}\n`);
      if (differences.length > 0) {
        process.stdout.write(
          `${differences.length} differences: run \`passerelle reports rollups --rebuild\`\n`,
        );
        process.exitCode = 1;
      } else process.stdout.write('report rollups match people and needs\n');
    }
  } finally {
    await runtime.close();
  }
}

export function registerReportsCommand(program: Command): void {
  program
    .command('reports')
    .description('reporting upkeep')
    .command('rollups')
    .description('check, rebuild or fold the pre-counted tables behind the reports')
    .option('--check', 'compare them with a fresh count; exit 1 on any difference')
    .option('--rebuild', 'recount them from people and needs')
    .option('--fold', 'compact PostgreSQL’s appended rows now')
    .action(rollupsCommand);
}
