import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { ApiTokensTable, OrganisationsTable, SessionsTable, UsersTable } from './access.tables.js';

// Organisations

export async function insertOrganisation(db: Executor, row: Insertable<OrganisationsTable>) {
  await db.insertInto('organisations').values(row).execute();
}

export async function findOrganisationById(db: Executor, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findOrganisationBySlug(db: Executor, slug: string) {
  return db.selectFrom('organisations').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function findOrganisations(db: Executor) {
  return db.selectFrom('organisations').selectAll().orderBy('name').execute();
}

// Users

export async function insertUser(db: Executor, row: Insertable<UsersTable>) {
  await db.insertInto('users').values(row).execute();
}

export async function findUserById(db: Executor, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByEmail(db: Executor, email: string) {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUsers(
  db: Executor,
  filter: { orgId?: string; afterEmail?: string; limit: number },
) {
  let query = db.selectFrom('users').selectAll();
  if (filter.orgId) query = query.where('org_id', '=', filter.orgId);
  if (filter.afterEmail) query = query.where('email', '>', filter.afterEmail);
  return query.orderBy('email').limit(filter.limit).execute();
}

export async function updateUser(db: Executor, id: string, changes: Updateable<UsersTable>) {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function countUsers(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Records one failed sign-in atomically, so parallel guesses cannot slip past the lockout. */
export async function incrementFailedLogins(db: Executor, id: string): Promise<number> {
  const row = await db
    .updateTable('users')
    .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
    .where('id', '=', id)
    .returning('failed_logins')
    .executeTakeFirstOrThrow();
  return Number(row.failed_logins);
}

// Sessions

export async function insertSession(db: Executor, row: Insertable<SessionsTable>) {
  await db.insertInto('sessions').values(row).execute();
}

export async function findSessionByTokenHash(db: Executor, tokenHash: string) {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findSessionById(db: Executor, id: string) {
  return db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findActiveSessionsOfUser(db: Executor, userId: string, nowIso: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', nowIso)
    .where('absolute_expires_at', '>', nowIso)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function updateSession(db: Executor, id: string, changes: Updateable<SessionsTable>) {
  await db.updateTable('sessions').set(changes).where('id', '=', id).execute();
}

export async function revokeSessionsOfUser(db: Executor, userId: string, nowIso: string) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

// API tokens

export async function insertApiToken(db: Executor, row: Insertable<ApiTokensTable>) {
  await db.insertInto('api_tokens').values(row).execute();
}

export async function findApiTokenByHash(db: Executor, tokenHash: string) {
  return db.selectFrom('api_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function findApiTokensOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function updateApiToken(db: Executor, id: string, changes: Updateable<ApiTokensTable>) {
  await db.updateTable('api_tokens').set(changes).where('id', '=', id).execute();
}

export async function revokeApiTokensOfUser(db: Executor, userId: string, nowIso: string) {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
