import { randomId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  cancelBooking,
  findBooking,
  findInterpreterForBooking,
  findOverlappingBookings,
  insertBooking,
} from './appointments.repository.js';
import { appointmentOrNotFound } from './appointments.service.js';
import type { CreateBookingInput } from './interpreters.schema.js';
import { isAvailable, speaks } from './interpreters.service.js';
import { counsellingSessionOfOrg } from './pathways.repository.js';
import { requireOrg } from './pathways.service.js';
import { zoneOf } from './procedure-alerts.js';

/**
 * Books an interpreter for an appointment or a counselling session. The interpreter's row is
 * locked (PostgreSQL; SQLite runs one write transaction at a time) before the overlap check, so
 * two bookings racing for the same hour cannot both succeed.
 */
export async function bookInterpreter(ctx: ServiceContext, input: CreateBookingInput) {
  const orgId = requireOrg(ctx);
  if ((input.appointmentId === undefined) === (input.counsellingSessionId === undefined))
    throw AppError.validation(
      'appointmentId',
      'give the appointment or the counselling session (one of them)',
    );
  return ctx.db.transaction().execute(async (trx) => {
    let startsAt = input.startsAt;
    let endsAt = input.endsAt;
    let language = input.language;
    if (input.appointmentId) {
      const appointment = await appointmentOrNotFound(trx, ctx, input.appointmentId, true);
      if (appointment.status !== 'scheduled')
        throw new AppError('invalid_state', `appointmentId: the appointment is ${appointment.status}`);
      startsAt ??= appointment.starts_at;
      endsAt ??= appointment.ends_at;
      language ??= appointment.interpreter_language ?? undefined;
      const taken = await trx
        .selectFrom('interpreter_bookings')
        .select('id')
        .where('appointment_id', '=', appointment.id)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      if (taken)
        throw new AppError(
          'conflict',
          'appointmentId: an interpreter is already booked for this appointment',
        );
    } else {
      const session = await trx
        .selectFrom('counselling_sessions')
        .select(['id', 'person_id'])
        .where('id', '=', input.counsellingSessionId!)
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      if (
        !session ||
        (session.person_id && !(await counsellingSessionOfOrg(trx, orgId, session.id, session.person_id)))
      )
        throw AppError.validation('counsellingSessionId', 'no counselling session of your organisation');
    }
    if (!startsAt) throw AppError.validation('startsAt', 'Required for a counselling session');
    if (!endsAt) throw AppError.validation('endsAt', 'Required for a counselling session');
    if (Date.parse(endsAt) <= Date.parse(startsAt))
      throw AppError.validation('endsAt', 'must be after startsAt');
    if (!language)
      throw AppError.validation('language', 'Required: the appointment names no interpreter language');
    const interpreter = await findInterpreterForBooking(trx, orgId, input.interpreterId);
    if (interpreter?.active !== 1)
      throw AppError.validation('interpreterId', 'no active interpreter of your organisation');
    if (!speaks(JSON.parse(interpreter.languages), language))
      throw AppError.validation('language', `${interpreter.name} does not interpret ${language}`);
    const from = new Date(startsAt).toISOString();
    const to = new Date(endsAt).toISOString();
    if (
      !isAvailable(
        JSON.parse(interpreter.availability),
        new Date(from),
        new Date(to),
        zoneOf('FRA', ctx.now()),
      )
    )
      throw AppError.validation('interpreterId', `${interpreter.name} is not available at that time`);
    const clash = await findOverlappingBookings(trx, interpreter.id, from, to);
    if (clash.length > 0)
      throw new AppError(
        'conflict',
        `interpreterId: ${interpreter.name} is already booked from ${clash[0]!.starts_at} to ${clash[0]!.ends_at}`,
      );
    const row = {
      id: randomId(),
      org_id: orgId,
      interpreter_id: interpreter.id,
      appointment_id: input.appointmentId ?? null,
      counselling_session_id: input.counsellingSessionId ?? null,
      language,
      starts_at: from,
      ends_at: to,
      status: 'booked' as const,
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
      cancelled_at: null,
    };
    await insertBooking(trx, row);
    await recordAudit(trx, ctx, {
      action: 'interpreter.book',
      entity: 'interpreter',
      entityId: interpreter.id,
      details: {
        bookingId: row.id,
        appointmentId: row.appointment_id,
        counsellingSessionId: row.counselling_session_id,
        language,
      },
    });
    return presentBooking(row);
  });
}

function presentBooking(row: {
  id: string;
  interpreter_id: string;
  appointment_id: string | null;
  counselling_session_id: string | null;
  language: string;
  starts_at: string;
  ends_at: string;
  status: 'booked' | 'cancelled';
}) {
  return {
    id: row.id,
    interpreterId: row.interpreter_id,
    appointmentId: row.appointment_id,
    counsellingSessionId: row.counselling_session_id,
    language: row.language,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    status: row.status,
  };
}

export async function cancelInterpreterBooking(ctx: ServiceContext, id: string) {
  const orgId = requireOrg(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const booking = await findBooking(trx, orgId, id);
    if (!booking) throw AppError.notFound('booking');
    if (booking.status !== 'booked')
      throw new AppError('invalid_state', 'status: the booking is already cancelled');
    await cancelBooking(trx, id, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'interpreter.cancel',
      entity: 'interpreter',
      entityId: booking.interpreter_id,
      details: { bookingId: id },
    });
    return presentBooking({ ...booking, status: 'cancelled' });
  });
}
