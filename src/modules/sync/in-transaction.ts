import type { Transaction } from 'kysely';
import type { DB } from '../../db/engine.js';
import type { Database } from '../../db/schema.js';
import type { ServiceContext } from '../../server/context.js';

/**
 * A service context whose database is an open transaction: a service's own
 * `ctx.db.transaction().execute(fn)` runs `fn` inside it. Sync applies each change with the very
 * service its online route calls (same rules, same audit entries) while recording the change's
 * outcome in the same transaction, so a change is either applied and recorded, or neither.
 */
export function contextInTransaction(ctx: ServiceContext, trx: Transaction<Database>): ServiceContext {
  const nested = {
    execute: <T>(fn: (inner: Transaction<Database>) => Promise<T>) => fn(trx),
    setIsolationLevel: () => nested,
  };
  const db = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => nested;
      // Kysely keeps its state in private fields: methods must run on the real object.
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { ...ctx, db: db as unknown as DB };
}
