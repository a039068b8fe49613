import type { Kysely } from 'kysely';

// Duplicate review: pairs proposed by the whole-registry run, and merges (reversible).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('duplicate_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_a', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('person_b', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('probability', 'double precision', (c) => c.notNull())
    .addColumn('weight', 'double precision', (c) => c.notNull())
    .addColumn('explanation', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text')
    .addColumn('found_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .addUniqueConstraint('duplicate_pairs_people_uq', ['person_a', 'person_b'])
    .execute();
  await db.schema
    .createIndex('duplicate_pairs_queue_idx')
    .on('duplicate_pairs')
    .columns(['status', 'probability', 'id'])
    .execute();
  await db.schema.createIndex('duplicate_pairs_b_idx').on('duplicate_pairs').column('person_b').execute();

  await db.schema
    .createTable('person_merges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pair_id', 'text', (c) => c.notNull().references('duplicate_pairs.id'))
    .addColumn('survivor_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('merged_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('moved', 'text', (c) => c.notNull())
    .addColumn('merged_by', 'text')
    .addColumn('merged_at', 'text', (c) => c.notNull())
    .addColumn('undone_by', 'text')
    .addColumn('undone_at', 'text')
    .execute();
  await db.schema.createIndex('person_merges_pair_idx').on('person_merges').column('pair_id').execute();
  await db.schema.createIndex('people_merged_into_idx').on('people').column('merged_into').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('people_merged_into_idx').ifExists().execute();
  await db.schema.dropTable('person_merges').ifExists().execute();
  await db.schema.dropTable('duplicate_pairs').ifExists().execute();
}
