import type { HolidayCalendar, LocalDate } from './legal-calendar.js';

/** Stages of every procedure Passerelle follows (asylum and voluntary return), as recorded events. */
export const ASYLUM_STAGES = [
  'first_appointment',
  'registration',
  'application',
  'interview',
  'decision',
  'legal_aid_request',
  'appeal',
  'appeal_decision',
  'transfer_decision',
  'transfer_appeal',
  'transfer_appeal_decision',
  'transfer',
  'withdrawn',
] as const;
export const RETURN_STAGES = [
  'request',
  'counselling',
  'informed_decision',
  'eligibility',
  'travel_documents',
  'departure',
  'reintegration_follow_up',
  'withdrawn',
] as const;
export type AsylumStage = (typeof ASYLUM_STAGES)[number];
export type ReturnStage = (typeof RETURN_STAGES)[number];
export type Stage = AsylumStage | ReturnStage;

/** Whether the person was free, under house arrest or in administrative retention when notified. */
export const CUSTODY = ['none', 'house_arrest', 'retention'] as const;
export type Custody = (typeof CUSTODY)[number];

/**
 * How a time limit was checked. `verified`: the period was read in the text of the article cited;
 * `secondary`: read in an official guidance page, case law or a commentary quoting it, not in the
 * article itself; `unverified`: not found in any text during the check, kept because the issue
 * states it, and shown as such in the API and the interface.
 */
export interface Verification {
  status: 'verified' | 'secondary' | 'unverified';
  checkedAgainst: string;
}

export interface Period {
  months?: number;
  days?: number;
  /** Counted to the minute from the event's time (or the start of its day when no time was recorded). */
  hours?: number;
}

export interface TimeLimitRule {
  /** The alert rule name; rules sharing it are alternatives, the first that matches applies. */
  rule: string;
  label: string;
  legalSource: string;
  /** Procedure types the limit belongs to. */
  procedureTypes: readonly ('normal' | 'accelerated' | 'dublin')[];
  /** The event that starts the clock: its stage, the results that start it, the person's custody then. */
  from: { stage: AsylumStage; results?: readonly string[]; custody?: readonly Custody[] };
  period: Period;
  /** The limit is met once one of these stages is recorded on or after the start. */
  metBy: readonly AsylumStage[];
  /** The text moves a limit that ends on a weekend or public holiday to the next working day. */
  extendsToWorkingDay: boolean;
  /** The alert shows this many days before the due date; null: at once. */
  noticeDays: number | null;
  consequence: string;
  verification: Verification;
}

export interface RuleSet {
  id: string;
  /** ISO 3166-1 alpha-3 of the state whose procedure this is. */
  country: string;
  timeZone: string;
  holidays: HolidayCalendar;
  holidaySource: string;
  /** A clock uses the set in force on the date of the event that starts it. */
  effectiveFrom: LocalDate;
  effectiveUntil: LocalDate | null;
  effectiveDateSource: string;
  rules: readonly TimeLimitRule[];
  /** Limits of the procedure not computed here, and why. */
  notComputed: readonly string[];
}
