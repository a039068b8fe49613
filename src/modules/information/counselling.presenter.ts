import type { Actor } from '../access/actor.js';
import type { SessionRow } from './counselling.repository.js';
import { InformationPermissions } from './information.policy.js';

function list(json: string): string[] {
  return JSON.parse(json) as string[];
}

export function sessionActions(actor: Actor, row: SessionRow): string[] {
  const canWrite = actor.permissions.has(InformationPermissions['counselling.write']);
  return canWrite && row.follow_up_on !== null && row.follow_up_done_at === null ? ['completeFollowUp'] : [];
}

/** A session without its notes (lists); `presentSession` adds the decrypted notes for one read. */
export function presentSessionItem(actor: Actor, row: SessionRow) {
  return {
    id: row.id,
    personId: row.person_id,
    personCode: row.person_code,
    anonymous: row.person_id === null,
    heldOn: row.held_on,
    counsellorId: row.counsellor_id,
    language: row.language,
    interpreterUsed: row.interpreter_used === 1,
    topics: list(row.topics),
    optionsDiscussed: list(row.options_discussed),
    statedIntention: row.stated_intention,
    referrals: JSON.parse(row.referrals) as Array<{ service: string; organisation?: string }>,
    followUpOn: row.follow_up_on,
    followUpDoneAt: row.follow_up_done_at,
    isDemo: row.is_demo === 1,
    createdAt: row.created_at,
    allowed: sessionActions(actor, row),
  };
}

export function presentSession(actor: Actor, row: SessionRow, notes: string | null) {
  return { ...presentSessionItem(actor, row), notes };
}

/** Counts below this are reported as suppressed: small groups in a camp can identify a person. */
export const SUPPRESS_BELOW = 5;

export function suppressedCount(key: string, count: number) {
  const hide = count > 0 && count < SUPPRESS_BELOW;
  return { key, count: hide ? null : count, suppressed: hide };
}
