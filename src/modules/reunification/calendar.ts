/**
 * Legal calendar arithmetic. Every date of a reunification case is a local date (YYYY-MM-DD) in
 * Europe/Paris, the time zone of the French authority that lodges the request: an application
 * registered at 00:30 in Calais on 1 March was lodged on 1 March, although it was still 28 or 29
 * February in UTC. Instants (the server clock, alert due times) are converted to Paris local
 * dates with the IANA time-zone database, so summer time is followed without a fixed offset.
 *
 * Periods follow Regulation (EEC, Euratom) No 1182/71, Article 3, which Dublin III (Article 42)
 * and the AMMR restate: the day of the event that starts a period is not counted (Art. 3(1)); a
 * period in weeks or months ends at the end of the day in the last week or month that has the
 * same weekday or date as the event, or, for months, at the end of that month's last day when it
 * has no such date (Art. 3(2)(c)). 31 January + 1 month therefore ends on 28 February (29 in a
 * leap year). A deadline "due on" a date can still be met during the whole of that Paris day.
 */
export type LocalDate = string;

export const LEGAL_TIME_ZONE = 'Europe/Paris';

export interface Period {
  months?: number;
  weeks?: number;
  days?: number;
}

const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LEGAL_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

function wallClock(instantMs: number) {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

export function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function split(date: LocalDate): [number, number, number] {
  if (!isLocalDate(date)) throw new Error(`not a date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function join(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The Paris calendar date at an instant. */
export function localDateOf(instant: Date): LocalDate {
  const p = wallClock(instant.getTime());
  return join(p.year, p.month, p.day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = split(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return join(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Same date `months` later, or that month's last day when it has no such date (1182/71 Art. 3(2)(c)). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = split(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return join(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Last day of a period starting with the event on `from` (the event's own day not counted). */
export function endOfPeriod(from: LocalDate, period: Period): LocalDate {
  let due = from;
  if (period.months) due = addMonths(due, period.months);
  if (period.weeks) due = addDays(due, 7 * period.weeks);
  if (period.days) due = addDays(due, period.days);
  return due;
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ya, ma, da] = split(a);
  const [yb, mb, db] = split(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}

/** The instant a Paris calendar day begins (midnight always exists: clocks change at 02:00/03:00). */
export function startOfLocalDay(date: LocalDate): Date {
  const [y, m, d] = split(date);
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const p = wallClock(guess);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
    guess = wall - offset;
  }
  return new Date(guess);
}

/** The instant a deadline due on `date` has passed: the end of that Paris day. */
export function endOfLocalDay(date: LocalDate): Date {
  return startOfLocalDay(addDays(date, 1));
}
