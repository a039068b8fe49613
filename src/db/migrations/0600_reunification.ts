import type { Kysely } from 'kysely';

// Family tracing and reunification. Names and whereabouts are ciphertext: tracing requests under
// their own data key, family links and event notes under the person's key. Plain columns hold what
// matching, deadlines and counts need (dates of events, statuses, countries, legal bases).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tracing_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('enquirer_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('enquirer', 'text')
    .addColumn('enquirer_country', 'text')
    .addColumn('enquirer_legal_status', 'text')
    .addColumn('enquirer_consent_basis', 'text')
    .addColumn('sought', 'text', (c) => c.notNull())
    .addColumn('sought_sex', 'text', (c) => c.notNull())
    .addColumn('sought_birth_year', 'integer')
    .addColumn('sought_age_estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sought_nationality', 'text')
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('separated_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('tracing_requests_org_idx')
    .on('tracing_requests')
    .columns(['org_id', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('tracing_request_keys')
    .addColumn('request_id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tracing_request_index')
    .addColumn('request_id', 'text', (c) => c.notNull().references('tracing_requests.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hmac', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tracing_request_index_lookup_idx')
    .on('tracing_request_index')
    .columns(['kind', 'hmac'])
    .execute();
  await db.schema
    .createIndex('tracing_request_index_request_idx')
    .on('tracing_request_index')
    .column('request_id')
    .execute();

  await db.schema
    .createTable('tracing_matches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('tracing_requests.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tracing_matches_request_person_uq', ['request_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('family_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('relative_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('kinship', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('legal_status', 'text')
    .addColumn('details', 'text')
    .addColumn('tracing_request_id', 'text', (c) => c.references('tracing_requests.id'))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('family_links_person_idx').on('family_links').column('person_id').execute();

  await db.schema
    .createTable('reunification_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('rule_set', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('applicant_child', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('assigned_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('tracing_request_id', 'text', (c) => c.references('tracing_requests.id'))
    .addColumn('application_lodged_on', 'text', (c) => c.notNull())
    .addColumn('eurodac_hit_on', 'text')
    .addColumn('request_sent_on', 'text')
    .addColumn('request_urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reply_on', 'text')
    .addColumn('accepted_on', 'text')
    .addColumn('deemed_acceptance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_on', 'text')
    .addColumn('re_examination_requested_on', 'text')
    .addColumn('re_examination_reply_on', 'text')
    .addColumn('appeal_decided_on', 'text')
    .addColumn('transfer_extension', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('transfer_planned_on', 'text')
    .addColumn('transferred_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('stage_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('reunification_cases_org_idx')
    .on('reunification_cases')
    .columns(['org_id', 'stage', 'created_at'])
    .execute();
  await db.schema
    .createIndex('reunification_cases_person_idx')
    .on('reunification_cases')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('reunification_case_relatives')
    .addColumn('case_id', 'text', (c) => c.notNull().references('reunification_cases.id'))
    .addColumn('family_link_id', 'text', (c) => c.notNull().references('family_links.id'))
    .addPrimaryKeyConstraint('reunification_case_relatives_pk', ['case_id', 'family_link_id'])
    .execute();

  await db.schema
    .createTable('reunification_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('reunification_cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text')
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('reunification_events_case_idx')
    .on('reunification_events')
    .columns(['case_id', 'id'])
    .execute();

  await db.schema
    .createTable('reunification_evidence')
    .addColumn('case_id', 'text', (c) => c.notNull().references('reunification_cases.id'))
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reunification_evidence_pk', ['case_id', 'item'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'reunification_evidence',
    'reunification_events',
    'reunification_case_relatives',
    'reunification_cases',
    'family_links',
    'tracing_matches',
    'tracing_request_index',
    'tracing_request_keys',
    'tracing_requests',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
