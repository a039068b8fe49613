import { type Kysely, sql } from 'kysely';

// Reception: places by category per centre, the ledger of stays, relocations with their events,
// convoys, placement preferences and plans. Occupancy is always counted, never stored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('centre_profiles')
    .addColumn('site_id', 'text', (c) => c.primaryKey().references('sites.id'))
    .addColumn('medical_care', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('child_protection', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accessible', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('languages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('capacities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('blocked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('capacities_site_category_unique', ['site_id', 'category'])
    .execute();

  await db.schema
    .createTable('convoys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('origin_site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('departs_on', 'text', (c) => c.notNull())
    .addColumn('vehicle', 'text', (c) => c.notNull())
    .addColumn('vehicle_capacity', 'integer', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('convoys_departs_idx').on('convoys').column('departs_on').execute();

  await db.schema
    .createTable('placement_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .execute();

  await db.schema
    .createTable('relocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('from_site_id', 'text', (c) => c.references('sites.id'))
    .addColumn('to_site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('people_count', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('convoy_id', 'text', (c) => c.references('convoys.id'))
    .addColumn('return_reason', 'text')
    .addColumn('plan_id', 'text', (c) => c.references('placement_plans.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relocations_to_idx')
    .on('relocations')
    .columns(['to_site_id', 'category', 'status'])
    .execute();
  await db.schema
    .createIndex('relocations_status_idx')
    .on('relocations')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema.createIndex('relocations_convoy_idx').on('relocations').column('convoy_id').execute();

  await db.schema
    .createTable('relocation_people')
    .addColumn('relocation_id', 'text', (c) => c.notNull().references('relocations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('is_open', 'integer')
    .addPrimaryKeyConstraint('relocation_people_pk', ['relocation_id', 'person_id'])
    .execute();
  // One relocation under way per person, even when two requests race (both engines support
  // partial unique indexes).
  await db.schema
    .createIndex('relocation_people_open_unique')
    .on('relocation_people')
    .column('person_id')
    .unique()
    .where(sql.ref('is_open'), '=', 1)
    .execute();
  await db.schema
    .createIndex('relocation_people_person_idx')
    .on('relocation_people')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('relocation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('relocation_id', 'text', (c) => c.notNull().references('relocations.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('return_reason', 'text')
    .addColumn('site_id', 'text', (c) => c.references('sites.id'))
    .execute();
  await db.schema
    .createIndex('relocation_events_relocation_idx')
    .on('relocation_events')
    .columns(['relocation_id', 'occurred_at'])
    .execute();

  await db.schema
    .createTable('stays')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('relocation_id', 'text', (c) => c.references('relocations.id'))
    .addColumn('admitted_at', 'text', (c) => c.notNull())
    .addColumn('discharged_at', 'text')
    .addColumn('discharge_reason', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('stays_site_idx')
    .on('stays')
    .columns(['site_id', 'category', 'discharged_at'])
    .execute();
  await db.schema.createIndex('stays_person_idx').on('stays').column('person_id').execute();

  await db.schema
    .createTable('placement_preferences')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('preferred_regions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('preferred_site_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('relatives_regions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'placement_preferences',
    'stays',
    'relocation_events',
    'relocation_people',
    'relocations',
    'placement_plans',
    'convoys',
    'capacities',
    'centre_profiles',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
