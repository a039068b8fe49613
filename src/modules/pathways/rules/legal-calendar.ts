/**
 * Calendar arithmetic for statutory time limits. Every date here is a local date (YYYY-MM-DD) in
 * the time zone of the authority whose procedure it is (a rule set names it): a decision notified
 * at 00:30 in Calais on 1 March was notified on 1 March, whatever the UTC date. Instants are
 * converted with the IANA database, so summer time needs no fixed offset.
 *
 * The day of the event that starts a period is not counted; a period in months ends on the same
 * date of the last month, or on that month's last day when it has no such date (31 January + 1
 * month = 28 or 29 February). Whether a limit falling on a weekend or public holiday moves to the
 * next working day is a property of each rule (`extendsToWorkingDay`), never assumed.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

function wallClock(instantMs: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

function split(date: LocalDate): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function join(y: number, m: number, d: number): LocalDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The local calendar date at an instant in a time zone. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const p = wallClock(instant.getTime(), timeZone);
  return join(p.year, p.month, p.day);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const [y, m, d] = split(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return join(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Same date `months` later, or that month's last day when it has no such date. */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = split(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return join(year, month, Math.min(d, daysInMonth(year, month)));
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  const [ya, ma, da] = split(a);
  const [yb, mb, db] = split(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  const [y, m, d] = split(date);
  const day = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Gregorian Easter Sunday (the anonymous algorithm of Meeus, Jones and Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return join(year, month, day);
}

/** Public holidays as data: fixed month-days and days counted from Easter Sunday. */
export interface HolidayCalendar {
  fixed: readonly string[];
  easterOffsets: readonly number[];
}

export function isPublicHoliday(date: LocalDate, calendar: HolidayCalendar): boolean {
  if (calendar.fixed.includes(date.slice(5))) return true;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return calendar.easterOffsets.some((offset) => addDays(easter, offset) === date);
}

export function isWorkingDay(date: LocalDate, calendar: HolidayCalendar): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date, calendar);
}

/** The date itself when it is a working day, else the next one. */
export function nextWorkingDay(date: LocalDate, calendar: HolidayCalendar): LocalDate {
  let day = date;
  while (!isWorkingDay(day, calendar)) day = addDays(day, 1);
  return day;
}

/** The instant a local day begins (midnight exists in every zone this serves). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  const [y, m, d] = split(date);
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall;
  for (let i = 0; i < 2; i += 1) {
    const p = wallClock(guess, timeZone);
    const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - guess;
    guess = wall - offset;
  }
  return new Date(guess);
}

/** The instant a limit due on `date` has passed: the end of that local day. */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return startOfLocalDay(addDays(date, 1), timeZone);
}
