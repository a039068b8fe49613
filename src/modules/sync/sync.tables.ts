/** A browser set up for offline work: registered by its user, listed with their sessions, revocable. */
export interface UserDevicesTable {
  id: string;
  user_id: string;
  org_id: string;
  name: string;
  /** SHA-256 of the device secret; the secret lets the device learn it was revoked, even signed out. */
  secret_hash: string;
  /** The session the device last synced with: revoking the device ends it too. */
  session_id: string | null;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  last_sync_at: string | null;
  revoked_at: string | null;
  revoked_by: string | null;
}

export type SyncChangeStatus = 'applied' | 'conflict' | 'rejected';

/**
 * Every change a device sent that reached a final outcome, keyed by the device's own change id:
 * a retry finds it here and gets the same answer. `result` is JSON; when it holds a person's
 * values (field conflicts) it is encrypted under that person's data key, so erasure reaches it.
 */
export interface SyncChangesTable {
  device_id: string;
  change_id: string;
  kind: string;
  status: SyncChangeStatus;
  entity_type: string | null;
  entity_id: string | null;
  result: string;
  recorded_at: string;
  applied_at: string;
}

/** A change that arrived before one of its causes; `body` is the change, encrypted under a ring key. */
export interface SyncPendingTable {
  device_id: string;
  change_id: string;
  /** JSON array of the change ids it waits for. */
  depends_on: string;
  body: string;
  received_at: string;
}

/** Which people each device holds a copy of: after a loss, the data protection officer knows whose data. */
export interface SyncDevicePeopleTable {
  device_id: string;
  person_id: string;
  since: string;
}

export interface SyncTables {
  user_devices: UserDevicesTable;
  sync_changes: SyncChangesTable;
  sync_pending: SyncPendingTable;
  sync_device_people: SyncDevicePeopleTable;
}
