import { hostname } from 'node:os';
import { type KeyRing, loadMasterKey, randomToken } from '../crypto/index.js';
import { connect } from '../db/connect.js';
import type { DB } from '../db/engine.js';
import { migrateToLatest } from '../db/migrate.js';
import { loadKeyRing, loadPreviousMasterKey } from '../modules/dataprotection/keys/key-registry.js';
import type { ServerConfig } from './config.js';
import type { AppDeps } from './deps.js';

export interface Runtime {
  db: DB;
  keys: KeyRing;
  close(): Promise<void>;
}

export interface RuntimeEvents {
  onKeyCreated?(path: string): void;
  onMigration?(name: string): void;
}

/** Opens the database and the keys the way every command needs them. */
export async function openRuntime(
  config: ServerConfig,
  events: RuntimeEvents = {},
  migrate = true,
): Promise<Runtime> {
  const master = loadMasterKey({ envValue: config.masterKeyEnv, dataDir: config.dataDir });
  if (master.created && master.path) events.onKeyCreated?.(master.path);
  const previous = loadPreviousMasterKey({ envValue: config.previousMasterKeyEnv, dataDir: config.dataDir });
  const db = connect(config.database);
  if (migrate) await migrateToLatest(db, events.onMigration);
  try {
    // The database knows which version each master key is; a key it does not know is refused.
    const keys = await loadKeyRing(db, { current: master.key, previous }, new Date());
    return { db, keys, close: () => db.destroy() };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

export async function isDemoDatabase(db: DB): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value === 'true';
}

export async function appDepsFor(runtime: Runtime, config: ServerConfig): Promise<AppDeps> {
  return {
    db: runtime.db,
    keys: runtime.keys,
    now: () => new Date(),
    demoMode: await isDemoDatabase(runtime.db),
    webDir: config.webDir,
    instanceId: `${hostname()}:${process.pid}:${randomToken(4)}`,
    erasureLedgerPath: config.erasureLedgerPath,
  };
}
