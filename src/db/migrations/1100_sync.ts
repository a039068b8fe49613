import type { Kysely } from 'kysely';

// Offline devices and the sync protocol. Change ids are the client's; they are unique per device,
// so a replayed change is found and answered with its first outcome instead of being applied again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull().unique())
    .addColumn('session_id', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('last_sync_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await db.schema.createIndex('user_devices_user_idx').on('user_devices').column('user_id').execute();
  await db.schema.createIndex('user_devices_org_idx').on('user_devices').column('org_id').execute();

  await db.schema
    .createTable('sync_changes')
    .addColumn('device_id', 'text', (c) => c.notNull().references('user_devices.id'))
    .addColumn('change_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_changes_pk', ['device_id', 'change_id'])
    .execute();
  await db.schema
    .createIndex('sync_changes_applied_idx')
    .on('sync_changes')
    .columns(['device_id', 'applied_at'])
    .execute();

  await db.schema
    .createTable('sync_pending')
    .addColumn('device_id', 'text', (c) => c.notNull().references('user_devices.id'))
    .addColumn('change_id', 'text', (c) => c.notNull())
    .addColumn('depends_on', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_pending_pk', ['device_id', 'change_id'])
    .execute();

  await db.schema
    .createTable('sync_device_people')
    .addColumn('device_id', 'text', (c) => c.notNull().references('user_devices.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('since', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_device_people_pk', ['device_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('sync_device_people_person_idx')
    .on('sync_device_people')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['sync_device_people', 'sync_pending', 'sync_changes', 'user_devices']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
