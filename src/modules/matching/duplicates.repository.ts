import { type Expression, type SqlBool, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeCondition } from '../access/scope.js';
import { receivesCrossOrganisationPairs } from './matching.policy.js';
import type { DuplicatePairsTable, PairStatus, PersonMergesTable } from './matching.tables.js';

/**
 * A pair is shown between its people's current records: a person merged into another is
 * represented by the survivor (`merged_into`, kept one hop deep by merges). Open pairs compare
 * the current records (`ra`, `rb`); decided pairs show the two registrations as they were
 * (`pa`, `pb`), so a merge can be reviewed and undone.
 *
 * Visibility (README.md): both records in the actor's scope → reviewable; otherwise, for a data
 * protection officer of the organisation that owns the older record, a restricted cross-
 * organisation entry (the other side's owner only); otherwise the pair does not exist for them.
 */
const olderIsA = (x: string, y: string) =>
  sql<SqlBool>`(${sql.ref(`${x}.created_at`)} < ${sql.ref(`${y}.created_at`)} or (${sql.ref(`${x}.created_at`)} = ${sql.ref(`${y}.created_at`)} and ${sql.ref(`${x}.id`)} < ${sql.ref(`${y}.id`)}))`;

function visibility(actor: Actor, x: string, y: string) {
  const seesX = scopeCondition(actor, x, 'person');
  const seesY = scopeCondition(actor, y, 'person');
  const full = sql<SqlBool>`(${seesX} and ${seesY})`;
  if (!receivesCrossOrganisationPairs(actor)) return { full, restricted: sql<SqlBool>`1 = 0` };
  const org = actor.orgId;
  const restricted = sql<SqlBool>`((${olderIsA(x, y)} and ${sql.ref(`${x}.org_id`)} = ${org} and not ${seesY})
    or (not ${olderIsA(x, y)} and ${sql.ref(`${y}.org_id`)} = ${org} and not ${seesX}))`;
  return { full, restricted };
}

function pairQuery(db: Executor, actor: Actor, current: boolean) {
  const [x, y] = current ? ['ra', 'rb'] : ['pa', 'pb'];
  const { full, restricted } = visibility(actor, x, y);
  return db
    .selectFrom('duplicate_pairs as dp')
    .innerJoin('people as pa', 'pa.id', 'dp.person_a')
    .innerJoin('people as pb', 'pb.id', 'dp.person_b')
    .innerJoin('people as ra', (j) => j.on(sql<SqlBool>`ra.id = coalesce(pa.merged_into, pa.id)`))
    .innerJoin('people as rb', (j) => j.on(sql<SqlBool>`rb.id = coalesce(pb.merged_into, pb.id)`))
    .selectAll('dp')
    .select([
      sql<string>`${sql.ref(`${x}.id`)}`.as('a_id'),
      sql<string>`${sql.ref(`${x}.code`)}`.as('a_code'),
      sql<string>`${sql.ref(`${x}.org_id`)}`.as('a_org'),
      sql<string>`${sql.ref(`${x}.status`)}`.as('a_status'),
      sql<string>`${sql.ref(`${x}.created_at`)}`.as('a_created'),
      sql<string>`${sql.ref(`${y}.id`)}`.as('b_id'),
      sql<string>`${sql.ref(`${y}.code`)}`.as('b_code'),
      sql<string>`${sql.ref(`${y}.org_id`)}`.as('b_org'),
      sql<string>`${sql.ref(`${y}.status`)}`.as('b_status'),
      sql<string>`${sql.ref(`${y}.created_at`)}`.as('b_created'),
      sql<number>`case when ${scopeCondition(actor, x, 'person')} then 1 else 0 end`.as('a_visible'),
      sql<number>`case when ${scopeCondition(actor, y, 'person')} then 1 else 0 end`.as('b_visible'),
    ])
    .where(sql<SqlBool>`(${full} or ${restricted})`)
    .where(sql<SqlBool>`${sql.ref(`${x}.status`)} != 'erased' and ${sql.ref(`${y}.status`)} != 'erased'`);
}

export type PairRow = Awaited<ReturnType<ReturnType<typeof pairQuery>['executeTakeFirstOrThrow']>>;

export interface PairFilter {
  status: PairStatus;
  personId?: string;
}

/** The queue (or a person's decided pairs), most likely first, keyset-paginated on (probability, id). */
export async function listPairs(
  db: Executor,
  actor: Actor,
  filter: PairFilter,
  after: { p: number; i: string } | undefined,
  limit: number,
): Promise<PairRow[]> {
  const current = filter.status === 'open';
  let query = pairQuery(db, actor, current).where('dp.status', '=', filter.status);
  if (current) {
    query = query
      .where('ra.status', '=', 'active')
      .where('rb.status', '=', 'active')
      .where(sql<SqlBool>`ra.id != rb.id`);
  }
  if (filter.personId) {
    const id = filter.personId;
    query = query.where((eb) =>
      eb.or([
        eb('dp.person_a', '=', id),
        eb('dp.person_b', '=', id),
        eb('ra.id', '=', id),
        eb('rb.id', '=', id),
      ]),
    );
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('dp.probability', '<', after.p),
        eb.and([eb('dp.probability', '=', after.p), eb('dp.id', '>', after.i)]),
      ]),
    );
  }
  return query.orderBy('dp.probability', 'desc').orderBy('dp.id').limit(limit).execute();
}

/** One pair as the actor may see it: its current records when open, its registrations when decided. */
export async function findPairForActor(db: Executor, actor: Actor, id: string): Promise<PairRow | undefined> {
  const status = await db
    .selectFrom('duplicate_pairs')
    .select('status')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!status) return undefined;
  return pairQuery(db, actor, status.status === 'open')
    .where('dp.id', '=', id)
    .executeTakeFirst();
}

export async function findPairById(db: Executor, id: string) {
  return db.selectFrom('duplicate_pairs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePair(db: Executor, id: string, changes: Updateable<DuplicatePairsTable>) {
  await db.updateTable('duplicate_pairs').set(changes).where('id', '=', id).execute();
}

/** Open pairs between the two clusters (each root and the people merged into it), this one included. */
export async function findOpenPairsBetween(db: Executor, rootA: string, rootB: string): Promise<string[]> {
  const members = (root: string): Expression<SqlBool> =>
    sql<SqlBool>`(p.id = ${root} or p.merged_into = ${root})`;
  const inCluster = (column: 'dp.person_a' | 'dp.person_b', root: string) =>
    sql<SqlBool>`${sql.ref(column)} in (select p.id from people p where ${members(root)})`;
  const rows = await db
    .selectFrom('duplicate_pairs as dp')
    .select('dp.id')
    .where('dp.status', '=', 'open')
    .where(
      sql<SqlBool>`((${inCluster('dp.person_a', rootA)} and ${inCluster('dp.person_b', rootB)})
        or (${inCluster('dp.person_a', rootB)} and ${inCluster('dp.person_b', rootA)}))`,
    )
    .execute();
  return rows.map((r) => r.id);
}

export async function setPairsDecided(
  db: Executor,
  ids: readonly string[],
  changes: Pick<DuplicatePairsTable, 'status' | 'decided_by' | 'decided_at'>,
) {
  if (ids.length === 0) return;
  await db.updateTable('duplicate_pairs').set(changes).where('id', 'in', ids).execute();
}

export async function insertMerge(db: Executor, row: PersonMergesTable) {
  await db.insertInto('person_merges').values(row).execute();
}

/** The merge a `same` decision on this pair made, unless it was undone. */
export async function findActiveMerge(db: Executor, pairId: string) {
  return db
    .selectFrom('person_merges')
    .selectAll()
    .where('pair_id', '=', pairId)
    .where('undone_at', 'is', null)
    .executeTakeFirst();
}

export async function markMergeUndone(db: Executor, id: string, by: string | null, at: string) {
  await db.updateTable('person_merges').set({ undone_by: by, undone_at: at }).where('id', '=', id).execute();
}

/** Pairs closed as `same` by a merge, so unmerge can reopen them. */
export async function reopenPairs(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return;
  await db
    .updateTable('duplicate_pairs')
    .set({ status: 'open', decided_by: null, decided_at: null, reason: null })
    .where('id', 'in', ids)
    .execute();
}

export async function findPeopleByIds(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('people').selectAll().where('id', 'in', ids).execute();
}
