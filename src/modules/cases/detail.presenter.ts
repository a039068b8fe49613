import type { Actor } from '../access/actor.js';
import { caseAad, unseal } from './case-crypto.js';
import type { CaseView } from './case-views.js';
import { presentCaseSummary } from './cases.presenter.js';
import type {
  CaseActionsTable,
  CaseApprovalsTable,
  CaseAssessmentsTable,
  CaseAttachmentsTable,
  CaseFlagsTable,
  CasePlansTable,
} from './cases.tables.js';
import { presentReferral, type ReferralNotes } from './referrals.presenter.js';

export interface DetailParts {
  actor: Actor;
  now: Date;
  /** Null for a restricted view: nothing is decrypted. */
  dataKey: Buffer | null;
  assessments: CaseAssessmentsTable[];
  plan: { row: CasePlansTable; actions: CaseActionsTable[] } | null;
  approvals: CaseApprovalsTable[];
  flags: CaseFlagsTable[];
  attachments: Array<Omit<CaseAttachmentsTable, 'content'>>;
  orgNames: ReadonlyMap<string, string>;
}

/** The whole case for its page: summary plus its parts, each decrypted only with full access. */
export function presentCaseDetail(view: CaseView, parts: DetailParts) {
  const { row } = view;
  const key = parts.dataKey;
  const id = row.id;
  const nowIso = parts.now.toISOString();
  return {
    ...presentCaseSummary(view, parts.actor, parts.now),
    assessments: parts.assessments.map((a) => ({
      id: a.id,
      kind: a.kind,
      suggestedRisk: a.suggested_risk,
      concernsNoted: a.concerns_noted,
      answers: unseal<Record<string, unknown>>(key, caseAad.assessment(id, a.id), a.answers),
      completedBy: a.completed_by,
      completedAt: a.completed_at,
    })),
    plan: parts.plan
      ? {
          id: parts.plan.row.id,
          version: parts.plan.row.version,
          goals: unseal<string>(key, caseAad.plan(id, parts.plan.row.id), parts.plan.row.goals),
          createdAt: parts.plan.row.created_at,
          approvedAt: parts.plan.row.approved_at,
          actions: parts.plan.actions.map((action) => {
            const text = unseal<{ what: string; whoLabel: string | null }>(
              key,
              caseAad.action(id, action.id),
              action.what,
            );
            return {
              id: action.id,
              what: text?.what ?? null,
              who: action.assignee_kind,
              userId: action.assignee_user_id,
              orgId: action.assignee_org_id,
              whoLabel: text?.whoLabel ?? null,
              byWhen: action.due_on,
              status: action.status,
              doneAt: action.done_at,
            };
          }),
        }
      : null,
    approvals: parts.approvals.map((a) => {
      const notes = unseal<{ request?: string; decision?: string }>(key, caseAad.approval(id, a.id), a.notes);
      return {
        id: a.id,
        kind: a.kind,
        status: a.status,
        closureReason: a.closure_reason,
        requestNote: notes?.request ?? null,
        decisionNote: notes?.decision ?? null,
        requestedBy: a.requested_by,
        requestedAt: a.requested_at,
        decidedAt: a.decided_at,
      };
    }),
    referrals: view.referrals.map((r) =>
      presentReferral(r, {
        actor: parts.actor,
        caseType: row.type,
        caseRisk: row.risk,
        orgNames: parts.orgNames,
        notes: unseal<ReferralNotes>(key, caseAad.referral(id, r.id), r.notes),
      }),
    ),
    flags: parts.flags.map((f) => ({
      id: f.id,
      flag: f.flag,
      reason: unseal<{ reason: string }>(key, caseAad.flag(id, f.id), f.reasons)?.reason ?? null,
      raisedAt: f.raised_at,
      raisedBy: f.raised_by,
    })),
    attachments: parts.attachments.map((a) => {
      const meta = unseal<{ filename: string; description: string | null }>(
        key,
        caseAad.attachmentMeta(id, a.id),
        a.meta,
      );
      return {
        id: a.id,
        mediaType: a.media_type,
        sizeBytes: Number(a.size_bytes),
        filename: meta?.filename ?? null,
        description: meta?.description ?? null,
        uploadedAt: a.uploaded_at,
      };
    }),
    dueItems: view.dueItems.map((d) => ({
      alertId: d.id,
      rule: d.rule,
      dueAt: d.due_at,
      deadlineState: d.deadline_state,
      overdue: d.due_at !== null && d.due_at <= nowIso,
    })),
  };
}
