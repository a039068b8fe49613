import type { LocalDate, Period } from './calendar.js';
import type { LegalBasis, Stage, TransferExtension } from './reunification.enums.js';

/** The dates of a case that start or stop a clock. */
export type ClockDate =
  | 'applicationLodgedOn'
  | 'eurodacHitOn'
  | 'requestSentOn'
  | 'replyOn'
  | 'rejectedOn'
  | 'reExaminationRequestedOn'
  | 'reExaminationReplyOn'
  | 'acceptedOn'
  | 'appealDecidedOn'
  | 'transferredOn';

/**
 * How each time limit was checked. `verified`: the period was read in the regulation's text (an
 * official language version); `secondary`: read in case law or an official commentary quoting the
 * article, not in the article itself; `unverified`: not found in any text during the check, kept
 * because the issue and DOMAIN.md state it, and flagged as such wherever it is shown.
 */
export interface Verification {
  status: 'verified' | 'secondary' | 'unverified';
  checkedAgainst: string;
}

export interface ClockRule {
  rule: string;
  legalSource: string;
  period: Period;
  /** The clock starts on the first of these dates that is set (an appeal restarts the transfer clock). */
  from: readonly ClockDate[];
  /** The clock is met once one of these dates is set. */
  metBy: readonly ClockDate[];
  /** Stages in which the clock runs. */
  runsIn: readonly Stage[];
  when?: { urgent?: boolean; eurodacHit?: boolean; transferExtension?: TransferExtension };
  /** A reply clock whose expiry counts as acceptance (verified in the law or its case law). */
  deemsAcceptance?: true;
  /** What the law makes of the deadline passing. */
  consequence: string;
  verification: Verification;
}

export interface RuleSet {
  id: string;
  instrument: string;
  /** Applications lodged (registered) on or after this date use this set; a case keeps it for life. */
  effectiveFrom: LocalDate;
  effectiveUntil: LocalDate | null;
  bases: readonly LegalBasis[];
  effectiveDateSource: string;
  rules: readonly ClockRule[];
  /** Time limits of the instrument that are not computed here, and why. */
  notComputed: readonly string[];
}
