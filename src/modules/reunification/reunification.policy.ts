import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import type { Stage, TracingStatus } from './reunification.enums.js';
import { NEXT_STAGES } from './stages.js';

/**
 * Who does what in family tracing and reunification.
 *
 * - Tracing requests hold the most exposed data Passerelle keeps (who is looking for whom, and
 *   where they were separated: the kind of data taken in the 2022 breach of the ICRC's Restoring
 *   Family Links). Only reunification officers read or write them.
 * - Reunification cases and family links are read by reunification officers and by caseworkers
 *   and case supervisors: a child's caseworker needs to know where the reunification stands
 *   and which relatives are abroad for the best-interests assessment and the case plan, and the
 *   supervisor watches the deadlines. Only reunification officers change them, so one person is
 *   answerable for each legal clock.
 * - Lead times of deadline alerts are settings, kept by the administrator (no personal data).
 * Scope is separate: every read goes through the organisation scope (access/scope.ts).
 */
export const ReunificationPermissions = definePermissions({
  'tracing.read': ['reunification_officer'],
  'tracing.write': ['reunification_officer'],
  'reunification.read': ['reunification_officer', 'caseworker', 'case_supervisor'],
  'reunification.write': ['reunification_officer'],
  'reunification.configure': ['admin', 'reunification_officer'],
});

const can = (actor: Actor, permission: string) => actor.permissions.has(permission);

/** Actions the UI may offer on a tracing request. */
export function tracingActions(actor: Actor, status: TracingStatus): string[] {
  if (!can(actor, ReunificationPermissions['tracing.write'])) return [];
  if (status === 'closed') return ['reopen'];
  return ['decideMatch', 'close', 'openCase'];
}

/** Actions the UI may offer on a reunification case. */
export function caseActions(actor: Actor, stage: Stage): string[] {
  if (!can(actor, ReunificationPermissions['reunification.write'])) return [];
  if (stage === 'closed') return [];
  return NEXT_STAGES[stage].length > 0
    ? ['transition', 'updateDates', 'evidence']
    : ['updateDates', 'evidence'];
}
