import { createHmac } from 'node:crypto';
import type { AuditLogTable } from './audit.tables.js';

export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<AuditLogTable, 'hash'>;

/** Canonical text of an entry: fixed key order, so the hash does not depend on the driver's row shape. */
export function canonicalEntry(entry: ChainedFields): string {
  return JSON.stringify([
    entry.seq,
    entry.at,
    entry.actor_id,
    entry.org_id,
    entry.action,
    entry.entity,
    entry.entity_id,
    entry.purpose,
    entry.details,
    entry.request_id,
  ]);
}

/** hash = HMAC(audit key, previous hash ‖ sequence ‖ canonical entry), as DESIGN.md specifies. */
export function chainHash(auditKey: Buffer, previousHash: string, entry: ChainedFields): string {
  return createHmac('sha256', auditKey)
    .update(previousHash)
    .update('|')
    .update(String(entry.seq))
    .update('|')
    .update(canonicalEntry(entry))
    .digest('hex');
}
