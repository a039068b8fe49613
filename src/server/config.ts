import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConnectionTarget, DEFAULT_DATABASE_URL, parseDatabaseUrl } from '../db/connect.js';

export interface ServerConfig {
  database: ConnectionTarget;
  databaseUrl: string;
  port: number;
  host: string;
  /** Where the embedded database and the generated master key file live. */
  dataDir: string;
  masterKeyEnv?: string;
  /** The erasure ledger kept outside the database and its backups (docs/data-protection.md). */
  erasureLedgerPath: string;
  /** The other master key while a key rotation runs (docs/data-protection.md). */
  previousMasterKeyEnv?: string;
  webDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const databaseUrl = env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const database = parseDatabaseUrl(databaseUrl);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (got ${env.PORT})`);
  const dataDir = resolve(
    env.PASSERELLE_DATA_DIR ??
      (database.engine === 'sqlite' && database.location !== ':memory:'
        ? dirname(database.location)
        : './data'),
  );
  return {
    database,
    databaseUrl,
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    masterKeyEnv: env.PASSERELLE_MASTER_KEY || undefined,
    erasureLedgerPath: resolve(env.PASSERELLE_ERASURE_LEDGER || join(dataDir, 'erasure-ledger.jsonl')),
    previousMasterKeyEnv: env.PASSERELLE_PREVIOUS_MASTER_KEY || undefined,
    webDir: env.PASSERELLE_WEB_DIR ?? defaultWebDir(),
  };
}

/** dist/web beside the compiled server, whether we run from src (tsx) or from dist. */
function defaultWebDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const root = here.includes(`${'/'}dist${'/'}`)
    ? here.slice(0, here.lastIndexOf('/dist/'))
    : resolve(here, '../..');
  return resolve(root, 'dist/web');
}
