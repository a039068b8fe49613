import type { Role } from '../../../src/modules/access/roles.js';
import { totpCodeAt } from '../../../src/modules/access/totp.js';
import type { ApiClient } from '../../helpers/api-client.js';
import type { Harness } from '../../helpers/harness.js';
import { enrolTotp, loginWithCookie } from '../../helpers/sessions.js';
import { check } from './world.js';

type Mark = (kind: string, record: string, readers: readonly Role[]) => string;

const FOLLOWERS = ['caseworker', 'case_supervisor', 'information_officer'] as const;

/**
 * Organisation A's records of the pathways and data protection modules: a procedure, an
 * interpreter of A's roster with a booking for an appointment, a retention policy and hold, and
 * an erasure and an access request, all about A's marked person. Ids go into `ids`.
 */
export async function buildModuleRecords(
  h: Harness,
  orgA: string,
  as: (role: Role) => ApiClient,
  ids: Record<string, string>,
  mark: Mark,
): Promise<void> {
  const caseworker = as('caseworker');
  ids.procedure = check(
    await caseworker.post(`/api/people/${ids.person}/procedures`, {
      kind: 'asylum',
      procedureType: 'normal',
    }),
    201,
    'procedure',
  ).body.id;
  ids.interpreter = check(
    await as('case_supervisor').post('/api/interpreters', {
      name: mark('interpreter', 'interpreter', FOLLOWERS),
      kind: 'interpreter',
      languages: ['ti'],
      organisation: 'Interprétariat Nord',
    }),
    201,
    'interpreter',
  ).body.id;
  const startsAt = new Date(h.clock.now().getTime() + 3 * 86_400_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  ids.appointment = check(
    await caseworker.post('/api/appointments', {
      personId: ids.person,
      purpose: 'pathway_step',
      procedureId: ids.procedure,
      startsAt: startsAt.toISOString(),
      place: mark('appointmentPlace', 'appointment', FOLLOWERS),
      hostOrganisation: 'Préfecture du Pas-de-Calais',
      interpreterLanguage: 'ti',
    }),
    201,
    'appointment',
  ).body.id;
  ids.interpreterBooking = check(
    await caseworker.post('/api/interpreter-bookings', {
      interpreterId: ids.interpreter,
      appointmentId: ids.appointment,
    }),
    201,
    'interpreter booking',
  ).body.id;

  const dpo = as('data_protection_officer');
  const retention = '/api/data-protection/retention';
  ids.retentionPolicy = check(
    await dpo.post(`${retention}/policies`, { recordType: 'case', recordStatus: 'closed', keepDays: 3650 }),
    201,
    'retention policy',
  ).body.id;
  ids.retentionHold = check(
    await dpo.post(`${retention}/holds`, {
      recordType: 'case',
      recordId: ids.case,
      reason: mark('holdReason', 'retentionHold', ['data_protection_officer']),
    }),
    201,
    'retention hold',
  ).body.id;
  ids.erasureRequest = check(
    await dpo.post('/api/data-protection/erasure-requests', {
      personId: ids.plannedPerson,
      ground: 'consent_withdrawn',
      note: mark('erasureNote', 'erasureRequest', ['data_protection_officer']),
    }),
    201,
    'erasure request',
  ).body.id;
  ids.accessRequest = check(
    await dpo.post('/api/data-protection/access-requests', {
      personId: ids.person,
      language: 'ti',
      verification: 'registration_card',
    }),
    201,
    'access request',
  ).body.id;
  // Four eyes: a second data protection officer of A approves it, so its exports can be read.
  const second = (await h.createUser(['data_protection_officer'], orgA)).api;
  check(
    await second.post(`/api/data-protection/access-requests/${ids.accessRequest}/approve`, {}),
    200,
    'access request approval',
  );
}

const TOTP_STEP_MS = 30_000;

/**
 * A personal export of A (its maker's caseload), made as the browser makes it: a session signed in
 * with a second factor, and a fresh code of a later time step. Only its maker may download it, in
 * that kind of session; every other user, of A or not, is answered 404.
 */
export async function buildPersonalExport(h: Harness, orgA: string, ids: Record<string, string>) {
  const maker = await h.createUser(['caseworker'], orgA);
  const secret = await enrolTotp(h, await loginWithCookie(h, maker.email));
  h.clock.advance(TOTP_STEP_MS + 1_000);
  const session = await loginWithCookie(h, maker.email, { totp: totpCodeAt(secret, h.clock.now()) });
  h.clock.advance(TOTP_STEP_MS + 1_000);
  ids.export = check(
    await session.api.post('/api/exports/personal', {
      dataset: 'caseload',
      format: 'csv',
      totp: totpCodeAt(secret, h.clock.now()),
    }),
    201,
    'personal export',
  ).body.id;
}
