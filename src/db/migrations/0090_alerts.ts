import type { Kysely } from 'kysely';

// Due work and warnings for people: raised by the registry (a child alone), cases (deadlines),
// reunification (legal clocks) and others; each names the record it is about.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('assigned_role', 'text')
    .addColumn('assigned_user_id', 'text')
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('details', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text')
    .execute();
  await db.schema
    .createIndex('alerts_org_state_idx')
    .on('alerts')
    .columns(['org_id', 'state', 'due_at'])
    .execute();
  await db.schema.createIndex('alerts_entity_idx').on('alerts').columns(['entity', 'entity_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('alerts').ifExists().execute();
}
