import type { UserDevicesTable } from './sync.tables.js';

/** A device as its owner or a manager sees it: never its secret hash, session or address. */
export function presentDevice(
  row: UserDevicesTable & { offline_people: number | string | null },
  sessionId?: string,
) {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    lastSyncAt: row.last_sync_at,
    revokedAt: row.revoked_at,
    offlinePeople: Number(row.offline_people ?? 0),
    current: sessionId !== undefined && row.session_id === sessionId && row.revoked_at === null,
  };
}
