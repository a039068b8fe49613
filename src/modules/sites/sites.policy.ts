import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import { ROLES } from '../access/roles.js';

/**
 * Who may do what with sites, population estimates, assessments and incidents.
 *
 * - Sites, estimates and assessments are not personal data: coordination needs one shared map
 *   and every agency's figures side by side, so every signed-in role reads them, whichever
 *   organisation recorded them. A site carries `org_id` (who created it) for accountability only.
 * - DESIGN.md: "site_monitor and reception_coordinator create and edit sites (centres included)".
 *   Editing is not limited to the creating organisation: the site monitor of one agency records
 *   the dismantling of a camp another agency mapped. Every change is audited and status changes
 *   are kept in `site_status_history`.
 * - Estimates are written by the same two roles; admin manages accounts, not field data.
 * - Assessments are the site monitor's DTM work.
 * - Incidents: the site monitor records them, but a description may name victims, witnesses or
 *   perpetrators, and site_monitor holds no second factor (roles.ts), so that role — and analysts
 *   — see only aggregates (counts by kind, severity and month). Descriptions are read by the
 *   protection staff who follow up (caseworker, case_supervisor) and by the data protection
 *   officer, who answers access requests; only for incidents of their own organisation, and
 *   every such read is audited.
 */
export const SitesPermissions = definePermissions({
  'sites.read': ROLES,
  'sites.manage': ['site_monitor', 'reception_coordinator'],
  'estimates.write': ['site_monitor', 'reception_coordinator'],
  'assessments.write': ['site_monitor'],
  'incidents.write': ['site_monitor'],
  'incidents.read': [
    'site_monitor',
    'analyst',
    'reception_coordinator',
    'caseworker',
    'case_supervisor',
    'data_protection_officer',
  ],
  'incidents.read_details': ['caseworker', 'case_supervisor', 'data_protection_officer'],
});

/**
 * What the UI may offer on a site page; the server checks the same permissions on each route.
 * A dismantled site's status no longer changes (sites.service.ts), so that action is not offered.
 */
export function allowedSiteActions(actor: Actor, site: { status: string }): string[] {
  const actions: Array<[string, string]> = [
    ['edit', SitesPermissions['sites.manage']],
    ...(site.status === 'dismantled'
      ? []
      : [['changeStatus', SitesPermissions['sites.manage']] as [string, string]]),
    ['addEstimate', SitesPermissions['estimates.write']],
    ['addAssessment', SitesPermissions['assessments.write']],
    ['addIncident', SitesPermissions['incidents.write']],
    ['readIncidentSummary', SitesPermissions['incidents.read']],
    ['readIncidentDetails', SitesPermissions['incidents.read_details']],
  ];
  return actions.filter(([, permission]) => actor.permissions.has(permission)).map(([action]) => action);
}

/** A correction supersedes an entry of the same organisation: one agency cannot retract another's figure. */
export function canSupersedeEstimate(actor: Actor, estimate: { org_id: string }): boolean {
  return actor.via === 'system' || actor.orgId === estimate.org_id;
}
