import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, requireCaseKey, seal, unseal } from './case-crypto.js';
import { CASE_RECORD, findCaseById } from './cases.repository.js';
import type { CasesTable } from './cases.tables.js';
import { syncCaseAlerts } from './deadlines.service.js';
import type { ReferralNotes, ReferralView } from './referrals.presenter.js';
import { findReferralById, insertShares, updateReferralFrom } from './referrals.repository.js';
import { viewReferral } from './referrals.service.js';

/**
 * The receiving organisation answers a referral or transfer. Accepting a referral shares the case
 * and its person with the receiving organisation (record_shares, granted by 'referral'); the
 * sender still owns and steers the case. Accepting a transfer moves ownership: the case and its
 * deadlines go to the receiving organisation and the accepting user, the person is shared with
 * it, and the former owner keeps read access to the history (granted by 'transfer').
 */
export async function decideReferral(
  ctx: ServiceContext,
  referralId: string,
  input: { decision: 'accepted' | 'rejected'; note?: string },
): Promise<ReferralView> {
  const orgId = ctx.actor.orgId;
  return ctx.db.transaction().execute(async (trx) => {
    const referral = await findReferralById(trx, referralId);
    // Out of the receiving organisation's scope reads as absent, like any other record.
    if (!referral || !orgId || referral.to_org_id !== orgId) throw AppError.notFound('referral');
    if (referral.status !== 'requested')
      throw new AppError('invalid_state', `This ${referral.kind} is already ${referral.status}.`);
    const row = await findCaseById(trx, referral.case_id);
    if (!row) throw AppError.notFound('referral');
    if (row.status === 'closed') throw new AppError('invalid_state', 'The case was closed meanwhile.');
    const now = ctx.now();
    const nowIso = now.toISOString();
    const dataKey = await requireCaseKey(trx, ctx.keys, row.id);
    const notes = unseal<ReferralNotes>(dataKey, caseAad.referral(row.id, referralId), referral.notes) ?? {};
    const moved = await updateReferralFrom(trx, referralId, 'requested', {
      status: input.decision,
      decided_by: ctx.actor.userId,
      decided_at: nowIso,
      notes: seal(dataKey, caseAad.referral(row.id, referralId), { ...notes, decision: input.note ?? null }),
    });
    if (!moved) throw new AppError('conflict', 'Someone answered this request meanwhile; reload it.');
    const accepted = input.decision === 'accepted';
    const share = (
      recordType: string,
      recordId: string,
      toOrg: string,
      grantedBy: 'referral' | 'transfer',
    ) => ({
      id: timeOrderedId(now.getTime()),
      record_type: recordType,
      record_id: recordId,
      org_id: toOrg,
      granted_by: grantedBy,
      source_id: referralId,
      granted_at: nowIso,
      revoked_at: null,
    });
    let changes: Partial<CasesTable> = {};
    if (accepted && referral.kind === 'referral') {
      await insertShares(trx, [
        share(CASE_RECORD, row.id, orgId, 'referral'),
        share('person', row.person_id, orgId, 'referral'),
      ]);
    }
    if (accepted && referral.kind === 'transfer') {
      await insertShares(trx, [
        share(CASE_RECORD, row.id, row.org_id, 'transfer'),
        share('person', row.person_id, orgId, 'transfer'),
      ]);
      changes = { org_id: orgId, assigned_user_id: ctx.actor.userId };
    }
    const saved = await saveCase(trx, ctx, row, changes);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: accepted && referral.kind === 'transfer' ? 'transferred' : `${referral.kind}_${input.decision}`,
      summary: { referralId, fromOrgId: referral.from_org_id, toOrgId: orgId, service: referral.service },
      body: input.note ? { note: input.note } : null,
    });
    await recordAudit(trx, ctx, {
      action: 'case.referral_decide',
      entity: 'case',
      entityId: row.id,
      details: { referralId, kind: referral.kind, decision: input.decision },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return viewReferral(trx, ctx, (await findReferralById(trx, referralId))!, saved);
  });
}
