import type { Executor } from '../../../db/engine.js';

/**
 * Sites named in an import file by id or by name (KoBo forms usually list site names as choices).
 * Sites are not personal data and are shared by every organisation, so no scope applies.
 */
export async function findSitesByIdOrName(
  db: Executor,
  values: readonly string[],
): Promise<Array<{ id: string; name: string }>> {
  if (values.length === 0) return [];
  const lowered = [...new Set(values.map((v) => v.toLowerCase()))];
  return db
    .selectFrom('sites')
    .select(['id', 'name'])
    .where((eb) => eb.or([eb('id', 'in', [...values]), eb(eb.fn('lower', ['name']), 'in', lowered)]))
    .execute();
}
