import { randomId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findInterpreterForBooking,
  findInterpreters,
  findUpcomingBookings,
  findUsage,
  insertInterpreter,
  updateInterpreter,
} from './appointments.repository.js';
import type { CreateInterpreterInput } from './interpreters.schema.js';
import { requireOrg } from './pathways.service.js';
import type { InterpretersTable } from './pathways.tables.js';
import { zoneOf } from './procedure-alerts.js';
import { addDays, isoWeekday, localDateOf, startOfLocalDay } from './rules/legal-calendar.js';

interface Slot {
  weekday: number;
  from: string;
  to: string;
}

/** Same language for interpreting: equal primary subtags (ar matches ar-SD; fa-AF, Dari, matches fa). */
export function speaks(languages: readonly string[], wanted: string): boolean {
  const primary = wanted.split('-')[0];
  return languages.some((l) => l === wanted || l.split('-')[0] === primary);
}

function localTime(instant: Date, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** Within one of the weekly slots (local time, same day); no slots at all means on call. */
export function isAvailable(slots: readonly Slot[], from: Date, to: Date, zone: string): boolean {
  if (slots.length === 0) return true;
  const day = localDateOf(from, zone);
  if (localDateOf(new Date(to.getTime() - 1), zone) !== day) return false;
  const weekday = isoWeekday(day);
  const start = localTime(from, zone);
  const end = localTime(new Date(to.getTime() - 60_000), zone);
  return slots.some((s) => s.weekday === weekday && s.from <= start && end < s.to);
}

function presentInterpreter(
  row: InterpretersTable,
  upcoming: Array<{
    id: string;
    interpreter_id: string;
    starts_at: string;
    ends_at: string;
    language: string;
  }>,
) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    languages: JSON.parse(row.languages) as string[],
    organisation: row.organisation,
    availability: JSON.parse(row.availability) as Slot[],
    active: row.active === 1,
    upcoming: upcoming
      .filter((b) => b.interpreter_id === row.id)
      .map((b) => ({ bookingId: b.id, startsAt: b.starts_at, endsAt: b.ends_at, language: b.language })),
  };
}

/** The roster, optionally only those who speak a language and are available and free over an interval. */
export async function listInterpreters(
  ctx: ServiceContext,
  filter: { language?: string; from?: string; to?: string },
) {
  const orgId = requireOrg(ctx);
  if ((filter.from === undefined) !== (filter.to === undefined))
    throw AppError.validation('to', 'give both from and to');
  const zone = zoneOf('FRA', ctx.now());
  const [rows, upcoming] = await Promise.all([
    findInterpreters(ctx.db, orgId),
    findUpcomingBookings(ctx.db, orgId, ctx.now().toISOString()),
  ]);
  return rows
    .filter((row) => !filter.language || speaks(JSON.parse(row.languages), filter.language))
    .filter((row) => {
      if (!filter.from || !filter.to) return true;
      const from = new Date(filter.from);
      const to = new Date(filter.to);
      const busy = upcoming.some(
        (b) =>
          b.interpreter_id === row.id && b.starts_at < to.toISOString() && b.ends_at > from.toISOString(),
      );
      return row.active === 1 && !busy && isAvailable(JSON.parse(row.availability), from, to, zone);
    })
    .map((row) => presentInterpreter(row, upcoming));
}

export async function createInterpreter(ctx: ServiceContext, input: CreateInterpreterInput) {
  const orgId = requireOrg(ctx);
  const now = ctx.now().toISOString();
  const row: InterpretersTable = {
    id: randomId(),
    org_id: orgId,
    name: input.name,
    kind: input.kind,
    languages: JSON.stringify(input.languages),
    organisation: input.organisation,
    availability: JSON.stringify(input.availability),
    active: 1,
    is_demo: 0,
    created_by: ctx.actor.userId,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertInterpreter(trx, row);
    await recordAudit(trx, ctx, { action: 'interpreter.create', entity: 'interpreter', entityId: row.id });
  });
  return presentInterpreter(row, []);
}

export async function changeInterpreter(
  ctx: ServiceContext,
  id: string,
  input: { languages?: string[]; availability?: Slot[]; active?: boolean },
) {
  const orgId = requireOrg(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findInterpreterForBooking(trx, orgId, id);
    if (!row) throw AppError.notFound('interpreter');
    const changes = {
      updated_at: ctx.now().toISOString(),
      ...(input.languages ? { languages: JSON.stringify(input.languages) } : {}),
      ...(input.availability ? { availability: JSON.stringify(input.availability) } : {}),
      ...(input.active !== undefined ? { active: input.active ? 1 : 0 } : {}),
    };
    await updateInterpreter(trx, id, changes);
    await recordAudit(trx, ctx, {
      action: 'interpreter.update',
      entity: 'interpreter',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
    return presentInterpreter(
      { ...row, ...changes },
      await findUpcomingBookings(trx, orgId, ctx.now().toISOString()),
    );
  });
}

/** Per language: bookings, interpreted hours, appointments that needed an interpreter and how many got none. */
export async function interpreterUsage(ctx: ServiceContext, from: string, to: string) {
  const orgId = requireOrg(ctx);
  if (to < from) throw AppError.validation('to', 'must be on or after from');
  const zone = zoneOf('FRA', ctx.now());
  const fromIso = startOfLocalDay(from, zone).toISOString();
  const toIso = startOfLocalDay(addDays(to, 1), zone).toISOString();
  const { bookings, needs } = await findUsage(ctx.db, orgId, fromIso, toIso);
  const stats = new Map<string, { bookings: number; hours: number; needed: number; unmet: number }>();
  const entry = (language: string) => {
    const value = stats.get(language) ?? { bookings: 0, hours: 0, needed: 0, unmet: 0 };
    stats.set(language, value);
    return value;
  };
  for (const b of bookings) {
    const e = entry(b.language);
    e.bookings += 1;
    e.hours += (Date.parse(b.ends_at) - Date.parse(b.starts_at)) / 3_600_000;
  }
  const served = new Set(bookings.map((b) => b.appointment_id).filter(Boolean));
  for (const n of needs) {
    const e = entry(n.interpreter_language!);
    e.needed += 1;
    if (!served.has(n.id)) e.unmet += 1;
  }
  return {
    from,
    to,
    byLanguage: [...stats.entries()]
      .map(([language, v]) => ({ language, ...v, hours: Math.round(v.hours * 10) / 10 }))
      .sort(
        (a, b) => b.needed + b.bookings - (a.needed + a.bookings) || a.language.localeCompare(b.language),
      ),
  };
}
