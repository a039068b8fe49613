import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import type { RelocationStatus } from './reception.tables.js';

/**
 * Who may do what with reception capacity, relocations, convoys and placement plans.
 *
 * - The reception coordinator runs the whole pipeline: capacity, relocations, convoys, the
 *   planner, returns (`reception.manage`), and reads people's relocations (`reception.read`).
 * - Aggregate availability and return rates hold no personal data: the site monitor (who maps
 *   the centres) and the analyst read them too. They never see who is relocated.
 * - Decision on protection staff: caseworkers and case supervisors follow children and other
 *   vulnerable people after they leave the camp, so they read the relocations of people in
 *   their scope (`relocations.read`) — where a person went, when, and whether they came back —
 *   but do not change them: placement decisions stay with reception. Every such read is audited.
 * - Out-of-scope relocations (no person in them visible to the reader) answer 404.
 */
export const ReceptionPermissions = definePermissions({
  'reception.read': ['reception_coordinator'],
  'reception.manage': ['reception_coordinator'],
  'relocations.read': ['reception_coordinator', 'case_supervisor', 'caseworker'],
  'reception.availability': ['reception_coordinator', 'site_monitor', 'analyst'],
  'reception.statistics': ['reception_coordinator', 'site_monitor', 'analyst'],
});

/** The relocation pipeline. `accepted → departed` is allowed: some people travel by ticket, not convoy. */
export const TRANSITIONS: Record<RelocationStatus, readonly RelocationStatus[]> = {
  proposed: ['accepted', 'declined', 'cancelled'],
  accepted: ['scheduled', 'departed', 'declined', 'cancelled', 'no_show'],
  scheduled: ['accepted', 'departed', 'declined', 'cancelled', 'no_show'],
  departed: ['arrived', 'returned'],
  arrived: ['left', 'returned'],
  left: ['returned'],
  returned: [],
  declined: [],
  cancelled: [],
  no_show: [],
};

/** States in which a place is held for the group at the destination (counted as reserved). */
export const RESERVING: readonly RelocationStatus[] = ['accepted', 'scheduled', 'departed'];
/** States of a relocation under way: a person may have only one. */
export const OPEN: readonly RelocationStatus[] = ['proposed', 'accepted', 'scheduled', 'departed'];

/** What the UI may offer on a relocation; the server checks the same rules on each transition. */
export function allowedRelocationActions(actor: Actor, status: RelocationStatus): string[] {
  if (!actor.permissions.has(ReceptionPermissions['reception.manage'])) return [];
  return [...TRANSITIONS[status]];
}
