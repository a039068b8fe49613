import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { PopulationEstimatesTable } from './sites.tables.js';

export async function insertEstimate(db: Executor, row: Insertable<PopulationEstimatesTable>) {
  await db.insertInto('population_estimates').values(row).execute();
}

export async function findEstimateById(db: Executor, id: string) {
  return db.selectFrom('population_estimates').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The entry that corrected this one, if any (the unique index allows at most one). */
export async function findSupersedingEstimate(db: Executor, id: string) {
  return db
    .selectFrom('population_estimates')
    .select('id')
    .where('supersedes_id', '=', id)
    .executeTakeFirst();
}

/** Every entry of these sites, for reconciliation (corrections need the entries they replace). */
export async function findEstimatesOfSites(db: Executor, siteIds: readonly string[]) {
  if (siteIds.length === 0) return [];
  return db
    .selectFrom('population_estimates')
    .selectAll()
    .where('site_id', 'in', siteIds)
    .orderBy('estimated_on')
    .orderBy('id')
    .execute();
}

export interface EstimatePageFilter {
  siteId: string;
  includeSuperseded: boolean;
  /** Keyset: (estimated_on, id) of the last item of the previous page; newest first. */
  before?: [string, string];
  limit: number;
}

export async function findEstimatesPage(db: Executor, filter: EstimatePageFilter) {
  let query = db
    .selectFrom('population_estimates as e')
    .leftJoin('population_estimates as s', 's.supersedes_id', 'e.id')
    .selectAll('e')
    .select('s.id as superseded_by_id')
    .where('e.site_id', '=', filter.siteId);
  if (!filter.includeSuperseded) query = query.where('s.id', 'is', null);
  if (filter.before) {
    const [date, id] = filter.before;
    query = query.where((eb) =>
      eb.or([
        eb('e.estimated_on', '<', date),
        eb.and([eb('e.estimated_on', '=', date), eb('e.id', '<', id)]),
      ]),
    );
  }
  return query.orderBy('e.estimated_on', 'desc').orderBy('e.id', 'desc').limit(filter.limit).execute();
}

/** A deployment's replacement for the default reconciliation weights, if any. */
export async function findReconcileSetting(db: Executor): Promise<string | undefined> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'sites.reconciliation')
    .executeTakeFirst();
  return row?.value;
}
