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

/**
 * The same scope as scopeCondition, as conditions whose union it is (own records; records of
 * other organisations shared with the actor's). A list in index order reads each part with its
 * limit and merges them: with the OR of both, the database sorts every visible record first
 * (100,000 people: 123 ms for the ten newest, against 0.14 ms for the two parts).
 */
export function scopeParts(actor: Actor, table: string, recordType: string) {
  if (actor.via === 'system') return [sql<SqlBool>`1 = 1`];
  if (!actor.orgId) return [];
  return [
    sql<SqlBool>`${sql.ref(`${table}.org_id`)} = ${actor.orgId}`,
    sql<SqlBool>`(${sql.ref(`${table}.org_id`)} <> ${actor.orgId} and ${sql.ref(`${table}.id`)} in (
    select rs.record_id from record_shares rs
    where rs.record_type = ${recordType} and rs.org_id = ${actor.orgId} and rs.revoked_at is null))`,
  ];
}
