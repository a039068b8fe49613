import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { SyncChangesTable, SyncPendingTable, UserDevicesTable } from './sync.tables.js';

export async function insertDevice(db: Executor, row: Insertable<UserDevicesTable>) {
  await db.insertInto('user_devices').values(row).execute();
}

export async function findDeviceById(db: Executor, id: string) {
  return db.selectFrom('user_devices').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDeviceBySecretHash(db: Executor, secretHash: string) {
  return db.selectFrom('user_devices').selectAll().where('secret_hash', '=', secretHash).executeTakeFirst();
}

/** Devices with the number of people each held at its last sync, newest first. */
export async function listDevices(db: Executor, where: { userId?: string; orgId?: string }) {
  let query = db
    .selectFrom('user_devices')
    .selectAll('user_devices')
    .select((eb) =>
      eb
        .selectFrom('sync_device_people')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('sync_device_people.device_id', '=', 'user_devices.id')
        .as('offline_people'),
    )
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
  if (where.userId) query = query.where('user_id', '=', where.userId);
  if (where.orgId) query = query.where('org_id', '=', where.orgId);
  return query.limit(200).execute();
}

export async function updateDevice(db: Executor, id: string, changes: Updateable<UserDevicesTable>) {
  await db.updateTable('user_devices').set(changes).where('id', '=', id).execute();
}

export async function findChanges(db: Executor, deviceId: string, changeIds: readonly string[]) {
  if (changeIds.length === 0) return [];
  return db
    .selectFrom('sync_changes')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('change_id', 'in', changeIds)
    .execute();
}

export async function insertChange(db: Executor, row: SyncChangesTable) {
  await db.insertInto('sync_changes').values(row).execute();
}

export async function updateChange(
  db: Executor,
  deviceId: string,
  changeId: string,
  changes: Updateable<SyncChangesTable>,
) {
  await db
    .updateTable('sync_changes')
    .set(changes)
    .where('device_id', '=', deviceId)
    .where('change_id', '=', changeId)
    .execute();
}

/** Keeps a waiting change once: a retry of the same change leaves the first copy. */
export async function insertPending(db: Executor, row: SyncPendingTable) {
  await db
    .insertInto('sync_pending')
    .values(row)
    .onConflict((oc) => oc.columns(['device_id', 'change_id']).doNothing())
    .execute();
}

export async function findPending(db: Executor, deviceId: string) {
  return db
    .selectFrom('sync_pending')
    .selectAll()
    .where('device_id', '=', deviceId)
    .orderBy('received_at')
    .orderBy('change_id')
    .limit(1000)
    .execute();
}

export async function deletePending(db: Executor, deviceId: string, changeId: string) {
  await db
    .deleteFrom('sync_pending')
    .where('device_id', '=', deviceId)
    .where('change_id', '=', changeId)
    .execute();
}

/** Replaces the set of people a device holds (ids only). */
export async function replaceDevicePeople(db: Executor, deviceId: string, personIds: string[], at: string) {
  const existing = await db
    .selectFrom('sync_device_people')
    .select('person_id')
    .where('device_id', '=', deviceId)
    .execute();
  const keep = new Set(personIds);
  const had = new Set(existing.map((r) => r.person_id));
  const dropped = [...had].filter((id) => !keep.has(id));
  if (dropped.length > 0)
    await db
      .deleteFrom('sync_device_people')
      .where('device_id', '=', deviceId)
      .where('person_id', 'in', dropped)
      .execute();
  const added = personIds.filter((id) => !had.has(id));
  if (added.length > 0)
    await db
      .insertInto('sync_device_people')
      .values(added.map((person_id) => ({ device_id: deviceId, person_id, since: at })))
      .execute();
}

/** Outcomes older than any device may still retry (it wipes itself sooner) are dropped. */
export async function pruneChanges(db: Executor, deviceId: string, beforeIso: string) {
  await db
    .deleteFrom('sync_changes')
    .where('device_id', '=', deviceId)
    .where('applied_at', '<', beforeIso)
    .execute();
}

export async function readSetting(db: Executor, key: string) {
  return db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
}

export async function writeSetting(db: Executor, key: string, value: string, at: string) {
  await db
    .insertInto('settings')
    .values({ key, value, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: at }))
    .execute();
}
