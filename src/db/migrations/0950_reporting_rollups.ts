import { type Kysely, PostgresAdapter, sql } from 'kysely';

/*
 * Reporting rollups: the overview's counts of people kept pre-counted by the database itself, so
 * that a report reads a few thousand rows instead of every person (issue 10: 1,000,000 people).
 * Triggers on `people` and `specific_needs` keep them, so that no writer (registration, import,
 * edit, merge, erasure, shredding, relocation, sync, or one added later) can forget to.
 *
 * Each table holds signed counts keyed by plain columns; a report sums them (`having sum(n) > 0`).
 * Absent values are stored as sentinels, because a unique key never matches NULL: site and
 * nationality '', birth year -1, need category '' for "any need". A child's `strength` is their
 * strongest current SC code: 2 SC-UC (unaccompanied), 1 SC-SC (separated), 0 the others.
 *
 * SQLite (one writer at a time) adds each change to its row in place (upsert). PostgreSQL
 * appends signed rows instead: an in-place counter would be one hot row that every registration
 * of the same site, sex and birth year waits on until it commits, and a bulk registration that
 * updates hundreds of such rows in its own order can deadlock with another. Appended rows are
 * folded into one row per key now and then (rollups.repository.ts foldReportRollups); the
 * sequence report_rollup_changes counts the trigger runs since the last fold.
 *
 * Triggers compute the change of each person's contribution as (after) − (before). PostgreSQL's
 * run once per statement over its transition tables (a bulk insert of 1,000 people is one set
 * operation); row-level AFTER triggers there would all see the statement's final state, so two
 * needs of one category inserted together would each find the other and neither count.
 */

const STRENGTH = (code: string) =>
  `case when ${code} = 'SC-UC' then 2 when ${code} = 'SC-SC' then 1 else 0 end`;
const SITE = (alias: string) => `coalesce(${alias}.site_id, '')`;
const YEAR = (alias: string) => `coalesce(${alias}.birth_year, -1)`;

const ROLLUP_KEYS = {
  report_people_totals: ['site_id', 'org_id', 'sex', 'birth_year'],
  report_people_new: ['created_day', 'site_id', 'org_id', 'sex', 'birth_year'],
  report_people_nationality: ['site_id', 'org_id', 'nationality'],
  report_needs: ['site_id', 'org_id', 'category'],
  report_children: ['site_id', 'org_id', 'sex', 'birth_year', 'strength'],
} as const;
type Rollup = keyof typeof ROLLUP_KEYS;

/** `insert … select` of signed, grouped rows; SQLite adds them to the existing row of the key. */
function insertInto(table: Rollup, select: string, upsert: boolean): string {
  const keys = ROLLUP_KEYS[table];
  const conflict = upsert ? ` on conflict (${keys.join(', ')}) do update set n = n + excluded.n` : '';
  return `insert into ${table} (${keys.join(', ')}, n) ${select}${conflict}`;
}

/**
 * The change of every rollup when people rows come and go: `changed` lists them with `sign` +1
 * (the row as it is now) or −1 (as it was), with the needs they hold at this moment. A person
 * just inserted holds none (`specific_needs.person_id` is a foreign key, checked at once on both
 * engines), so insert triggers leave out the need rollups: half the work of a bulk registration's.
 */
function peopleStatements(changed: string, upsert: boolean, withNeeds = true): string[] {
  const needPairs = `(select distinct c.sign, c.id, ${SITE('c')} as site_id, c.org_id, s.category
      from ${changed} c join specific_needs s on s.person_id = c.id and s.removed_at is null
      where c.status = 'active')`;
  const strongest = `(select c.sign, c.id, ${SITE('c')} as site_id, c.org_id, c.sex, ${YEAR('c')} as birth_year,
        max(${STRENGTH('s.code')}) as strength
      from ${changed} c join specific_needs s
        on s.person_id = c.id and s.removed_at is null and s.category = 'SC'
      where c.status = 'active'
      group by c.sign, c.id, c.site_id, c.org_id, c.sex, c.birth_year)`;
  const people = [
    insertInto(
      'report_people_totals',
      `select ${SITE('c')}, c.org_id, c.sex, ${YEAR('c')}, sum(c.sign) from ${changed} c
       where c.status = 'active' group by ${SITE('c')}, c.org_id, c.sex, ${YEAR('c')}
       having sum(c.sign) <> 0`,
      upsert,
    ),
    insertInto(
      'report_people_new',
      `select substr(c.created_at, 1, 10), ${SITE('c')}, c.org_id, c.sex, ${YEAR('c')}, sum(c.sign)
       from ${changed} c where c.status = 'active'
       group by substr(c.created_at, 1, 10), ${SITE('c')}, c.org_id, c.sex, ${YEAR('c')}
       having sum(c.sign) <> 0`,
      upsert,
    ),
    insertInto(
      'report_people_nationality',
      `select ${SITE('c')}, c.org_id, coalesce(c.nationality, ''), sum(c.sign) from ${changed} c
       where c.status = 'active' group by ${SITE('c')}, c.org_id, coalesce(c.nationality, '')
       having sum(c.sign) <> 0`,
      upsert,
    ),
  ];
  if (!withNeeds) return people;
  return [
    ...people,
    insertInto(
      'report_needs',
      `select x.site_id, x.org_id, x.category, sum(x.sign) from ${needPairs} x where 1 = 1
       group by x.site_id, x.org_id, x.category having sum(x.sign) <> 0`,
      upsert,
    ),
    insertInto(
      'report_needs',
      `select ${SITE('c')}, c.org_id, '', sum(c.sign) from ${changed} c
       where c.status = 'active' and exists
         (select 1 from specific_needs s where s.person_id = c.id and s.removed_at is null)
       group by ${SITE('c')}, c.org_id having sum(c.sign) <> 0`,
      upsert,
    ),
    insertInto(
      'report_children',
      `select x.site_id, x.org_id, x.sex, x.birth_year, x.strength, sum(x.sign) from ${strongest} x
       where 1 = 1 group by x.site_id, x.org_id, x.sex, x.birth_year, x.strength
       having sum(x.sign) <> 0`,
      upsert,
    ),
  ];
}

interface NeedsChange {
  /** The people whose needs changed: `(select person_id …)` or `(id, id)`. */
  affected: string;
  /** Ids of the rows as they are now, left out of the "before" state. */
  newIds: string | null;
  /** The rows as they were (person_id, category, code, removed_at), added back to "before". */
  oldRows: string | null;
}

/** The change of the need rollups when need rows change: each affected person, after − before. */
function needsStatements({ affected, newIds, oldRows }: NeedsChange, upsert: boolean): string[] {
  const current = `select s.person_id, s.category, s.code from specific_needs s
    where s.removed_at is null and s.person_id in ${affected}`;
  const after = `(${current})`;
  const before = `(${current}${newIds ? ` and s.id not in ${newIds}` : ''}${
    oldRows
      ? ` union all select o.person_id, o.category, o.code from ${oldRows} o where o.removed_at is null`
      : ''
  })`;
  const byPerson = (signed: string, extra: string, select: string, group: string) =>
    `select ${select}, sum(x.sign) from ${signed} x join people p on p.id = x.person_id
     where p.status = 'active'${extra} group by ${group} having sum(x.sign) <> 0`;
  const categories = `(select distinct 1 as sign, a.person_id, a.category from ${after} a
    union all select distinct -1 as sign, b.person_id, b.category from ${before} b)`;
  const any = `(select distinct 1 as sign, a.person_id from ${after} a
    union all select distinct -1 as sign, b.person_id from ${before} b)`;
  const strongest = `(select 1 as sign, a.person_id, max(${STRENGTH('a.code')}) as strength from ${after} a
      where a.category = 'SC' group by a.person_id
    union all select -1 as sign, b.person_id, max(${STRENGTH('b.code')}) as strength from ${before} b
      where b.category = 'SC' group by b.person_id)`;
  return [
    insertInto(
      'report_needs',
      byPerson(categories, '', `${SITE('p')}, p.org_id, x.category`, `${SITE('p')}, p.org_id, x.category`),
      upsert,
    ),
    insertInto(
      'report_needs',
      byPerson(any, '', `${SITE('p')}, p.org_id, ''`, `${SITE('p')}, p.org_id`),
      upsert,
    ),
    insertInto(
      'report_children',
      byPerson(
        strongest,
        '',
        `${SITE('p')}, p.org_id, p.sex, ${YEAR('p')}, x.strength`,
        `${SITE('p')}, p.org_id, p.sex, ${YEAR('p')}, x.strength`,
      ),
      upsert,
    ),
  ];
}

const TRACKED = ['id', 'site_id', 'org_id', 'sex', 'birth_year', 'nationality', 'created_at', 'status'];
const rowOf = (sign: number, ref: string) =>
  `select ${sign} as sign, ${TRACKED.map((c) => `${ref}.${c} as ${c}`).join(', ')}`;
const changedOn = (a: string, b: string) => TRACKED.map((c) => `${a}.${c} is not ${b}.${c}`).join(' or ');
const samePg = (a: string, b: string) =>
  `(${TRACKED.map((c) => `${a}.${c}`).join(', ')}) is not distinct from (${TRACKED.map((c) => `${b}.${c}`).join(', ')})`;

async function sqliteTriggers(db: Kysely<unknown>): Promise<void> {
  const people = {
    insert: { when: '', changed: `(${rowOf(1, 'new')})` },
    update: {
      when: `when ${changedOn('old', 'new')}`,
      changed: `(${rowOf(-1, 'old')} union all ${rowOf(1, 'new')})`,
    },
    delete: { when: '', changed: `(${rowOf(-1, 'old')})` },
  };
  for (const [event, { when, changed }] of Object.entries(people)) {
    const body = peopleStatements(changed, true, event !== 'insert').join(';\n');
    await sql
      .raw(`create trigger report_people_${event} after ${event} on people for each row ${when}
        begin ${body}; end`)
      .execute(db);
  }
  const oldRow =
    '(select old.person_id as person_id, old.category as category, old.code as code, old.removed_at as removed_at)';
  const needs: Record<string, { when: string; change: NeedsChange }> = {
    insert: { when: '', change: { affected: '(new.person_id)', newIds: '(new.id)', oldRows: null } },
    update: {
      when: `when old.id is not new.id or old.person_id is not new.person_id or old.category is not new.category
        or old.code is not new.code or (old.removed_at is null) is not (new.removed_at is null)`,
      change: { affected: '(old.person_id, new.person_id)', newIds: '(new.id)', oldRows: oldRow },
    },
    delete: { when: '', change: { affected: '(old.person_id)', newIds: null, oldRows: oldRow } },
  };
  for (const [event, { when, change }] of Object.entries(needs)) {
    const body = needsStatements(change, true).join(';\n');
    await sql
      .raw(`create trigger report_needs_${event} after ${event} on specific_needs for each row ${when}
        begin ${body}; end`)
      .execute(db);
  }
}

async function postgresTriggers(db: Kysely<unknown>): Promise<void> {
  const newRows = `(select 1 as sign, n.* from new_rows n)`;
  const oldRows = `(select -1 as sign, o.* from old_rows o)`;
  const people = {
    insert: { referencing: 'new table as new_rows', changed: newRows },
    update: {
      referencing: 'old table as old_rows new table as new_rows',
      changed: `(select -1 as sign, o.* from old_rows o
          where not exists (select 1 from new_rows n where ${samePg('o', 'n')})
        union all select 1 as sign, n.* from new_rows n
          where not exists (select 1 from old_rows o where ${samePg('o', 'n')}))`,
    },
    delete: { referencing: 'old table as old_rows', changed: oldRows },
  };
  for (const [event, { referencing, changed }] of Object.entries(people)) {
    const body = peopleStatements(changed, false, event !== 'insert').join(';\n');
    await sql
      .raw(`create function report_people_on_${event}() returns trigger language plpgsql as $$
        begin ${body}; perform nextval('report_rollup_changes'); return null; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger report_people_${event} after ${event} on people
        referencing ${referencing} for each statement execute function report_people_on_${event}()`)
      .execute(db);
  }
  const needs: Record<string, { referencing: string; change: NeedsChange }> = {
    insert: {
      referencing: 'new table as new_rows',
      change: {
        affected: '(select person_id from new_rows)',
        newIds: '(select id from new_rows)',
        oldRows: null,
      },
    },
    update: {
      referencing: 'old table as old_rows new table as new_rows',
      change: {
        affected: '(select person_id from old_rows union select person_id from new_rows)',
        newIds: '(select id from new_rows)',
        oldRows: 'old_rows',
      },
    },
    delete: {
      referencing: 'old table as old_rows',
      change: { affected: '(select person_id from old_rows)', newIds: null, oldRows: 'old_rows' },
    },
  };
  for (const [event, { referencing, change }] of Object.entries(needs)) {
    // The people whose needs change are locked first, in id order, and the counts are computed
    // after (a fresh snapshot per statement): two transactions adding needs to one person, or one
    // adding a need while another moves the person, then count in turn instead of each from a
    // state that misses the other's change.
    const body = [
      `perform 1 from people where id in ${change.affected} order by id for no key update`,
      ...needsStatements(change, false),
    ].join(';\n');
    await sql
      .raw(`create function report_needs_on_${event}() returns trigger language plpgsql as $$
        begin ${body}; perform nextval('report_rollup_changes'); return null; end $$`)
      .execute(db);
    await sql
      .raw(`create trigger report_needs_${event} after ${event} on specific_needs
        referencing ${referencing} for each statement execute function report_needs_on_${event}()`)
      .execute(db);
  }
}

/** Every rollup counted afresh from the base tables (the people as they are now, with their needs). */
async function fill(db: Kysely<unknown>, upsert: boolean): Promise<void> {
  const everyone = `(select 1 as sign, ${TRACKED.map((c) => `people.${c}`).join(', ')} from people)`;
  for (const statement of peopleStatements(everyone, upsert)) await sql.raw(statement).execute(db);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const [table, keys] of Object.entries(ROLLUP_KEYS)) {
    let create = db.schema.createTable(table);
    for (const key of keys)
      create = create.addColumn(key, key === 'birth_year' || key === 'strength' ? 'integer' : 'text', (c) =>
        c.notNull(),
      );
    await create.addColumn('n', 'integer', (c) => c.notNull()).execute();
    if (!postgres)
      await db.schema
        .createIndex(`${table}_key`)
        .on(table)
        .columns([...keys])
        .unique()
        .execute();
  }
  if (postgres) {
    await db.schema
      .createIndex('report_people_new_day')
      .on('report_people_new')
      .column('created_day')
      .execute();
    await sql`create sequence report_rollup_changes`.execute(db);
    await postgresTriggers(db);
  } else await sqliteTriggers(db);
  await fill(db, !postgres);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const table of ['people', 'needs'])
    for (const event of ['insert', 'update', 'delete']) {
      const on = table === 'people' ? 'people' : 'specific_needs';
      await sql
        .raw(`drop trigger if exists report_${table}_${event}${postgres ? ` on ${on}` : ''}`)
        .execute(db);
      if (postgres) await sql.raw(`drop function if exists report_${table}_on_${event}()`).execute(db);
    }
  if (postgres) await sql`drop sequence if exists report_rollup_changes`.execute(db);
  for (const table of Object.keys(ROLLUP_KEYS)) await db.schema.dropTable(table).execute();
}
