import { sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { AuditLogTable } from './audit.tables.js';

/**
 * Reserves the next sequence number. The UPDATE takes the write lock on the head row first (on
 * PostgreSQL a row lock, on SQLite the database write lock), so concurrent appends queue here and
 * the sequence stays gapless. RETURNING gives the new seq and the hash still held by the head.
 */
export async function reserveNextSeq(db: Executor): Promise<{ seq: number; previousHash: string }> {
  const row = await db
    .updateTable('audit_head')
    .set({ seq: sql`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  return { seq: Number(row.seq), previousHash: row.hash };
}

export async function insertAuditEntry(db: Executor, entry: AuditLogTable): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
  await db.updateTable('audit_head').set({ hash: entry.hash }).where('id', '=', 1).execute();
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

export async function findAuditEntries(db: Executor, filter: AuditFilter): Promise<AuditLogTable[]> {
  let query = db.selectFrom('audit_log').selectAll();
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
