import type { KeyRing } from '../crypto/index.js';
import type { DB } from '../db/engine.js';
import type { Actor } from '../modules/access/actor.js';

/** What every service call receives: the database, the keys, the clock and who is acting. */
export interface ServiceContext {
  db: DB;
  keys: KeyRing;
  now: () => Date;
  actor: Actor;
  requestId?: string;
  /** Declared reason for reading personal data (sent by the client as X-Purpose), recorded in the audit entry. */
  purpose?: string;
  /** Where erasures are also appended outside the database; unset in tests that do not need it. */
  erasureLedgerPath?: string;
}
