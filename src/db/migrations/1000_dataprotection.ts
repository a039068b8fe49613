import { type Kysely, sql } from 'kysely';

// Data protection operations: retention policies and legal holds, erasure and access requests
// with their second-person approvals, the erasure ledger that restores replay, and the master
// key versions and rotations. Ids and dates only; notes are sealed with the person's key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('retention_policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_status', 'text', (c) => c.notNull())
    .addColumn('keep_days', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('retention_policies_uq', ['org_id', 'record_type', 'record_status'])
    .execute();

  await db.schema
    .createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text')
    .addColumn('min_keep_days', 'integer')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_until', 'text')
    .addColumn('placed_by', 'text')
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text')
    .addColumn('released_at', 'text')
    .execute();
  await db.schema
    .createIndex('legal_holds_record_idx')
    .on('legal_holds')
    .columns(['record_type', 'record_id'])
    .execute();

  await db.schema
    .createTable('retention_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('dry_run', 'integer', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('report', 'text')
    .execute();
  await db.schema
    .createIndex('retention_runs_org_idx')
    .on('retention_runs')
    .columns(['org_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('erasure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('ground', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('refusal_ground', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('summary', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('erasure_requests_org_idx')
    .on('erasure_requests')
    .columns(['org_id', 'status', 'requested_at'])
    .execute();
  // One open request per person: two DPOs filing at once cannot both go through.
  await db.schema
    .createIndex('erasure_requests_pending_uq')
    .on('erasure_requests')
    .column('person_id')
    .unique()
    .where(sql.ref('status'), '=', 'pending')
    .execute();

  await db.schema
    .createTable('erasure_ledger')
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addPrimaryKeyConstraint('erasure_ledger_pk', ['subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('access_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('verification', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('refusal_reason', 'text')
    .addColumn('export_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_exported_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('access_requests_org_idx')
    .on('access_requests')
    .columns(['org_id', 'status', 'requested_at'])
    .execute();

  await db.schema
    .createTable('key_versions')
    .addColumn('version', 'integer', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('audit_until_seq', 'integer')
    .addColumn('wrapped_audit_key', 'text')
    .execute();

  await db.schema
    .createTable('key_rotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('to_version', 'integer', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'key_rotations',
    'key_versions',
    'access_requests',
    'erasure_ledger',
    'erasure_requests',
    'retention_runs',
    'legal_holds',
    'retention_policies',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
