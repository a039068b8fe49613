import { daysBetween, endOfPeriod, type LocalDate } from './calendar.js';
import type { Stage, TransferExtension } from './reunification.enums.js';
import { type ClockDate, type ClockRule, ruleSetById, type Verification } from './rule-sets.js';

/** What the deadline engine needs to know about a case: its rule set, stage, flags and dates. */
export interface CaseClocks {
  ruleSetId: string;
  stage: Stage;
  urgent: boolean;
  transferExtension: TransferExtension;
  dates: Partial<Record<ClockDate, LocalDate | null>>;
}

/**
 * - running: the clock runs and the day has not passed; overdue: it runs and the day has passed
 *   (the legal consequence has happened);
 * - met / missed: the act was done on or before / after the due date;
 * - stopped: the case left the stages in which the clock runs without the act (closed, say).
 */
export type DeadlineStatus = 'running' | 'overdue' | 'met' | 'missed' | 'stopped';

export interface Deadline {
  rule: string;
  legalSource: string;
  startedOn: LocalDate;
  dueOn: LocalDate;
  /** Calendar days from today (Paris) to the due date; 0 on the day itself, negative once passed. */
  daysLeft: number;
  status: DeadlineStatus;
  doneOn: LocalDate | null;
  consequence: string;
  deemsAcceptance: boolean;
  verification: Verification;
}

function firstSet(dates: CaseClocks['dates'], keys: readonly ClockDate[]): LocalDate | null {
  for (const key of keys) {
    const value = dates[key];
    if (value) return value;
  }
  return null;
}

function applies(rule: ClockRule, clocks: CaseClocks): boolean {
  const when = rule.when;
  if (!when) return true;
  if (when.urgent !== undefined && when.urgent !== clocks.urgent) return false;
  if (when.eurodacHit !== undefined && when.eurodacHit !== Boolean(clocks.dates.eurodacHitOn)) return false;
  if (when.transferExtension !== undefined && when.transferExtension !== clocks.transferExtension)
    return false;
  return true;
}

/**
 * Every clock of the case's rule set that has started, with its due date and where it stands
 * today, earliest due first. The rules are data (rule-sets.ts): this function only evaluates them.
 */
export function deadlinesOf(clocks: CaseClocks, today: LocalDate): Deadline[] {
  const set = ruleSetById(clocks.ruleSetId);
  if (!set) return [];
  const deadlines: Deadline[] = [];
  for (const rule of set.rules) {
    if (!applies(rule, clocks)) continue;
    const startedOn = firstSet(clocks.dates, rule.from);
    if (!startedOn) continue;
    const dueOn = endOfPeriod(startedOn, rule.period);
    const daysLeft = daysBetween(today, dueOn);
    const doneOn = firstSet(clocks.dates, rule.metBy);
    let status: DeadlineStatus;
    if (doneOn) status = doneOn <= dueOn ? 'met' : 'missed';
    else if (rule.runsIn.includes(clocks.stage)) status = daysLeft >= 0 ? 'running' : 'overdue';
    else status = 'stopped';
    deadlines.push({
      rule: rule.rule,
      legalSource: rule.legalSource,
      startedOn,
      dueOn,
      daysLeft,
      status,
      doneOn,
      consequence: rule.consequence,
      deemsAcceptance: rule.deemsAcceptance === true,
      verification: rule.verification,
    });
  }
  return deadlines.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.rule.localeCompare(b.rule));
}

/** The clock that needs action first: the earliest running or overdue one. */
export function nearestDeadline(deadlines: readonly Deadline[]): Deadline | null {
  return deadlines.find((d) => d.status === 'running' || d.status === 'overdue') ?? null;
}
