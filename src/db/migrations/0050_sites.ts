import type { Kysely } from 'kysely';

// Sites come before the registry: people and households point at the site where they are.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sites')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text', (c) => c.references('sites.id'))
    .addColumn('region', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('outline', 'text')
    .addColumn('contact', 'text')
    .addColumn('opened_on', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sites_parent_idx').on('sites').column('parent_id').execute();
  await db.schema.createIndex('sites_kind_idx').on('sites').columns(['kind', 'status']).execute();

  await db.schema
    .createTable('site_status_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('site_id', 'text', (c) => c.notNull().references('sites.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changed_by', 'text')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('site_status_history_site_idx')
    .on('site_status_history')
    .columns(['site_id', 'effective_on'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('site_status_history').ifExists().execute();
  await db.schema.dropTable('sites').ifExists().execute();
}
