import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { RegistrationCardsTable } from './pathways.tables.js';

/** People in scope by id whatever their status, so a batch can say which one was erased or merged. */
export async function findPeopleForCards(db: Executor, actor: Actor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return scopeToActor(db.selectFrom('people').selectAll(), actor, 'people', 'person')
    .where('people.id', 'in', [...ids])
    .execute();
}

export async function findHouseholdCodes(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('households')
    .select(['id', 'code'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}

export async function findCardsOfPeople(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('registration_cards')
    .selectAll()
    .where('person_id', 'in', [...personIds])
    .orderBy('issued_at', 'desc')
    .execute();
}

export async function insertCard(db: Executor, row: Insertable<RegistrationCardsTable>) {
  await db.insertInto('registration_cards').values(row).execute();
}

export async function markPrinted(db: Executor, ids: readonly string[], at: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('registration_cards')
    .set((eb) => ({ printed_count: eb('printed_count', '+', 1), last_printed_at: at }))
    .where('id', 'in', [...ids])
    .execute();
}

export async function revokeCardRow(db: Executor, id: string, by: string | null, at: string, reason: string) {
  await db
    .updateTable('registration_cards')
    .set({ status: 'revoked', revoked_at: at, revoked_by: by, revoke_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** A code is taken if any person, household or card (revoked ones included) ever carried it. */
export async function cardCodeTaken(db: Executor, code: string): Promise<boolean> {
  const [person, household, card] = await Promise.all([
    db.selectFrom('people').select('id').where('code', '=', code).executeTakeFirst(),
    db.selectFrom('households').select('id').where('code', '=', code).executeTakeFirst(),
    db.selectFrom('registration_cards').select('id').where('code', '=', code).executeTakeFirst(),
  ]);
  return Boolean(person || household || card);
}
