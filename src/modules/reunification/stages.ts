import type { Stage } from './reunification.enums.js';

/**
 * The stages of a reunification case and the moves between them. A rejection can be followed by a
 * re-examination request, which ends in acceptance or a final rejection; a case can be closed
 * from any stage (withdrawn, relative not found, transfer done), and reopened nowhere: a new
 * application is a new case.
 */
export const NEXT_STAGES: Record<Stage, readonly Stage[]> = {
  intake: ['evidence', 'closed'],
  evidence: ['request_sent', 'closed'],
  request_sent: ['accepted', 'rejected', 'closed'],
  rejected: ['re_examination', 'closed'],
  re_examination: ['accepted', 'rejected', 'closed'],
  accepted: ['transfer_scheduled', 'closed'],
  transfer_scheduled: ['transferred', 'closed'],
  transferred: ['closed'],
  closed: [],
};

/** Stages in which the case is still being worked on (its clocks run, its alerts are kept). */
export const ACTIVE_STAGES: readonly Stage[] = [
  'intake',
  'evidence',
  'request_sent',
  'rejected',
  're_examination',
  'accepted',
  'transfer_scheduled',
];

export function canMove(from: Stage, to: Stage): boolean {
  return NEXT_STAGES[from].includes(to);
}
