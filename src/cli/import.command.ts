import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { findOrganisationBySlug, findUserByEmail } from '../modules/access/access.repository.js';
import type { Actor } from '../modules/access/actor.js';
import { parseRoles } from '../modules/access/auth.service.js';
import { permissionsOf } from '../modules/access/permissions.js';
import type { ImportReport } from '../modules/registry/import/import.schema.js';
import { ImportRefusedError, importPeople } from '../modules/registry/import/import.service.js';
import { RegistryPermissions } from '../modules/registry/registry.policy.js';
import { loadConfig } from '../server/config.js';
import { openRuntime } from '../server/runtime.js';
import { fail, progress } from './output.js';

export interface ImportCommandOptions {
  org: string;
  as?: string;
  dryRun?: boolean;
  validOnly?: boolean;
  map: string[];
  json?: boolean;
}

const NOTES: Record<string, string> = {
  defaultPurposes: 'no column gives consent purposes: consent is recorded for "services" only',
};

function readCsv(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail(`${file} is not UTF-8 text: in a spreadsheet, save it as "CSV UTF-8"`);
  }
}

/** `--map "Q1=givenName" --map "_index="`: a column and its field; nothing after `=` ignores the column. */
function parseMapOptions(pairs: string[]): Record<string, string | null> {
  const mapping: Record<string, string | null> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) fail(`--map ${pair}: write COLUMN=FIELD, for example --map "Q1=givenName"`);
    Object.defineProperty(mapping, pair.slice(0, at), {
      value: pair.slice(at + 1).trim() || null,
      enumerable: true,
    });
  }
  return mapping;
}

/** What a person at a terminal reads: the summary on stdout, each problem on its own line. */
function printReport(report: ImportReport): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const mapped = report.columns.filter((c) => c.target);
  out(`columns: ${mapped.map((c) => `${c.name} → ${c.target}`).join(', ') || 'none recognised'}`);
  const ignored = report.columns.filter((c) => !c.target).map((c) => c.name);
  if (ignored.length > 0) out(`ignored columns: ${ignored.join(', ')}`);
  for (const note of report.notes) out(`note: ${NOTES[note] ?? note}`);
  if (report.missingFields.length > 0) {
    out(`no column gives: ${report.missingFields.join(', ')} (map one with --map "COLUMN=FIELD")`);
  }
  out(`${report.rows} rows: ${report.valid} valid, ${report.invalid} with problems`);
  for (const e of report.errors) {
    out(`line ${e.line}${e.column ? ` (column "${e.column}")` : ''}: ${e.field}: ${e.message}`);
  }
  if (report.dryRun) out('dry run: nothing was written');
  else if (report.written > 0 || report.validOnly)
    out(`written: ${report.written} people, ${report.households} households`);
  else out('nothing was written: correct the rows above, or add --valid-only to import the valid rows');
}

async function actorFor(
  db: Parameters<typeof findOrganisationBySlug>[0],
  orgSlug: string,
  email?: string,
): Promise<Actor> {
  const org = await findOrganisationBySlug(db, orgSlug);
  if (!org) fail(`organisation ${orgSlug} does not exist`);
  if (!email) {
    // The command line acts for the organisation, as its registration desk would.
    const roles = ['registration_officer'] as const;
    return {
      userId: null,
      orgId: org.id,
      roles,
      permissions: permissionsOf([...roles]),
      via: 'system',
      secondFactorSatisfied: true,
    };
  }
  const user = await findUserByEmail(db, email.trim().toLowerCase());
  if (!user || user.disabled_at) fail(`no active user with email ${email}`);
  if (user.org_id !== org.id) fail(`${email} is not a user of ${orgSlug}`);
  const roles = parseRoles(user.roles);
  const permissions = permissionsOf(roles);
  if (!permissions.has(RegistryPermissions['people.import']))
    fail(`${email} has no role that may import people`);
  return { userId: user.id, orgId: org.id, roles, permissions, via: 'system', secondFactorSatisfied: true };
}

/**
 * `passerelle import people FILE.csv`: checks every row, then writes all of them in one
 * transaction (or, with --valid-only, the valid ones in batches). Exit 0 when the import was
 * written or a dry run found no problem; 2 when rows have problems.
 */
export async function importPeopleCommand(file: string, options: ImportCommandOptions): Promise<void> {
  const csv = readCsv(file);
  const mapping = parseMapOptions(options.map);
  const runtime = await openRuntime(loadConfig(), { onMigration: (name) => progress(`migrated ${name}`) });
  try {
    const actor = await actorFor(runtime.db, options.org, options.as);
    const ctx = { db: runtime.db, keys: runtime.keys, now: () => new Date(), actor };
    let report: ImportReport;
    try {
      report = await importPeople(ctx, csv, {
        mapping,
        dryRun: options.dryRun,
        validOnly: options.validOnly,
        onProgress: (stage, done, total) =>
          progress(stage === 'checked' ? 'checked rows' : 'written people', done, total),
      });
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      report = error.report;
    }
    if (options.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printReport(report);
    const refused = !report.dryRun && !report.validOnly && report.invalid > 0;
    if (refused || report.missingFields.length > 0 || (report.dryRun && report.invalid > 0))
      process.exitCode = 2;
  } finally {
    await runtime.close();
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description('bring records in from files')
    .command('people')
    .description(
      'register people from a CSV file (KoBo/ODK exports, spreadsheets); every row is checked first, and nothing is written when any row has a problem unless --valid-only',
    )
    .argument('<file>', 'CSV file, UTF-8, comma, semicolon or tab separated, with a header line')
    .requiredOption('--org <slug>', 'the organisation the people are registered for')
    .option('--as <email>', 'the user recorded as registering them (needs a role that may import)')
    .option('--dry-run', 'check every row and print the report; write nothing')
    .option('--valid-only', 'write the rows without problems (in batches) and report the others')
    .option(
      '--map <column=field>',
      'map a column to a field (givenName, sex, consentBasis…); repeat',
      collect,
      [],
    )
    .option('--json', 'print the report as JSON')
    .action(importPeopleCommand);
}
