import type { Kysely } from 'kysely';

// Site monitoring: population estimates held as evidence (append-only, corrections supersede),
// DTM-style assessments and protection incidents. Sites themselves are in 0050.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sites').addColumn('managed_by', 'text').execute();

  await db.schema
    .createTable('population_estimates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('estimated_on', 'text', (c) => c.notNull())
    .addColumn('source_name', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text')
    .addColumn('low', 'integer')
    .addColumn('high', 'integer')
    .addColumn('point', 'integer')
    .addColumn('breakdown', 'text')
    .addColumn('supersedes_id', 'text', (c) => c.references('population_estimates.id'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('population_estimates_site_idx')
    .on('population_estimates')
    .columns(['site_id', 'estimated_on'])
    .execute();
  // An entry is corrected at most once, so corrections form a chain, never a fork; two
  // concurrent corrections of one entry cannot both commit. NULLs do not collide.
  await db.schema
    .createIndex('population_estimates_supersedes_idx')
    .on('population_estimates')
    .column('supersedes_id')
    .unique()
    .execute();

  await db.schema
    .createTable('site_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('assessed_on', 'text', (c) => c.notNull())
    .addColumn('shelter_severity', 'integer', (c) => c.notNull())
    .addColumn('wash_severity', 'integer', (c) => c.notNull())
    .addColumn('health_severity', 'integer', (c) => c.notNull())
    .addColumn('protection_severity', 'integer', (c) => c.notNull())
    .addColumn('latrines', 'integer')
    .addColumn('water_points', 'integer')
    .addColumn('showers', 'integer')
    .addColumn('protection_risks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('services', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('key_informants', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('site_assessments_site_idx')
    .on('site_assessments')
    .columns(['site_id', 'assessed_on'])
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('people_affected', 'integer')
    .addColumn('description', 'text')
    .addColumn('wrapped_key', 'text')
    .addColumn('key_version', 'integer')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incidents_site_idx')
    .on('incidents')
    .columns(['site_id', 'occurred_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('incidents').ifExists().execute();
  await db.schema.dropTable('site_assessments').ifExists().execute();
  await db.schema.dropTable('population_estimates').ifExists().execute();
  await db.schema.alterTable('sites').dropColumn('managed_by').execute();
}
