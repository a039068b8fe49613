import type { Kysely } from 'kysely';

// The registry: people and households. Direct identifiers live only in `identity` (and `photo`),
// encrypted with the person's data key from `person_keys`; deleting that key erases them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_org_idx').on('households').column('org_id').execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('sex', 'text', (c) => c.notNull())
    .addColumn('birth_year', 'integer')
    .addColumn('age_estimated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('nationality', 'text')
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('identity', 'text', (c) => c.notNull())
    .addColumn('photo', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_org_idx').on('people').columns(['org_id', 'created_at']).execute();
  await db.schema.createIndex('people_site_idx').on('people').columns(['site_id', 'status']).execute();
  await db.schema.createIndex('people_household_idx').on('people').column('household_id').execute();

  await db.schema
    .createTable('person_keys')
    .addColumn('person_id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Blind indexes: keyed, truncated HMACs of name keys; several people share each value.
  await db.schema
    .createTable('person_index')
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('hmac', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('person_index_lookup_idx')
    .on('person_index')
    .columns(['kind', 'hmac', 'person_id'])
    .execute();
  await db.schema.createIndex('person_index_person_idx').on('person_index').column('person_id').execute();

  await db.schema
    .createTable('household_members')
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .addPrimaryKeyConstraint('household_members_pk', ['household_id', 'person_id', 'joined_at'])
    .execute();
  await db.schema
    .createIndex('household_members_person_idx')
    .on('household_members')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('specific_needs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('noted_by', 'text')
    .addColumn('noted_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text')
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('specific_needs_person_idx').on('specific_needs').column('person_id').execute();
  await db.schema
    .createIndex('specific_needs_category_idx')
    .on('specific_needs')
    .columns(['category', 'removed_at'])
    .execute();

  await db.schema
    .createTable('consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_by', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createIndex('consents_person_idx')
    .on('consents')
    .columns(['person_id', 'purpose'])
    .execute();

  // Edit history: which fields changed when and by whom; old and new values encrypted.
  await db.schema
    .createTable('person_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('change', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('person_history_person_idx')
    .on('person_history')
    .columns(['person_id', 'changed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'person_history',
    'consents',
    'specific_needs',
    'household_members',
    'person_index',
    'person_keys',
    'people',
    'households',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
