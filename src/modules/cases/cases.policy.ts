import type { Actor } from '../access/actor.js';
import { definePermissions } from '../access/permissions.js';
import type { CaseType } from './cases.schema.js';
import type { CaseReferralsTable, CasesTable } from './cases.tables.js';

/**
 * Case management is caseworkers' and supervisors' work. Registration officers record needs and
 * the system proposes a case to supervisors (see proposals.ts); they neither open nor read cases,
 * so a desk that registers hundreds of people a day does not also hold every protection narrative.
 * `reception_coordinator`, `site_monitor` and `analyst` hold no case permission at all.
 */
export const CasePermissions = definePermissions({
  'cases.read': ['caseworker', 'case_supervisor'],
  'cases.write': ['caseworker', 'case_supervisor'],
  'cases.approve': ['case_supervisor'],
  'cases.reassign': ['case_supervisor'],
  'cases.consent_override': ['case_supervisor'],
  'cases.supervise': ['case_supervisor'],
});

/** Case types whose person stays unnamed to users without access to that case. */
export const SENSITIVE_TYPES: ReadonlySet<CaseType> = new Set(['gbv', 'trafficking']);

export interface CaseAccess {
  /** Full: names and narrative. Restricted: that the case exists, its type, risk and deadlines. */
  level: 'full' | 'restricted';
  /** The actor's organisation is responsible for the case. */
  isOwner: boolean;
  /** The actor's organisation holds an accepted referral: it works on the case, it does not steer it. */
  isPartner: boolean;
}

const isSupervisor = (actor: Actor) => actor.roles.includes('case_supervisor');

/**
 * Who sees what of a case they can reach (scope already checked). Non-sensitive cases: everyone
 * in scope with cases.read. gbv and trafficking: the assigned caseworker, the user who accepted a
 * referral of it, and the case supervisors of the owning or partner organisation; other
 * colleagues see the case exists (to cover absences) but neither the name nor the narrative.
 */
export function caseAccess(
  actor: Actor,
  row: Pick<CasesTable, 'org_id' | 'type' | 'assigned_user_id'>,
  referrals: readonly Pick<CaseReferralsTable, 'to_org_id' | 'status' | 'kind' | 'decided_by'>[],
): CaseAccess {
  const isOwner = actor.orgId === row.org_id;
  const accepted = referrals.filter(
    (r) => r.status === 'accepted' && r.kind === 'referral' && r.to_org_id === actor.orgId,
  );
  const isPartner = !isOwner && accepted.length > 0;
  if (!SENSITIVE_TYPES.has(row.type)) return { level: 'full', isOwner, isPartner };
  const full =
    (actor.userId !== null && row.assigned_user_id === actor.userId) ||
    accepted.some((r) => r.decided_by === actor.userId) ||
    ((isOwner || isPartner) && isSupervisor(actor));
  return { level: full ? 'full' : 'restricted', isOwner, isPartner };
}

/**
 * Actions the UI may offer on a case (the UI never checks roles). Owner-side work steers the
 * case; partner-side work records what the partner did (notes, follow-ups, services, files).
 */
export function caseActions(actor: Actor, row: Pick<CasesTable, 'status'>, access: CaseAccess): string[] {
  const can = (p: string) => actor.permissions.has(p);
  const actions: string[] = [];
  if (access.level !== 'full' || !can(CasePermissions['cases.write'])) {
    if (access.isOwner && can(CasePermissions['cases.reassign'])) actions.push('reassign');
    return actions;
  }
  const closed = row.status === 'closed';
  if (access.isOwner) {
    actions.push('transition');
    if (!closed) {
      actions.push('editRisk', 'assess', 'plan', 'requestApproval', 'refer', 'transfer', 'flag');
    }
    if (can(CasePermissions['cases.approve'])) actions.push('approve');
    if (can(CasePermissions['cases.reassign'])) actions.push('reassign');
    if (can(CasePermissions['cases.consent_override'])) actions.push('overrideConsent');
  }
  if (!closed && (access.isOwner || access.isPartner)) actions.push('note', 'followUp', 'service', 'attach');
  return actions;
}
