import type { AuditLogTable } from './audit.tables.js';

export function presentAuditEntry(row: AuditLogTable) {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    orgId: row.org_id,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    purpose: row.purpose,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    requestId: row.request_id,
  };
}
