import type { Kysely } from 'kysely';

// Information content (articles and every saved version of every language) and counselling
// records. Counselling notes are the only personal free text here and are encrypted per session.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('articles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('source_lang', 'text', (c) => c.notNull())
    .addColumn('source_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('article_translations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source_version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('blocks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('author_id', 'text')
    .addColumn('submitted_by', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('published_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('article_translations_version_uq', ['article_id', 'lang', 'version'])
    .execute();
  await db.schema
    .createIndex('article_translations_public_idx')
    .on('article_translations')
    .columns(['lang', 'status'])
    .execute();

  await db.schema
    .createTable('counselling_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('counsellor_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('interpreter_used', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('topics', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('options_discussed', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('stated_intention', 'text', (c) => c.notNull())
    .addColumn('referrals', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('follow_up_on', 'text')
    .addColumn('follow_up_done_at', 'text')
    .addColumn('follow_up_done_by', 'text')
    .addColumn('notes', 'text')
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('counselling_sessions_org_idx')
    .on('counselling_sessions')
    .columns(['org_id', 'held_on'])
    .execute();
  await db.schema
    .createIndex('counselling_sessions_follow_up_idx')
    .on('counselling_sessions')
    .columns(['counsellor_id', 'follow_up_on'])
    .execute();
  await db.schema
    .createIndex('counselling_sessions_person_idx')
    .on('counselling_sessions')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['counselling_sessions', 'article_translations', 'articles']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
