import { randomId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { reconcileAlerts } from '../alerts/alerts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import { findPeopleInScopeByIds } from '../registry/registry.repository.js';
import {
  cancelBookingsOfAppointment,
  findAppointmentInScope,
  findAppointments,
  findBookingsOfAppointments,
  insertAppointment,
  updateAppointment,
} from './appointments.repository.js';
import type { CreateAppointmentInput } from './appointments.schema.js';
import { openPersonKeys, openText, pathwayAad, requirePersonKey, sealText } from './pathway-crypto.js';
import { appointmentActions } from './pathways.policy.js';
import { counsellingSessionOfOrg, findProcedureInScope } from './pathways.repository.js';
import { personOrNotFound, requireOrg } from './pathways.service.js';
import type { AppointmentsTable } from './pathways.tables.js';
import { zoneOf } from './procedure-alerts.js';
import { WORKFLOWS } from './procedures.workflow.js';
import { localDateOf } from './rules/legal-calendar.js';

/** A missed appointment is followed up within three days (a visit, a call, a new appointment). */
const MISSED_FOLLOW_UP_HOURS = 72;

async function syncMissedAlert(trx: Executor, ctx: ServiceContext, row: AppointmentsTable) {
  const wanted =
    row.status === 'missed' && row.follow_up_done_at === null && row.status_changed_at
      ? [
          {
            orgId: row.org_id,
            personId: row.person_id,
            assignedUserId: row.created_by,
            assignedRole: row.created_by ? null : ('caseworker' as const),
            rule: 'pathways.missed_appointment',
            severity: 'warning' as const,
            dueAt: new Date(
              Date.parse(row.status_changed_at) + MISSED_FOLLOW_UP_HOURS * 3_600_000,
            ).toISOString(),
            details: { purpose: row.purpose, stage: row.stage, localDate: row.local_date },
          },
        ]
      : [];
  await reconcileAlerts(trx, ctx, { entity: 'appointment', entityId: row.id, managedBy: 'pathways' }, wanted);
}

/** Appointments as they leave the server: names for the day view, notes only with the person's key. */
async function presentAppointments(trx: Executor, ctx: ServiceContext, rows: readonly AppointmentsTable[]) {
  const personIds = [...new Set(rows.map((r) => r.person_id))];
  const people = await findPeopleInScopeByIds(trx, ctx.actor, personIds);
  const [identities, keys, bookings] = await Promise.all([
    openIdentities(trx, ctx.keys, people),
    openPersonKeys(trx, ctx.keys, personIds),
    findBookingsOfAppointments(
      trx,
      rows.map((r) => r.id),
    ),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((row) => {
    const person = byId.get(row.person_id);
    const identity = identities.get(row.person_id);
    const booking = bookings.find((b) => b.appointment_id === row.id);
    return {
      id: row.id,
      personId: row.person_id,
      personCode: person?.code ?? '',
      personName: identity
        ? [identity.givenName, identity.fathersName, identity.familyName].filter(Boolean).join(' ')
        : null,
      personLanguages: person ? (JSON.parse(person.languages) as string[]) : [],
      purpose: row.purpose,
      procedureId: row.procedure_id,
      stage: row.stage,
      counsellingSessionId: row.counselling_session_id,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      localDate: row.local_date,
      siteId: row.site_id,
      place: row.place,
      mapReference: row.map_reference,
      hostOrganisation: row.host_organisation,
      interpreterLanguage: row.interpreter_language,
      transport: row.transport,
      status: row.status,
      followUpDoneAt: row.follow_up_done_at,
      notes: openText(keys.get(row.person_id), pathwayAad.appointmentNotes(row.id), row.notes),
      interpreter: booking
        ? {
            id: booking.id,
            interpreterId: booking.interpreter_id,
            interpreterName: booking.interpreter_name,
            language: booking.language,
            startsAt: booking.starts_at,
            endsAt: booking.ends_at,
          }
        : null,
      allowed: appointmentActions(ctx.actor, row.status),
    };
  });
}

export async function appointmentOrNotFound(trx: Executor, ctx: ServiceContext, id: string, lock = false) {
  const row = await findAppointmentInScope(trx, ctx.actor, id, lock);
  if (!row) throw AppError.notFound('appointment');
  return row;
}

async function checkLinks(trx: Executor, ctx: ServiceContext, orgId: string, input: CreateAppointmentInput) {
  if (input.procedureId) {
    if (input.purpose !== 'pathway_step')
      throw AppError.validation('procedureId', 'only for a pathway_step appointment');
    const procedure = await findProcedureInScope(trx, ctx.actor, input.procedureId);
    if (!procedure || procedure.person_id !== input.personId)
      throw AppError.validation('procedureId', 'no such procedure of this person');
    if (input.stage && !WORKFLOWS[procedure.procedure_type].some((s) => s.stage === input.stage))
      throw AppError.validation('stage', `is not a stage of a ${procedure.procedure_type} procedure`);
  } else if (input.stage)
    throw AppError.validation('stage', 'give the procedure the stage belongs to (procedureId)');
  if (
    input.counsellingSessionId &&
    !(await counsellingSessionOfOrg(trx, orgId, input.counsellingSessionId, input.personId))
  )
    throw AppError.validation(
      'counsellingSessionId',
      'no counselling session of this person in your organisation',
    );
  if (
    input.siteId &&
    !(await trx.selectFrom('sites').select('id').where('id', '=', input.siteId).executeTakeFirst())
  )
    throw AppError.validation('siteId', 'no such site');
}

export async function createAppointment(ctx: ServiceContext, input: CreateAppointmentInput) {
  const orgId = requireOrg(ctx);
  const startsAt = new Date(input.startsAt);
  const endsAt = input.endsAt ? new Date(input.endsAt) : new Date(startsAt.getTime() + 3_600_000);
  if (endsAt <= startsAt) throw AppError.validation('endsAt', 'must be after startsAt');
  if (endsAt.getTime() - startsAt.getTime() > 12 * 3_600_000)
    throw AppError.validation('endsAt', 'an appointment lasts at most 12 hours');
  return ctx.db.transaction().execute(async (trx) => {
    await personOrNotFound(trx, ctx, input.personId);
    const key = await requirePersonKey(trx, ctx.keys, input.personId);
    await checkLinks(trx, ctx, orgId, input);
    const id = randomId();
    const row: AppointmentsTable = {
      id,
      org_id: orgId,
      person_id: input.personId,
      purpose: input.purpose,
      procedure_id: input.procedureId ?? null,
      stage: input.stage ?? null,
      counselling_session_id: input.counsellingSessionId ?? null,
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      local_date: localDateOf(startsAt, zoneOf('FRA', ctx.now())),
      site_id: input.siteId ?? null,
      place: input.place,
      map_reference: input.mapReference ?? null,
      host_organisation: input.hostOrganisation,
      interpreter_language: input.interpreterLanguage ?? null,
      transport: input.transport,
      status: 'scheduled',
      status_changed_at: null,
      follow_up_done_at: null,
      notes: sealText(key, pathwayAad.appointmentNotes(id), input.notes),
      is_demo: 0,
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    };
    await insertAppointment(trx, row);
    await recordAudit(trx, ctx, {
      action: 'appointment.create',
      entity: 'appointment',
      entityId: id,
      details: { personId: input.personId, purpose: input.purpose, procedureId: row.procedure_id },
    });
    return (await presentAppointments(trx, ctx, [row]))[0]!;
  });
}

/** The day view ("who must be where tomorrow") or one person's appointments; audited. */
export async function listAppointments(
  ctx: ServiceContext,
  filter: { date?: string; siteId?: string; personId?: string },
) {
  if (!filter.date && !filter.personId) throw AppError.validation('date', 'Required (or give personId)');
  return ctx.db.transaction().execute(async (trx) => {
    if (filter.personId) await personOrNotFound(trx, ctx, filter.personId);
    const rows = await findAppointments(trx, ctx.actor, filter);
    const items = await presentAppointments(trx, ctx, rows);
    await recordAudit(trx, ctx, {
      action: 'appointment.list',
      entity: 'appointment',
      details: { ...filter, people: [...new Set(rows.map((r) => r.person_id))] },
    });
    return { items };
  });
}

/** Attended, missed or cancelled; a missed one raises a follow-up alert, a cancelled one frees its interpreter. */
export async function recordOutcome(
  ctx: ServiceContext,
  id: string,
  status: 'attended' | 'missed' | 'cancelled',
) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await appointmentOrNotFound(trx, ctx, id, true);
    await personOrNotFound(trx, ctx, row.person_id);
    if (row.status !== 'scheduled')
      throw new AppError('invalid_state', `status: this appointment is already ${row.status}`);
    const now = ctx.now().toISOString();
    if (status !== 'cancelled' && row.starts_at > now)
      throw AppError.validation('status', 'the appointment has not started yet: only cancelling is possible');
    const updated = { ...row, status, status_changed_at: now };
    await updateAppointment(trx, id, { status, status_changed_at: now });
    if (status === 'cancelled') await cancelBookingsOfAppointment(trx, id, now);
    await syncMissedAlert(trx, ctx, updated);
    await recordAudit(trx, ctx, {
      action: 'appointment.outcome',
      entity: 'appointment',
      entityId: id,
      details: { status },
    });
    return (await presentAppointments(trx, ctx, [updated]))[0]!;
  });
}

/** The follow-up of a missed appointment is done (the person was found, a new appointment booked). */
export async function completeFollowUp(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await appointmentOrNotFound(trx, ctx, id, true);
    await personOrNotFound(trx, ctx, row.person_id);
    if (row.status !== 'missed' || row.follow_up_done_at !== null)
      throw new AppError('invalid_state', 'status: only a missed appointment not yet followed up');
    const updated = { ...row, follow_up_done_at: ctx.now().toISOString() };
    await updateAppointment(trx, id, { follow_up_done_at: updated.follow_up_done_at });
    await syncMissedAlert(trx, ctx, updated);
    await recordAudit(trx, ctx, { action: 'appointment.follow_up', entity: 'appointment', entityId: id });
    return (await presentAppointments(trx, ctx, [updated]))[0]!;
  });
}

/** One appointment with what its slip needs; the read is audited. */
export async function readAppointmentForSlip(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await appointmentOrNotFound(trx, ctx, id);
    await personOrNotFound(trx, ctx, row.person_id);
    const [view] = await presentAppointments(trx, ctx, [row]);
    await recordAudit(trx, ctx, { action: 'appointment.slip', entity: 'appointment', entityId: id });
    return view!;
  });
}
