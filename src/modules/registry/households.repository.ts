import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { HouseholdMembersTable, HouseholdsTable } from './registry.tables.js';

/* Households and their members: SQL of households.service.ts (and of registration, which can make one). */

export async function insertHousehold(db: Executor, row: Insertable<HouseholdsTable>) {
  await db.insertInto('households').values(row).execute();
}

export async function findHouseholdInScope(db: Executor, actor: Actor, id: string) {
  return scopeToActor(db.selectFrom('households').selectAll(), actor, 'households', 'household')
    .where('households.id', '=', id)
    .executeTakeFirst();
}

export async function findCurrentMembers(db: Executor, householdId: string) {
  return db
    .selectFrom('household_members')
    .innerJoin('people', 'people.id', 'household_members.person_id')
    .select([
      'household_members.person_id',
      'household_members.relationship',
      'household_members.joined_at',
      'people.birth_year',
      'people.sex',
      'people.code',
      'people.identity',
    ])
    .where('household_members.household_id', '=', householdId)
    .where('household_members.left_at', 'is', null)
    .where('people.status', '=', 'active')
    .orderBy('household_members.joined_at')
    .execute();
}

export async function insertMember(db: Executor, row: Insertable<HouseholdMembersTable>) {
  await db.insertInto('household_members').values(row).execute();
}

export async function endMemberships(db: Executor, personId: string, at: string) {
  await db
    .updateTable('household_members')
    .set({ left_at: at })
    .where('person_id', '=', personId)
    .where('left_at', 'is', null)
    .execute();
}
