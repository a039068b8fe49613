import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, text } from '../../server/http/schema-helpers.js';
import { LanguageTag } from './appointments.schema.js';

const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

export const Slot = z
  .strictObject({ weekday: z.number().int().min(1).max(7), from: Time, to: Time })
  .refine((s) => s.from < s.to, { message: 'must end after it starts', path: ['to'] });

const unique = (list: string[]) => new Set(list).size === list.length;

export const CreateInterpreterBody = z.strictObject({
  name: text(120),
  kind: z.enum(['interpreter', 'cultural_mediator']),
  languages: z.array(LanguageTag).min(1, 'Required').max(12).refine(unique, 'must not repeat a language'),
  organisation: text(160),
  /** Weekly slots in local time; none: on call at any time. */
  availability: z.array(Slot).max(28).default([]),
});
export type CreateInterpreterInput = z.infer<typeof CreateInterpreterBody>;

export const UpdateInterpreterBody = z.strictObject({
  languages: z
    .array(LanguageTag)
    .min(1, 'Required')
    .max(12)
    .refine(unique, 'must not repeat a language')
    .optional(),
  availability: z.array(Slot).max(28).optional(),
  active: z.boolean().optional(),
});

export const InterpretersQuery = z.strictObject({
  language: LanguageTag.optional(),
  /** Only those available and free over this interval. */
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});

export const CreateBookingBody = z.strictObject({
  interpreterId: Id,
  appointmentId: Id.optional(),
  counsellingSessionId: Id.optional(),
  /** Defaults to the appointment's interpreter language. */
  language: LanguageTag.optional(),
  /** Required for a counselling session (it has a date, not times); an appointment gives its own. */
  startsAt: IsoDateTime.optional(),
  endsAt: IsoDateTime.optional(),
});
export type CreateBookingInput = z.infer<typeof CreateBookingBody>;

export const UsageQuery = z.strictObject({ from: IsoDate, to: IsoDate });

export const InterpreterResponse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['interpreter', 'cultural_mediator']),
  languages: z.array(z.string()),
  organisation: z.string(),
  availability: z.array(z.object({ weekday: z.number(), from: z.string(), to: z.string() })),
  active: z.boolean(),
  upcoming: z.array(
    z.object({ bookingId: z.string(), startsAt: z.string(), endsAt: z.string(), language: z.string() }),
  ),
});

export const BookingResponse = z.object({
  id: z.string(),
  interpreterId: z.string(),
  appointmentId: z.string().nullable(),
  counsellingSessionId: z.string().nullable(),
  language: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  status: z.enum(['booked', 'cancelled']),
});

export const UsageResponse = z.object({
  from: z.string(),
  to: z.string(),
  byLanguage: z.array(
    z.object({
      language: z.string(),
      bookings: z.number(),
      hours: z.number(),
      needed: z.number(),
      unmet: z.number(),
    }),
  ),
});
