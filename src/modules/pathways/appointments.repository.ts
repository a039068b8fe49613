import type { Insertable, Updateable } from 'kysely';
import { type Executor, isPostgres } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { scopeToActor } from '../access/scope.js';
import type { AppointmentsTable, InterpreterBookingsTable, InterpretersTable } from './pathways.tables.js';

export async function insertAppointment(db: Executor, row: Insertable<AppointmentsTable>) {
  await db.insertInto('appointments').values(row).execute();
}

export async function findAppointmentInScope(db: Executor, actor: Actor, id: string, lock = false) {
  let query = scopeToActor(
    db.selectFrom('appointments').selectAll(),
    actor,
    'appointments',
    'appointment',
  ).where('appointments.id', '=', id);
  if (lock && isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function findAppointments(
  db: Executor,
  actor: Actor,
  filter: { date?: string; siteId?: string; personId?: string },
) {
  let query = scopeToActor(db.selectFrom('appointments').selectAll(), actor, 'appointments', 'appointment');
  if (filter.date) query = query.where('local_date', '=', filter.date);
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  if (filter.personId) query = query.where('person_id', '=', filter.personId);
  return query.orderBy('starts_at').orderBy('id').limit(500).execute();
}

export async function updateAppointment(db: Executor, id: string, changes: Updateable<AppointmentsTable>) {
  await db.updateTable('appointments').set(changes).where('id', '=', id).execute();
}

export async function findBookingsOfAppointments(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('interpreter_bookings')
    .innerJoin('interpreters', 'interpreters.id', 'interpreter_bookings.interpreter_id')
    .selectAll('interpreter_bookings')
    .select('interpreters.name as interpreter_name')
    .where('appointment_id', 'in', [...ids])
    .where('interpreter_bookings.status', '=', 'booked')
    .execute();
}

export async function cancelBookingsOfAppointment(db: Executor, appointmentId: string, at: string) {
  await db
    .updateTable('interpreter_bookings')
    .set({ status: 'cancelled', cancelled_at: at })
    .where('appointment_id', '=', appointmentId)
    .where('status', '=', 'booked')
    .execute();
}

export async function findInterpreters(db: Executor, orgId: string) {
  return db.selectFrom('interpreters').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

/** The interpreter of the organisation; on PostgreSQL locked, so two bookings of one interpreter queue. */
export async function findInterpreterForBooking(db: Executor, orgId: string, id: string) {
  let query = db.selectFrom('interpreters').selectAll().where('id', '=', id).where('org_id', '=', orgId);
  if (isPostgres(db)) query = query.forUpdate();
  return query.executeTakeFirst();
}

export async function insertInterpreter(db: Executor, row: Insertable<InterpretersTable>) {
  await db.insertInto('interpreters').values(row).execute();
}

export async function updateInterpreter(db: Executor, id: string, changes: Updateable<InterpretersTable>) {
  await db.updateTable('interpreters').set(changes).where('id', '=', id).execute();
}

/** Booked (not cancelled) bookings of an interpreter that overlap [from, to). */
export async function findOverlappingBookings(db: Executor, interpreterId: string, from: string, to: string) {
  return db
    .selectFrom('interpreter_bookings')
    .selectAll()
    .where('interpreter_id', '=', interpreterId)
    .where('status', '=', 'booked')
    .where('starts_at', '<', to)
    .where('ends_at', '>', from)
    .execute();
}

export async function findUpcomingBookings(db: Executor, orgId: string, fromIso: string) {
  return db
    .selectFrom('interpreter_bookings')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('status', '=', 'booked')
    .where('ends_at', '>', fromIso)
    .orderBy('starts_at')
    .execute();
}

export async function insertBooking(db: Executor, row: Insertable<InterpreterBookingsTable>) {
  await db.insertInto('interpreter_bookings').values(row).execute();
}

export async function findBooking(db: Executor, orgId: string, id: string) {
  return db
    .selectFrom('interpreter_bookings')
    .selectAll()
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .executeTakeFirst();
}

export async function cancelBooking(db: Executor, id: string, at: string) {
  await db
    .updateTable('interpreter_bookings')
    .set({ status: 'cancelled', cancelled_at: at })
    .where('id', '=', id)
    .execute();
}

/** Bookings and interpreter needs of a period, for usage statistics (codes and times only). */
export async function findUsage(db: Executor, orgId: string, fromIso: string, toIso: string) {
  const [bookings, needs] = await Promise.all([
    db
      .selectFrom('interpreter_bookings')
      .select(['language', 'starts_at', 'ends_at', 'appointment_id'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'booked')
      .where('starts_at', '>=', fromIso)
      .where('starts_at', '<', toIso)
      .execute(),
    db
      .selectFrom('appointments')
      .select(['id', 'interpreter_language'])
      .where('org_id', '=', orgId)
      .where('interpreter_language', 'is not', null)
      .where('status', '!=', 'cancelled')
      .where('starts_at', '>=', fromIso)
      .where('starts_at', '<', toIso)
      .execute(),
  ]);
  return { bookings, needs };
}
