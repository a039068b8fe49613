export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  org_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  purpose: string | null;
  /** JSON of non-personal details (counts, field names, reasons); never names or identifiers of people. */
  details: string | null;
  request_id: string | null;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
