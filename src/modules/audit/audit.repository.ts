import { sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { AuditLogTable } from './audit.tables.js';

/**
 * Reserves the next sequence number. The UPDATE takes the write lock on the head row first (on
 * PostgreSQL a row lock, on SQLite the database write lock), so concurrent appends queue here and
 * the sequence stays gapless. RETURNING gives the new seq and the hash still held by the head.
 */
export async function reserveNextSeq(
  db: Executor,
  count = 1,
): Promise<{ seq: number; previousHash: string }> {
  const row = await db
    .updateTable('audit_head')
    .set({ seq: sql`seq + ${count}` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  // RETURNING gives the last reserved number; the first is count - 1 before it.
  return { seq: Number(row.seq) - count + 1, previousHash: row.hash };
}

/** Inserts consecutive entries and moves the head to the last one's hash. */
export async function insertAuditEntries(db: Executor, entries: AuditLogTable[]): Promise<void> {
  if (entries.length === 0) return;
  for (let i = 0; i < entries.length; i += 500)
    await db
      .insertInto('audit_log')
      .values(entries.slice(i, i + 500))
      .execute();
  await db
    .updateTable('audit_head')
    .set({ hash: entries.at(-1)!.hash })
    .where('id', '=', 1)
    .execute();
}

export async function findAuditHead(db: Executor) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
}

export async function findAuditBatch(
  db: Executor,
  afterSeq: number,
  limit: number,
): Promise<AuditLogTable[]> {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export interface AuditFilter {
  actorId?: string;
  entity?: string;
  entityId?: string;
  action?: string;
  from?: string;
  to?: string;
  beforeSeq?: number;
  limit: number;
}

/** `orgId` null: every organisation's entries (the system actor only). */
export async function findAuditEntries(
  db: Executor,
  filter: AuditFilter,
  orgId: string | null,
): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll();
  if (orgId !== null) query = query.where('org_id', '=', orgId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  if (filter.beforeSeq !== undefined) query = query.where('seq', '<', filter.beforeSeq);
  return query.orderBy('seq', 'desc').limit(filter.limit).execute();
}

export async function countAuditEntries(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
