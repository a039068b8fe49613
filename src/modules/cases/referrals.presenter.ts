import type { Actor } from '../access/actor.js';
import { CasePermissions } from './cases.policy.js';
import type { CaseReferralsTable } from './cases.tables.js';

export type ReferralNotes = {
  request?: string | null;
  override?: string | null;
  decision?: string | null;
  revocation?: string | null;
};

/** What the UI may do with a referral: the receiving side answers it, the sending side revokes it. */
export function referralActions(actor: Actor, referral: CaseReferralsTable): string[] {
  if (!actor.permissions.has(CasePermissions['cases.write'])) return [];
  if (referral.to_org_id === actor.orgId && referral.status === 'requested') return ['accept', 'reject'];
  const revocable =
    referral.status === 'requested' || (referral.status === 'accepted' && referral.kind === 'referral');
  if (referral.from_org_id === actor.orgId && revocable) return ['revoke'];
  return [];
}

export function presentReferral(
  referral: CaseReferralsTable,
  context: {
    actor: Actor;
    caseType: string;
    caseRisk: string;
    orgNames: ReadonlyMap<string, string>;
    notes: ReferralNotes | null;
  },
) {
  return {
    id: referral.id,
    caseId: referral.case_id,
    kind: referral.kind,
    fromOrgId: referral.from_org_id,
    fromOrgName: context.orgNames.get(referral.from_org_id) ?? null,
    toOrgId: referral.to_org_id,
    toOrgName: context.orgNames.get(referral.to_org_id) ?? null,
    service: referral.service,
    urgent: referral.urgent === 1,
    status: referral.status,
    caseType: context.caseType,
    caseRisk: context.caseRisk,
    consentBasis: referral.consent_basis,
    overrideReason: referral.override_reason,
    note: context.notes?.request ?? null,
    decisionNote: context.notes?.decision ?? null,
    requestedAt: referral.requested_at,
    decidedAt: referral.decided_at,
    revokedAt: referral.revoked_at,
    allowed: referralActions(context.actor, referral),
  };
}

export type ReferralView = ReturnType<typeof presentReferral>;
