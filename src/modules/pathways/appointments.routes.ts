import { IdParams } from '../../server/http/schema-helpers.js';
import type { RouteApp } from '../../server/http/types.js';
import {
  AppointmentResponse,
  AppointmentsQuery,
  AppointmentsResponse,
  CreateAppointmentBody,
  OutcomeBody,
  SlipQuery,
} from './appointments.schema.js';
import {
  completeFollowUp,
  createAppointment,
  listAppointments,
  readAppointmentForSlip,
  recordOutcome,
} from './appointments.service.js';
import { PathwayPermissions } from './pathways.policy.js';
import { renderSlipPdf } from './pdf/slip-pdf.js';
import { slipLanguage } from './pdf/slip-strings.js';
import { zoneOf } from './procedure-alerts.js';

export async function appointmentsRoutes(app: RouteApp): Promise<void> {
  const read = { permission: PathwayPermissions['appointments.read'] };
  const write = { permission: PathwayPermissions['appointments.write'] };
  const tags = ['appointments'];

  app.post(
    '/api/appointments',
    { config: write, schema: { tags, body: CreateAppointmentBody, response: { 201: AppointmentResponse } } },
    async (request, reply) =>
      reply.status(201).send(await createAppointment(request.serviceContext(), request.body)),
  );

  app.get(
    '/api/appointments',
    {
      config: read,
      schema: { tags, querystring: AppointmentsQuery, response: { 200: AppointmentsResponse } },
    },
    async (request) => listAppointments(request.serviceContext(), request.query),
  );

  app.post(
    '/api/appointments/:id/outcome',
    {
      config: write,
      schema: { tags, params: IdParams, body: OutcomeBody, response: { 200: AppointmentResponse } },
    },
    async (request) => recordOutcome(request.serviceContext(), request.params.id, request.body.status),
  );

  app.post(
    '/api/appointments/:id/follow-up',
    { config: write, schema: { tags, params: IdParams, response: { 200: AppointmentResponse } } },
    async (request) => completeFollowUp(request.serviceContext(), request.params.id),
  );

  app.get(
    '/api/appointments/:id/slip.pdf',
    { config: read, schema: { tags, params: IdParams, querystring: SlipQuery } },
    async (request, reply) => {
      const ctx = request.serviceContext();
      const view = await readAppointmentForSlip(ctx, request.params.id);
      const pdf = await renderSlipPdf({
        language: slipLanguage(request.query.lang, view.personLanguages),
        personName: view.personName ?? '',
        personCode: view.personCode,
        startsAt: new Date(view.startsAt),
        timeZone: zoneOf('FRA', ctx.now()),
        place: view.place,
        mapReference: view.mapReference,
        hostOrganisation: view.hostOrganisation,
        interpreterLanguage: view.interpreterLanguage,
      });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'inline; filename="appointment-slip.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
