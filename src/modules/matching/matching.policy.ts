import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';

/**
 * Who may look for duplicates and who may decide them.
 * - `matching.search`: every role that reads people (the same answer as the people search, scored).
 * - `duplicates.review`: the roles that register and supervise registration, and the data
 *   protection officer, who also receives the cross-organisation pairs of their organisation
 *   (README.md). Caseworkers see the pairs of a person through the profile only if they also
 *   review; merging records is not case work.
 * - `matching.run`: the reviewers start the whole-registry run that fills their queue.
 */
export const MatchingPermissions = definePermissions({
  'matching.search': [
    'registration_officer',
    'caseworker',
    'case_supervisor',
    'reunification_officer',
    'reception_coordinator',
    'information_officer',
    'data_protection_officer',
  ],
  'duplicates.review': ['registration_officer', 'case_supervisor', 'data_protection_officer'],
  'matching.run': ['registration_officer', 'case_supervisor', 'data_protection_officer'],
});

/** The data protection officer receives cross-organisation pairs owned by their organisation. */
export function receivesCrossOrganisationPairs(actor: Actor): boolean {
  return actor.roles.includes('data_protection_officer') && actor.orgId !== null;
}
