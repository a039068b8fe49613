import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, text } from '../../server/http/schema-helpers.js';
import { Notes } from './pathways.schema.js';

/** Any BCP 47 tag: dialects matter for interpreting (ar-SD, fa-AF, ckb). */
export const LanguageTag = z
  .string()
  .min(2, 'Required')
  .max(35, 'must be at most 35 characters')
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as ar, fa-AF or ti');

export const PURPOSES = ['pathway_step', 'counselling', 'medical_referral', 'other'] as const;
export const TRANSPORT = ['none', 'own', 'ticket', 'accompanied', 'organised'] as const;

export const CreateAppointmentBody = z.strictObject({
  personId: Id,
  purpose: z.enum(PURPOSES),
  /** For a pathway step: the procedure and the stage the appointment is for (an OFPRA interview, a CNDA hearing). */
  procedureId: Id.optional(),
  stage: z.string().max(40).optional(),
  counsellingSessionId: Id.optional(),
  startsAt: IsoDateTime,
  /** Defaults to one hour after the start. */
  endsAt: IsoDateTime.optional(),
  siteId: Id.optional(),
  place: text(200),
  /** Coordinates or a map grid reference printed on the slip. */
  mapReference: text(120).optional(),
  hostOrganisation: text(160),
  interpreterLanguage: LanguageTag.optional(),
  transport: z.enum(TRANSPORT).default('none'),
  notes: Notes.optional(),
});
export type CreateAppointmentInput = z.infer<typeof CreateAppointmentBody>;

export const AppointmentsQuery = z.strictObject({
  /** A local day (Europe/Paris): the day view. */
  date: IsoDate.optional(),
  siteId: Id.optional(),
  personId: Id.optional(),
});

export const OutcomeBody = z.strictObject({
  status: z.enum(['attended', 'missed', 'cancelled']),
});

export const SlipQuery = z.strictObject({ lang: LanguageTag.optional() });

const Booking = z.object({
  id: z.string(),
  interpreterId: z.string(),
  interpreterName: z.string(),
  language: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
});

export const AppointmentResponse = z.object({
  id: z.string(),
  personId: z.string(),
  personCode: z.string(),
  personName: z.string().nullable(),
  personLanguages: z.array(z.string()),
  purpose: z.enum(PURPOSES),
  procedureId: z.string().nullable(),
  stage: z.string().nullable(),
  counsellingSessionId: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  localDate: z.string(),
  siteId: z.string().nullable(),
  place: z.string(),
  mapReference: z.string().nullable(),
  hostOrganisation: z.string(),
  interpreterLanguage: z.string().nullable(),
  transport: z.enum(TRANSPORT),
  status: z.enum(['scheduled', 'attended', 'missed', 'cancelled']),
  followUpDoneAt: z.string().nullable(),
  notes: z.string().nullable(),
  interpreter: Booking.nullable(),
  allowed: z.array(z.string()),
});

export const AppointmentsResponse = z.object({ items: z.array(AppointmentResponse) });
