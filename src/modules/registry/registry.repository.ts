import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';

/**
 * Registered people currently at each site (active records, not merged or erased): the floor
 * under any population estimate of the site. Counts only, never rows.
 */
export async function countPresentPeopleBySite(db: Executor, siteIds: readonly string[]): Promise<Map<string, number>> {
  if (siteIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['site_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('site_id', 'in', siteIds)
    .where('status', '=', 'active')
    .groupBy('site_id')
    .execute();
  return new Map(rows.map((r) => [r.site_id ?? '', Number(r.n)]));
}

/**
 * The person row if the actor may see it (own organisation or shared with it), else undefined.
 * Other modules link records to a person through this, so out-of-scope people read as absent.
 */
export async function findPersonInScope(db: Executor, actor: Actor, personId: string) {
  return scopeToActor(db.selectFrom('people').selectAll(), actor, 'people', 'person')
    .where('people.id', '=', personId)
    .where('people.status', '!=', 'erased')
    .executeTakeFirst();
}
