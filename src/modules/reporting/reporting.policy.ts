import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import { ROLES_READING_PERSONAL_DATA, type Role } from '../access/roles.js';

/**
 * Who reads indicators and takes files away, and how much detail they get.
 *
 * Permissions
 * - `reports.read` and `exports.aggregate`: the analyst and the site monitor (their whole job is
 *   aggregates), and the roles that sit in coordination meetings for their sector — case
 *   supervisors (protection), reception coordinators, reunification officers, information
 *   officers. Frontline registration officers and caseworkers do not need the coordination
 *   picture; admin manages accounts; the data protection officer reads the audit trail.
 * - `exports.personal`: files that name people. Only the caseworker (their own caseload), the case
 *   supervisor (their organisation's open caseload) and the reception coordinator (their
 *   organisation's convoy lists). It needs a signed-in browser session and a fresh authenticator
 *   code in the request; bearer tokens are refused, so a leaked script token cannot pull names.
 *   `analyst` and `site_monitor` never hold it.
 *
 * Scope of aggregates
 * - `scope=all` (default): every organisation's records. Coordination needs the whole picture:
 *   one agency's registry is never the camp. Every count is suppressed (below) for every viewer,
 *   since nobody may read every organisation's records.
 * - `scope=organisation`: only records the viewer's organisation owns. Roles that read personal
 *   data get these counts exactly — they could list the records themselves; the analyst and the
 *   site monitor still get them suppressed.
 * - Sites, population estimates and places are not records of people: they are shown for every
 *   site whatever the scope, as the sites and reception modules already show them to these roles.
 *
 * Suppression rule (suppression.ts)
 * - A count from 1 to threshold − 1 is shown as null ("<5"); threshold 5 by default, raised per
 *   deployment in settings (`reporting.suppression_threshold`), and an export may ask for a higher
 *   one, never a lower one.
 * - In `scope=all`, a count is also hidden when the part of it from *other* organisations is from
 *   1 to threshold − 1: the viewer could otherwise subtract their own organisation's exact figure
 *   and learn another agency's small group (the leak this rule exists for).
 * - Secondary suppression hides further counts until no hidden count can be recomputed from the
 *   shown counts and totals of its section.
 * - Suppressed viewers get periods snapped to whole ISO weeks (Monday–Sunday), so two reports a
 *   day apart cannot be subtracted to isolate one day's registrations.
 * - Capacity figures (places, blocked, occupied, reserved, free by centre and category) are not
 *   suppressed: they describe buildings, and reception already publishes them to these roles.
 * - The reconciled population of a site comes from the sites module, which shows it (with the
 *   registered count it uses as a floor) to every signed-in role; the report adds nothing to it
 *   beyond the registered count, which is suppressed like every other count here.
 */
export const ReportingPermissions = definePermissions({
  'reports.read': [
    'analyst',
    'site_monitor',
    'case_supervisor',
    'reception_coordinator',
    'reunification_officer',
    'information_officer',
  ],
  'exports.aggregate': [
    'analyst',
    'site_monitor',
    'case_supervisor',
    'reception_coordinator',
    'reunification_officer',
    'information_officer',
  ],
  'exports.personal': ['caseworker', 'case_supervisor', 'reception_coordinator'],
});

export type ReportScope = 'all' | 'organisation';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;
export const THRESHOLD_SETTING = 'reporting.suppression_threshold';

/** Exact counts only for the viewer's own organisation's records, and only if they read personal data. */
export function seesExactCounts(actor: Actor, scope: ReportScope): boolean {
  return scope === 'organisation' && actor.roles.some((role) => ROLES_READING_PERSONAL_DATA.has(role));
}

/** Personal datasets and the roles that may take each (within their own organisation). */
export const PERSONAL_DATASETS: Record<'caseload' | 'convoy', readonly Role[]> = {
  caseload: ['caseworker', 'case_supervisor'],
  convoy: ['reception_coordinator'],
};

export type PersonalDataset = keyof typeof PERSONAL_DATASETS;

export function mayExportPersonal(actor: Actor, dataset: PersonalDataset): boolean {
  return actor.roles.some((role) => PERSONAL_DATASETS[dataset].includes(role));
}

/** Minutes a personal export can be downloaded after it was made. */
export const PERSONAL_EXPORT_MINUTES = 15;
