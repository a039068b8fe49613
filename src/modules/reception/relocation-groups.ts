import type { Executor } from '../../db/engine.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { findActiveNeeds, findPeopleInScopeByIds } from '../registry/registry.repository.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { ageFromBirthYear, type GroupMember } from './reception.rules.js';
import { findOpenRelocationsOf } from './relocations.repository.js';

export interface GroupPerson extends GroupMember {
  row: PeopleTable;
}

/** The people of a relocation as the rules see them: sex, age from birth year, active need codes. */
export async function loadGroup(db: Executor, actor: Actor, personIds: readonly string[], now: Date) {
  const rows = await findPeopleInScopeByIds(db, actor, personIds);
  personIds.forEach((id, i) => {
    if (!rows.some((r) => r.id === id)) throw AppError.validation(`personIds.${i}`, 'no person with this id');
  });
  const needs = await findActiveNeeds(db, personIds);
  return personIds.map((id): GroupPerson => {
    const row = rows.find((r) => r.id === id)!;
    return {
      row,
      sex: row.sex,
      age: ageFromBirthYear(row.birth_year, now),
      needCodes: needs.filter((n) => n.person_id === id).map((n) => n.code),
    };
  });
}

/** Nobody may be in two relocations under way: a person already in transit answers 409. */
export async function assertNotInTransit(db: Executor, personIds: readonly string[]) {
  const open = await findOpenRelocationsOf(db, personIds);
  const first = open[0];
  if (!first) return;
  const index = personIds.indexOf(first.person_id);
  throw new AppError(
    'conflict',
    `personIds.${index}: already has a relocation under way (${first.id}, ${first.status})`,
    [{ field: `personIds.${index}`, message: `already in relocation ${first.id} (${first.status})` }],
  );
}

/**
 * Households are never split: every current member of a listed person's household who is at
 * the same site must travel too. Members elsewhere (already placed, in hospital) are not required.
 */
export async function assertHouseholdsWhole(db: Executor, group: GroupPerson[]) {
  const listed = new Set(group.map((p) => p.row.id));
  const households = [
    ...new Set(group.map((p) => p.row.household_id).filter((h): h is string => h !== null)),
  ];
  if (households.length === 0) return;
  const members = await db
    .selectFrom('household_members')
    .innerJoin('people', 'people.id', 'household_members.person_id')
    .select(['people.id', 'people.code', 'people.site_id', 'household_members.household_id'])
    .where('household_members.household_id', 'in', households)
    .where('household_members.left_at', 'is', null)
    .where('people.status', '=', 'active')
    .execute();
  const sites = new Set(group.map((p) => p.row.site_id));
  const missing = members.filter((m) => !listed.has(m.id) && sites.has(m.site_id));
  if (missing.length > 0) {
    throw AppError.validation(
      'personIds',
      `would split a household; add ${missing.map((m) => m.code).join(', ')} (households travel together)`,
    );
  }
}
