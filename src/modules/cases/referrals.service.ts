import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findOrganisationById } from '../access/access.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { hasCurrentConsent } from '../registry/registry.repository.js';
import { loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, openCaseKeys, requireCaseKey, seal, unseal } from './case-crypto.js';
import { CasePermissions } from './cases.policy.js';
import type { ReferralStatus } from './cases.schema.js';
import type { CaseReferralsTable, CasesTable } from './cases.tables.js';
import { syncCaseAlerts } from './deadlines.service.js';
import { presentReferral, type ReferralNotes, type ReferralView } from './referrals.presenter.js';
import {
  findOrganisationNames,
  findReferralById,
  findReferralsOfOrg,
  insertReferral,
  revokeSharesFrom,
  updateReferralFrom,
} from './referrals.repository.js';
import type { ReferralInput } from './work.schema.js';

/** The referral presented for its reader, its notes decrypted with the case key. */
export async function viewReferral(
  db: Executor,
  ctx: ServiceContext,
  referral: CaseReferralsTable,
  row: Pick<CasesTable, 'type' | 'risk'>,
): Promise<ReferralView> {
  const keys = await openCaseKeys(db, ctx.keys, [referral.case_id]);
  const orgNames = await findOrganisationNames(db, [referral.from_org_id, referral.to_org_id]);
  const notes = unseal<ReferralNotes>(
    keys.get(referral.case_id) ?? null,
    caseAad.referral(referral.case_id, referral.id),
    referral.notes,
  );
  return presentReferral(referral, {
    actor: ctx.actor,
    caseType: row.type,
    caseRisk: row.risk,
    orgNames,
    notes,
  });
}

/**
 * The consent gate: the person's current `referral` consent, or an override by a role holding
 * cases.consent_override, with a reason, audited on its own. Without either: 403 consent_required.
 */
async function consentBasis(trx: Executor, ctx: ServiceContext, row: CasesTable, input: ReferralInput) {
  const consented = await hasCurrentConsent(trx, row.person_id, 'referral');
  if (consented) {
    if (input.consentOverride)
      throw AppError.validation(
        'consentOverride',
        'the person’s referral consent is current; no override is needed',
      );
    return 'consent' as const;
  }
  if (!input.consentOverride) {
    throw new AppError(
      'consent_required',
      'The person has not consented to referral. Record their consent, or a case supervisor may override it with a reason.',
      [{ field: 'consentOverride', message: 'no current referral consent' }],
    );
  }
  if (!ctx.actor.permissions.has(CasePermissions['cases.consent_override'])) {
    throw new AppError('field_forbidden', 'consentOverride: only a case supervisor may override consent', [
      { field: 'consentOverride', message: 'only a case supervisor may override consent' },
    ]);
  }
  return 'override' as const;
}

/**
 * Refers a case to another organisation for a service, or asks it to take the case over
 * (transfer). Nothing is shared until the receiving side accepts; it learns of the request
 * through an alert in its own organisation.
 */
export async function referCase(
  ctx: ServiceContext,
  caseId: string,
  input: ReferralInput,
): Promise<ReferralView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row, referrals } = await loadCaseForWrite(trx, ctx, caseId, 'owner');
    if (input.toOrgId === row.org_id) throw AppError.validation('toOrgId', 'must be another organisation');
    if (!(await findOrganisationById(trx, input.toOrgId)))
      throw AppError.validation('toOrgId', 'no such organisation');
    // One transfer at a time (ownership is in flux until it is answered), and one open referral per
    // receiving organisation; referrals to different organisations may run side by side.
    const pendingTransfer = referrals.find((r) => r.kind === 'transfer' && r.status === 'requested');
    const sameOrg = referrals.find(
      (r) =>
        r.to_org_id === input.toOrgId &&
        (r.status === 'requested' || (r.status === 'accepted' && r.kind === 'referral')),
    );
    const clash =
      pendingTransfer ??
      (input.kind === 'transfer' ? referrals.find((r) => r.status === 'requested') : sameOrg);
    if (clash) {
      throw new AppError(
        'invalid_state',
        `This case already has a ${clash.kind} that is ${clash.status} (to ${clash.to_org_id}); wait for the answer or revoke it first.`,
      );
    }
    const basis = await consentBasis(trx, ctx, row, input);
    const now = ctx.now();
    const nowIso = now.toISOString();
    const id = timeOrderedId(now.getTime());
    const dataKey = await requireCaseKey(trx, ctx.keys, caseId);
    const notes: ReferralNotes = {
      request: input.note ?? null,
      override: input.consentOverride?.note ?? null,
    };
    const referral: CaseReferralsTable = {
      id,
      case_id: caseId,
      kind: input.kind,
      from_org_id: row.org_id,
      to_org_id: input.toOrgId,
      service: input.service,
      urgent: input.urgent ? 1 : 0,
      status: 'requested',
      consent_basis: basis,
      override_reason: input.consentOverride?.reason ?? null,
      notes: seal(dataKey, caseAad.referral(caseId, id), notes),
      requested_by: ctx.actor.userId,
      requested_at: nowIso,
      decided_by: null,
      decided_at: null,
      revoked_by: null,
      revoked_at: null,
    };
    await insertReferral(trx, referral);
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: `${input.kind}_requested`,
      summary: { referralId: id, toOrgId: input.toOrgId, service: input.service, consentBasis: basis },
      body: input.note ? { note: input.note } : null,
    });
    if (basis === 'override') {
      await recordAudit(trx, ctx, {
        action: 'case.consent_override',
        entity: 'case',
        entityId: caseId,
        details: { referralId: id, reason: input.consentOverride?.reason, purpose: 'referral' },
      });
    }
    await recordAudit(trx, ctx, {
      action: 'case.refer',
      entity: 'case',
      entityId: caseId,
      details: {
        referralId: id,
        kind: input.kind,
        toOrgId: input.toOrgId,
        service: input.service,
        consentBasis: basis,
      },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return viewReferral(trx, ctx, referral, saved);
  });
}

async function revokeOne(
  trx: Executor,
  ctx: ServiceContext,
  referral: CaseReferralsTable,
  dataKey: Buffer,
  reason: string,
): Promise<boolean> {
  const nowIso = ctx.now().toISOString();
  const notes =
    unseal<ReferralNotes>(dataKey, caseAad.referral(referral.case_id, referral.id), referral.notes) ?? {};
  const moved = await updateReferralFrom(trx, referral.id, referral.status, {
    status: 'revoked',
    revoked_by: ctx.actor.userId,
    revoked_at: nowIso,
    notes: seal(dataKey, caseAad.referral(referral.case_id, referral.id), { ...notes, revocation: reason }),
  });
  if (moved) await revokeSharesFrom(trx, referral.id, nowIso);
  return moved;
}

/** Closing a case withdraws the requests nobody answered yet (accepted referrals keep their history). */
export async function revokePendingReferrals(
  trx: Executor,
  ctx: ServiceContext,
  row: CasesTable,
  dataKey: Buffer,
  reason: string,
): Promise<void> {
  for (const referral of await findReferralsOfOrg(trx, row.org_id, 'outgoing', 'requested')) {
    if (referral.case_id === row.id) await revokeOne(trx, ctx, referral, dataKey, reason);
  }
}

/**
 * The sending organisation withdraws a request, or ends an accepted referral: the shares it
 * granted end at once, so the partner's next read answers 404. A completed transfer cannot be
 * revoked (the case belongs to the other organisation now).
 */
export async function revokeReferral(
  ctx: ServiceContext,
  referralId: string,
  reason: string,
): Promise<ReferralView> {
  return ctx.db.transaction().execute(async (trx) => {
    const referral = await findReferralById(trx, referralId);
    if (!referral || referral.from_org_id !== ctx.actor.orgId) throw AppError.notFound('referral');
    const revocable =
      referral.status === 'requested' || (referral.status === 'accepted' && referral.kind === 'referral');
    if (!revocable)
      throw new AppError(
        'invalid_state',
        `This ${referral.kind} is ${referral.status}; it cannot be revoked.`,
      );
    const { row } = await loadCaseForWrite(trx, ctx, referral.case_id, 'owner', { allowClosed: true });
    const dataKey = await requireCaseKey(trx, ctx.keys, row.id);
    if (!(await revokeOne(trx, ctx, referral, dataKey, reason)))
      throw new AppError('conflict', 'The referral changed meanwhile; reload and try again.');
    const saved = await saveCase(trx, ctx, row);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'referral_revoked',
      summary: { referralId, toOrgId: referral.to_org_id, wasStatus: referral.status },
      body: { reason },
    });
    await recordAudit(trx, ctx, {
      action: 'case.referral_revoke',
      entity: 'case',
      entityId: row.id,
      details: { referralId, wasStatus: referral.status },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return viewReferral(trx, ctx, (await findReferralById(trx, referralId))!, saved);
  });
}

/** The organisation's referral inbox (incoming) or what it sent (outgoing); the read is audited. */
export async function listReferrals(
  ctx: ServiceContext,
  filter: { direction: 'incoming' | 'outgoing'; status?: ReferralStatus },
): Promise<ReferralView[]> {
  const orgId = ctx.actor.orgId;
  if (!orgId) return [];
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await findReferralsOfOrg(trx, orgId, filter.direction, filter.status);
    const keys = await openCaseKeys(
      trx,
      ctx.keys,
      rows.map((r) => r.case_id),
    );
    const orgNames = await findOrganisationNames(trx, [
      ...new Set(rows.flatMap((r) => [r.from_org_id, r.to_org_id])),
    ]);
    await recordAudit(trx, ctx, {
      action: 'case.referrals_read',
      entity: 'case_referral',
      details: { direction: filter.direction, count: rows.length },
    });
    return rows.map((r) =>
      presentReferral(r, {
        actor: ctx.actor,
        caseType: r.case_type,
        caseRisk: r.case_risk,
        orgNames,
        notes: unseal<ReferralNotes>(keys.get(r.case_id) ?? null, caseAad.referral(r.case_id, r.id), r.notes),
      }),
    );
  });
}
