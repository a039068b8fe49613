import {
  addDays,
  addMonths,
  daysBetween,
  endOfLocalDay,
  type LocalDate,
  localDateOf,
  nextWorkingDay,
  startOfLocalDay,
} from './legal-calendar.js';
import { ruleSetFor } from './rule-sets.js';
import type { Custody, RuleSet, TimeLimitRule, Verification } from './rule-types.js';

export interface ClockEvent {
  id: string;
  stage: string;
  occurredOn: LocalDate;
  /** The time of notification, when known: periods in hours run from it. */
  occurredAt: string | null;
  result: string | null;
  custody: Custody | null;
}

export interface ProcedureFacts {
  country: string;
  procedureType: 'normal' | 'accelerated' | 'dublin';
  events: readonly ClockEvent[];
}

export interface ComputedDeadline {
  rule: string;
  label: string;
  legalSource: string;
  ruleSetId: string;
  /** The event that started the clock. */
  startEventId: string;
  startedOn: LocalDate;
  dueOn: LocalDate;
  /** The instant the limit has passed (end of the due day, or the exact hour for hour periods). */
  dueAt: string;
  /** True when the due date was moved off a weekend or public holiday, as the text provides. */
  extended: boolean;
  metOn: LocalDate | null;
  daysLeft: number;
  noticeDays: number | null;
  consequence: string;
  verification: Verification;
}

function startsClock(rule: TimeLimitRule, facts: ProcedureFacts, event: ClockEvent): boolean {
  if (event.stage !== rule.from.stage) return false;
  if (!rule.procedureTypes.includes(facts.procedureType)) return false;
  if (rule.from.results && !rule.from.results.includes(event.result ?? '')) return false;
  if (rule.from.custody && !rule.from.custody.includes(event.custody ?? 'none')) return false;
  return true;
}

function dueOf(rule: TimeLimitRule, set: RuleSet, event: ClockEvent) {
  const { period } = rule;
  if (period.hours !== undefined) {
    // Without a recorded time, the clock is taken to start at the beginning of the day: earlier, never later.
    const start = event.occurredAt
      ? Date.parse(event.occurredAt)
      : startOfLocalDay(event.occurredOn, set.timeZone).getTime();
    const dueAt = new Date(start + period.hours * 3_600_000);
    return { dueOn: localDateOf(dueAt, set.timeZone), dueAt: dueAt.toISOString(), extended: false };
  }
  let due = event.occurredOn;
  if (period.months) due = addMonths(due, period.months);
  if (period.days) due = addDays(due, period.days);
  const moved = rule.extendsToWorkingDay ? nextWorkingDay(due, set.holidays) : due;
  return {
    dueOn: moved,
    dueAt: endOfLocalDay(moved, set.timeZone).toISOString(),
    extended: moved !== due,
  };
}

/**
 * The statutory time limits of one procedure at `now`: for each rule, the clock started by the
 * latest event that starts it (a new decision restarts it), under the rule set in force on that
 * event's date, met once a stage that meets it is recorded on or after the start.
 */
export function computeDeadlines(facts: ProcedureFacts, now: Date): ComputedDeadline[] {
  const chosen = new Map<string, { rule: TimeLimitRule; set: RuleSet; event: ClockEvent }>();
  const ordered = [...facts.events].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  for (const event of ordered) {
    const set = ruleSetFor(facts.country, event.occurredOn);
    if (!set) continue;
    const matched = new Set<string>();
    for (const rule of set.rules) {
      if (matched.has(rule.rule) || !startsClock(rule, facts, event)) continue;
      matched.add(rule.rule);
      chosen.set(rule.rule, { rule, set, event });
    }
  }
  return [...chosen.values()].map(({ rule, set, event }) => {
    const due = dueOf(rule, set, event);
    const meeting = ordered.find(
      (e) => e.id !== event.id && rule.metBy.includes(e.stage as never) && e.occurredOn >= event.occurredOn,
    );
    return {
      rule: rule.rule,
      label: rule.label,
      legalSource: rule.legalSource,
      ruleSetId: set.id,
      startEventId: event.id,
      startedOn: event.occurredOn,
      ...due,
      metOn: meeting?.occurredOn ?? null,
      daysLeft: daysBetween(localDateOf(now, set.timeZone), due.dueOn),
      noticeDays: rule.noticeDays,
      consequence: rule.consequence,
      verification: rule.verification,
    };
  });
}
