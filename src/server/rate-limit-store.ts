import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { DB } from '../db/engine.js';

/**
 * @fastify/rate-limit store backed by the shared database, so limits hold across every server
 * process behind the proxy (DESIGN.md: stateless servers).
 */
export function databaseRateLimitStore(db: DB, now: () => Date) {
  return class DatabaseRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow = 60_000,
    ): void {
      hitCounter(db, key, timeWindow, now()).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
    }

    child(): FastifyRateLimitStore {
      return new DatabaseRateLimitStore();
    }
  };
}

export async function hitCounter(db: DB, key: string, windowMs: number, at: Date) {
  const nowIso = at.toISOString();
  const windowEnd = new Date(at.getTime() + windowMs).toISOString();
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, window_ends_at: windowEnd })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limits.window_ends_at <= ${nowIso} then 1 else rate_limits.count + 1 end`,
        window_ends_at: sql`case when rate_limits.window_ends_at <= ${nowIso} then ${windowEnd} else rate_limits.window_ends_at end`,
      }),
    )
    .returning(['count', 'window_ends_at'])
    .executeTakeFirstOrThrow();
  return { current: Number(row.count), ttl: Math.max(0, Date.parse(row.window_ends_at) - at.getTime()) };
}
