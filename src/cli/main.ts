import { Command } from 'commander';
import {
  auditVerifyCommand,
  migrateCommand,
  orgCreateCommand,
  seedCommand,
  tokenCreateCommand,
  userCreateCommand,
} from './admin.commands.js';
import { registerBackupCommands } from './backup.command.js';
import { registerImportCommand } from './import.command.js';
import { registerKeysCommand } from './keys.command.js';
import { matchDedupeCommand, matchLinkCommand } from './match.command.js';
import { describeError } from './output.js';
import { registerReportsCommand } from './reports.command.js';
import { serveCommand } from './serve.command.js';

const collect = (value: string, previous: string[]) => [...previous, value];

export function buildCli(): Command {
  const program = new Command('passerelle')
    .description(
      'Passerelle: registration, protection, reception and family reunification.\nConfiguration: DATABASE_URL (sqlite:./data/passerelle.db or postgres://…), PASSERELLE_MASTER_KEY, PORT, HOST.',
    )
    .showHelpAfterError();

  program
    .command('serve')
    .description('migrate the database, then serve the API and the web UI')
    .option('--port <n>', 'port to listen on (default $PORT or 3000)')
    .option('--host <h>', 'address to bind (default $HOST or 127.0.0.1)')
    .option('--demo-if-empty', 'seed the demo scenario when the database is empty')
    .option('--people <n>', 'people to generate when seeding the demo', '2000')
    .option(
      '--workers <n>',
      'server processes sharing the port, e.g. one per core (default $PASSERELLE_WORKERS or 1)',
    )
    .action(serveCommand);

  program.command('migrate').description('apply pending database migrations').action(migrateCommand);

  program
    .command('seed')
    .description('seed generated demo data (refused on a database holding non-demo records)')
    .option('--demo', 'the Calais-like demo scenario')
    .option('--people <n>', 'how many people to generate', '2000')
    .action(seedCommand);

  const org = program.command('org').description('organisations');
  org
    .command('create')
    .description('create an organisation')
    .requiredOption('--slug <slug>', 'short unique name, e.g. refugee-aid')
    .requiredOption('--name <name>', 'full name')
    .option('--kind <kind>', 'ngo | un_agency | authority', 'ngo')
    .action(orgCreateCommand);

  const user = program.command('user').description('user accounts');
  user
    .command('create')
    .description('create a user in an existing organisation')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>')
    .requiredOption('--org <slug>', 'the organisation slug (it must exist)')
    .requiredOption('--role <role>', 'a role; repeat for several', collect, [])
    .requiredOption('--password <password>', 'at least 12 characters, not a common password')
    .action(userCreateCommand);

  const token = program.command('token').description('bearer tokens for scripts and integrations');
  token
    .command('create')
    .description('print a new bearer token for a user on stdout, nothing else')
    .requiredOption('--email <email>')
    .option('--name <name>', "label shown in the user's token list", 'cli')
    .action(tokenCreateCommand);

  const audit = program.command('audit').description('the audit log');
  audit
    .command('verify')
    .description('verify the audit hash chain; exit 0 when intact, otherwise name the first bad entry')
    .action(auditVerifyCommand);

  const match = program
    .command('match')
    .description(
      'batch record linkage on CSV files (id,given_name,family_name,original_script_name,sex,birth_date,birth_year,nationality; other columns are compared too); no database needed',
    );
  match
    .command('link')
    .description('find the same people across two files; writes left_id,right_id,score')
    .argument('<left>', 'CSV file')
    .argument('<right>', 'CSV file')
    .requiredOption('--out <file>', 'output CSV')
    .option('--threshold <p>', 'minimum match probability (default 0.5)')
    .option('--ignore <columns>', 'comma-separated columns not to compare')
    .action(matchLinkCommand);
  match
    .command('dedupe')
    .description('find the same people within one file; writes left_id,right_id,score')
    .argument('<file>', 'CSV file')
    .requiredOption('--out <file>', 'output CSV')
    .option('--threshold <p>', 'minimum match probability (default 0.5)')
    .option('--ignore <columns>', 'comma-separated columns not to compare')
    .action(matchDedupeCommand);

  registerImportCommand(program);
  registerKeysCommand(program);
  registerReportsCommand(program);
  registerBackupCommands(program);
  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    process.stderr.write(`passerelle: ${describeError(error)}\n`);
    process.exitCode = 1;
  }
}
