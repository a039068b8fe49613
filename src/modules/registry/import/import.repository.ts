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

/** Which of `codes` a person or household already carries (card codes share one namespace). */
export async function findTakenCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  // Chunks keep each statement well under the engines' bound-parameter limits.
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const people = await db.selectFrom('people').select('code').where('code', 'in', chunk).execute();
    const households = await db.selectFrom('households').select('code').where('code', 'in', chunk).execute();
    for (const row of [...people, ...households]) taken.add(row.code);
  }
  return taken;
}
