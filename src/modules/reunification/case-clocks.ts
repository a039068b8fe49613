import { type LocalDate, localDateOf } from './calendar.js';
import { type CaseClocks, type Deadline, deadlinesOf } from './deadlines.js';
import type { ReunificationCasesTable } from './reunification.tables.js';

/** The dates of a case row as the deadline engine reads them. */
export function clocksOf(row: ReunificationCasesTable): CaseClocks {
  return {
    ruleSetId: row.rule_set,
    stage: row.stage,
    urgent: row.request_urgent === 1,
    transferExtension: row.transfer_extension,
    dates: {
      applicationLodgedOn: row.application_lodged_on,
      eurodacHitOn: row.eurodac_hit_on,
      requestSentOn: row.request_sent_on,
      replyOn: row.reply_on,
      rejectedOn: row.rejected_on,
      reExaminationRequestedOn: row.re_examination_requested_on,
      reExaminationReplyOn: row.re_examination_reply_on,
      acceptedOn: row.accepted_on,
      appealDecidedOn: row.appeal_decided_on,
      transferredOn: row.transferred_on,
    },
  };
}

/** Today in Paris at the service clock's instant: the day every deadline is counted from. */
export function legalToday(now: () => Date): LocalDate {
  return localDateOf(now());
}

export function deadlinesOfCase(row: ReunificationCasesTable, today: LocalDate): Deadline[] {
  return deadlinesOf(clocksOf(row), today);
}
