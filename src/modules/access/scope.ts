import { type SelectQueryBuilder, type SqlBool, sql } from 'kysely';
import type { Actor } from './actor.js';

/**
 * The one scope rule (DESIGN.md): a record is visible to the organisation that owns it
 * (`org_id`) and to organisations it was shared with by referral or transfer (`record_shares`).
 * Every repository read of a record goes through here; out of scope reads as "not found".
 */
export function scopeToActor<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  actor: Actor,
  table: string,
  recordType: string,
): SelectQueryBuilder<DB, TB, O> {
  return query.where(scopeCondition(actor, table, recordType));
}

export function scopeCondition(actor: Actor, table: string, recordType: string) {
  if (actor.via === 'system') return sql<SqlBool>`1 = 1`;
  if (!actor.orgId) return sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(${sql.ref(`${table}.org_id`)} = ${actor.orgId} or ${sql.ref(`${table}.id`)} in (
    select rs.record_id from record_shares rs
    where rs.record_type = ${recordType} and rs.org_id = ${actor.orgId} and rs.revoked_at is null))`;
}
