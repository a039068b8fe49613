import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import { isPostgres } from '../../db/engine.js';
import { RESERVING } from './reception.policy.js';
import type { CapacitiesTable, CentreProfilesTable, StaysTable } from './reception.tables.js';

export const CENTRE_KINDS = ['reception_centre', 'orientation_centre'] as const;

export async function findCentres(db: Executor, filter: { region?: string; siteId?: string }) {
  let query = db
    .selectFrom('sites')
    .select(['id', 'name', 'kind', 'status', 'region'])
    .where('kind', 'in', [...CENTRE_KINDS]);
  if (filter.region) query = query.where('region', '=', filter.region);
  if (filter.siteId) query = query.where('id', '=', filter.siteId);
  return query.orderBy('name').orderBy('id').execute();
}

export async function findProfiles(db: Executor, siteIds: readonly string[]) {
  if (siteIds.length === 0) return [];
  return db.selectFrom('centre_profiles').selectAll().where('site_id', 'in', siteIds).execute();
}

export async function upsertProfile(db: Executor, row: CentreProfilesTable) {
  await db
    .insertInto('centre_profiles')
    .values(row)
    .onConflict((oc) =>
      oc.column('site_id').doUpdateSet({
        medical_care: row.medical_care,
        child_protection: row.child_protection,
        accessible: row.accessible,
        languages: row.languages,
        updated_by: row.updated_by,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function findCapacities(db: Executor, siteIds: readonly string[]) {
  if (siteIds.length === 0) return [];
  return db
    .selectFrom('capacities')
    .selectAll()
    .where('site_id', 'in', siteIds)
    .orderBy('site_id')
    .orderBy('category')
    .execute();
}

/**
 * The capacity rows of a site, locked until the transaction ends (PostgreSQL `FOR UPDATE`; SQLite
 * serialises write transactions). Every change of places and every reservation at the site goes
 * through here first, so counting and deciding happen without a race.
 */
export async function lockCapacities(db: Executor, siteId: string, category?: string) {
  let query = db.selectFrom('capacities').selectAll().where('site_id', '=', siteId);
  if (category) query = query.where('category', '=', category);
  if (isPostgres(db)) query = query.forUpdate();
  return query.orderBy('category').execute();
}

export async function insertCapacity(db: Executor, row: Insertable<CapacitiesTable>) {
  await db.insertInto('capacities').values(row).execute();
}

export async function updateCapacity(
  db: Executor,
  id: string,
  places: number,
  blocked: number,
  by: string | null,
  at: string,
) {
  await db
    .updateTable('capacities')
    .set({ places, blocked, updated_by: by, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteCapacity(db: Executor, id: string) {
  await db.deleteFrom('capacities').where('id', '=', id).execute();
}

export interface Usage {
  occupied: number;
  reserved: number;
}

/** Occupied (open stays) and reserved (relocations holding a place) per site and category. */
export async function countUsage(db: Executor, siteIds: readonly string[]): Promise<Map<string, Usage>> {
  const usage = new Map<string, Usage>();
  if (siteIds.length === 0) return usage;
  const key = (site: string, category: string) => `${site}|${category}`;
  const [stays, reservations] = await Promise.all([
    db
      .selectFrom('stays')
      .select(['site_id', 'category', (eb) => eb.fn.countAll<number>().as('n')])
      .where('site_id', 'in', siteIds)
      .where('discharged_at', 'is', null)
      .groupBy(['site_id', 'category'])
      .execute(),
    db
      .selectFrom('relocations')
      .select(['to_site_id', 'category', (eb) => eb.fn.sum<number>('people_count').as('n')])
      .where('to_site_id', 'in', siteIds)
      .where('status', 'in', [...RESERVING])
      .groupBy(['to_site_id', 'category'])
      .execute(),
  ]);
  for (const row of stays) {
    const entry = usage.get(key(row.site_id, row.category)) ?? { occupied: 0, reserved: 0 };
    entry.occupied += Number(row.n);
    usage.set(key(row.site_id, row.category), entry);
  }
  for (const row of reservations) {
    const entry = usage.get(key(row.to_site_id, row.category)) ?? { occupied: 0, reserved: 0 };
    entry.reserved += Number(row.n);
    usage.set(key(row.to_site_id, row.category), entry);
  }
  return usage;
}

export async function insertStays(db: Executor, rows: Insertable<StaysTable>[]) {
  if (rows.length > 0) await db.insertInto('stays').values(rows).execute();
}

export async function dischargeStays(
  db: Executor,
  personIds: readonly string[],
  siteId: string,
  at: string,
  reason: string,
) {
  if (personIds.length === 0) return;
  await db
    .updateTable('stays')
    .set({ discharged_at: at, discharge_reason: reason })
    .where('person_id', 'in', personIds)
    .where('site_id', '=', siteId)
    .where('discharged_at', 'is', null)
    .execute();
}

/** Open stays of these people anywhere: someone admitted elsewhere is discharged on arrival. */
export async function findOpenStays(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('stays')
    .selectAll()
    .where('person_id', 'in', personIds)
    .where('discharged_at', 'is', null)
    .execute();
}
