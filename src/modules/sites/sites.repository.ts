import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { SiteKind, SiteStatus, SiteStatusHistoryTable, SitesTable } from './sites.tables.js';

export async function insertSite(db: Executor, row: Insertable<SitesTable>) {
  await db.insertInto('sites').values(row).execute();
}

export async function updateSiteRow(db: Executor, id: string, changes: Updateable<SitesTable>) {
  await db.updateTable('sites').set(changes).where('id', '=', id).execute();
}

/** Sites are shared coordination records (sites.policy.ts): no organisation scope on reads. */
export async function findSiteById(db: Executor, id: string) {
  return db.selectFrom('sites').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface SiteFilter {
  kind?: SiteKind;
  status?: SiteStatus;
  parentId?: string;
  topLevel?: boolean;
  /** Keyset: the (name, id) of the last item of the previous page. */
  after?: [string, string];
  limit: number;
}

export async function findSites(db: Executor, filter: SiteFilter) {
  let query = db.selectFrom('sites').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.parentId) query = query.where('parent_id', '=', filter.parentId);
  if (filter.topLevel === true) query = query.where('parent_id', 'is', null);
  if (filter.topLevel === false) query = query.where('parent_id', 'is not', null);
  if (filter.after) {
    const [name, id] = filter.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query.orderBy('name').orderBy('id').limit(filter.limit).execute();
}

export async function findChildSites(db: Executor, parentId: string) {
  return db
    .selectFrom('sites')
    .selectAll()
    .where('parent_id', '=', parentId)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/**
 * The site and every site below it (a camp, its zones, their sub-zones), level by level. Trees
 * are a few levels deep, so one query per level is cheaper than it looks and runs on both engines.
 */
export async function findSiteSubtree(db: Executor, rootId: string) {
  const root = await findSiteById(db, rootId);
  if (!root) return [];
  const all = [root];
  const seen = new Set([root.id]);
  let frontier = [root.id];
  while (frontier.length > 0) {
    const children = await db.selectFrom('sites').selectAll().where('parent_id', 'in', frontier).execute();
    const fresh = children.filter((c) => !seen.has(c.id));
    for (const child of fresh) seen.add(child.id);
    all.push(...fresh);
    frontier = fresh.map((c) => c.id);
  }
  return all;
}

/** Ids from the site up to its top-level ancestor, the site first. */
export async function findAncestorIds(db: Executor, siteId: string): Promise<string[]> {
  const chain: string[] = [];
  let current: string | null = siteId;
  while (current && !chain.includes(current)) {
    chain.push(current);
    const row: { parent_id: string | null } | undefined = await db
      .selectFrom('sites')
      .select('parent_id')
      .where('id', '=', current)
      .executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}

export async function insertStatusHistory(db: Executor, row: Insertable<SiteStatusHistoryTable>) {
  await db.insertInto('site_status_history').values(row).execute();
}

export async function findStatusHistory(db: Executor, siteIds: readonly string[]) {
  if (siteIds.length === 0) return [];
  return db
    .selectFrom('site_status_history')
    .selectAll()
    .where('site_id', 'in', siteIds)
    .orderBy('effective_on')
    .orderBy('changed_at')
    .orderBy('id')
    .execute();
}

/** When each site's current status took effect (the latest history row). */
export async function findStatusSince(
  db: Executor,
  siteIds: readonly string[],
): Promise<Map<string, string>> {
  if (siteIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('site_status_history')
    .select(['site_id', (eb) => eb.fn.max('effective_on').as('since')])
    .where('site_id', 'in', siteIds)
    .groupBy('site_id')
    .execute();
  return new Map(rows.map((r) => [r.site_id, String(r.since)]));
}
