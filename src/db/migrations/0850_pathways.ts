import { type Kysely, sql } from 'kysely';

// Legal pathways: the route each person is on (history kept), the procedures followed (asylum
// stages and voluntary return steps, with documents), appointments, interpreters and their
// bookings, and registration cards. Plain columns hold dates, stages and codes for deadlines and
// statistics; notes and document numbers are sealed with the person's data key.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pathways')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('is_current', 'integer', (c) => c.notNull())
    .addColumn('counselling_session_id', 'text', (c) => c.references('counselling_sessions.id'))
    .addColumn('reunification_case_id', 'text')
    .addColumn('notes', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('pathways_person_idx')
    .on('pathways')
    .columns(['person_id', 'created_at'])
    .execute();
  // One current pathway per person and organisation, even under concurrent requests.
  await db.schema
    .createIndex('pathways_current_uq')
    .on('pathways')
    .columns(['person_id', 'org_id'])
    .unique()
    .where(sql.ref('is_current'), '=', 1)
    .execute();
  await db.schema
    .createIndex('pathways_route_idx')
    .on('pathways')
    .columns(['org_id', 'route', 'is_current'])
    .execute();

  await db.schema
    .createTable('procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('pathway_id', 'text', (c) => c.references('pathways.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('procedure_type', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('followed_by', 'text', (c) => c.references('users.id'))
    .addColumn('destination_country', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedures_person_idx').on('procedures').column('person_id').execute();
  await db.schema.createIndex('procedures_org_idx').on('procedures').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('procedure_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text')
    .addColumn('result', 'text')
    .addColumn('custody', 'text')
    .addColumn('counselling_session_id', 'text', (c) => c.references('counselling_sessions.id'))
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('procedure_events_procedure_idx')
    .on('procedure_events')
    .columns(['procedure_id', 'occurred_on'])
    .execute();

  await db.schema
    .createTable('procedure_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('procedure_id', 'text', (c) => c.notNull().references('procedures.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    .addColumn('replaced_by', 'text')
    .addColumn('number', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('procedure_documents_procedure_idx')
    .on('procedure_documents')
    .column('procedure_id')
    .execute();

  await db.schema
    .createTable('appointments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('procedure_id', 'text', (c) => c.references('procedures.id'))
    .addColumn('stage', 'text')
    .addColumn('counselling_session_id', 'text', (c) => c.references('counselling_sessions.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('local_date', 'text', (c) => c.notNull())
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('map_reference', 'text')
    .addColumn('host_organisation', 'text', (c) => c.notNull())
    .addColumn('interpreter_language', 'text')
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text')
    .addColumn('follow_up_done_at', 'text')
    .addColumn('notes', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('appointments_day_idx')
    .on('appointments')
    .columns(['org_id', 'local_date', 'site_id'])
    .execute();
  await db.schema
    .createIndex('appointments_person_idx')
    .on('appointments')
    .columns(['person_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('interpreters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interpreters_org_idx')
    .on('interpreters')
    .columns(['org_id', 'active'])
    .execute();

  await db.schema
    .createTable('interpreter_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('interpreter_id', 'text', (c) => c.notNull().references('interpreters.id'))
    .addColumn('appointment_id', 'text', (c) => c.references('appointments.id'))
    .addColumn('counselling_session_id', 'text', (c) => c.references('counselling_sessions.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('interpreter_bookings_time_idx')
    .on('interpreter_bookings')
    .columns(['interpreter_id', 'status', 'starts_at'])
    .execute();

  await db.schema
    .createTable('registration_cards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text')
    .addColumn('printed_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_printed_at', 'text')
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema
    .createIndex('registration_cards_person_idx')
    .on('registration_cards')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'registration_cards',
    'interpreter_bookings',
    'interpreters',
    'appointments',
    'procedure_documents',
    'procedure_events',
    'procedures',
    'pathways',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
