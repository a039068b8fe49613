import type { KeyRing } from '../crypto/index.js';
import type { DB } from '../db/engine.js';
import type { Actor } from '../modules/access/actor.js';
import type { ServiceContext } from './context.js';

/** What the app is built from; tests build it with their own database, keys and clock. */
export interface AppDeps {
  db: DB;
  keys: KeyRing;
  now: () => Date;
  /** Shows the "demo data" banner and allows `seed --demo`. */
  demoMode: boolean;
  /** Directory of the built web UI (dist/web); absent in API-only tests. */
  webDir?: string;
  /** Identifies this process in job claims. */
  instanceId: string;
  /** The erasure ledger file (see ledger-file.ts); unset, erasures go to the table only. */
  erasureLedgerPath?: string;
}

export function contextFor(
  deps: AppDeps,
  actor: Actor,
  extra: { requestId?: string; purpose?: string } = {},
): ServiceContext {
  return {
    db: deps.db,
    keys: deps.keys,
    now: deps.now,
    actor,
    erasureLedgerPath: deps.erasureLedgerPath,
    ...extra,
  };
}
