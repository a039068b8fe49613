import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';

/**
 * Who may do what with legal pathways (decisions recorded in README.md).
 * - A person's route, procedure stages, documents and voluntary-return steps are legal and
 *   personal: the caseworkers and supervisors who follow people, and the information officers who
 *   counsel them (a pathway is chosen after a counselling session). Registration officers print
 *   cards but do not read the legal file.
 * - Appointments and the day view serve the same three roles: outreach teams are caseworkers.
 * - The interpreter roster is managed by those who coordinate counselling and casework;
 *   everyone who books an interpreter reads it.
 * - Usage statistics by language are counts only: planners and analysts.
 * - Cards: registration officers issue them; caseworkers and supervisors print one for a person
 *   they follow. Revoking a lost card (a new code, the old one dead) is for registration
 *   officers and supervisors: it changes how the person is found.
 */
const FOLLOWERS = ['caseworker', 'case_supervisor', 'information_officer'] as const;

export const PathwayPermissions = definePermissions({
  'pathways.read': FOLLOWERS,
  'pathways.write': FOLLOWERS,
  'appointments.read': FOLLOWERS,
  'appointments.write': FOLLOWERS,
  'interpreters.read': FOLLOWERS,
  'interpreters.manage': ['case_supervisor', 'information_officer'],
  'interpreters.statistics': ['case_supervisor', 'information_officer', 'analyst'],
  'cards.print': ['registration_officer', 'caseworker', 'case_supervisor'],
  'cards.revoke': ['registration_officer', 'case_supervisor'],
});

const can = (actor: Actor, permission: keyof typeof PathwayPermissions) =>
  actor.permissions.has(PathwayPermissions[permission]);

/** What the UI may offer on a person's pathway panel; the routes enforce the same permissions. */
export function pathwayActions(actor: Actor): string[] {
  const actions: string[] = [];
  if (can(actor, 'pathways.write'))
    actions.push('choosePathway', 'openProcedure', 'recordStage', 'addDocument');
  if (can(actor, 'appointments.write')) actions.push('bookAppointment');
  if (can(actor, 'cards.print')) actions.push('printCard');
  if (can(actor, 'cards.revoke')) actions.push('revokeCard');
  return actions;
}

export function appointmentActions(actor: Actor, status: string): string[] {
  if (!can(actor, 'appointments.write')) return ['printSlip'].filter(() => can(actor, 'appointments.read'));
  const actions = ['printSlip'];
  if (status === 'scheduled') actions.push('recordOutcome', 'bookInterpreter');
  if (status === 'missed') actions.push('followUp');
  return actions;
}
