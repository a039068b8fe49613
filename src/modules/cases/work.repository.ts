import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type {
  CaseActionsTable,
  CaseApprovalsTable,
  CaseAssessmentsTable,
  CaseAttachmentsTable,
  CaseFlagsTable,
  CasePlansTable,
} from './cases.tables.js';

export async function insertAssessment(db: Executor, row: Insertable<CaseAssessmentsTable>) {
  await db.insertInto('case_assessments').values(row).execute();
}

export async function findAssessments(db: Executor, caseId: string) {
  return db
    .selectFrom('case_assessments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('completed_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function findCurrentPlan(db: Executor, caseId: string) {
  return db
    .selectFrom('case_plans')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
}

export async function nextPlanVersion(db: Executor, caseId: string): Promise<number> {
  const row = await db
    .selectFrom('case_plans')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return Number(row?.v ?? 0) + 1;
}

export async function supersedePlans(db: Executor, caseId: string, at: string) {
  await db
    .updateTable('case_plans')
    .set({ superseded_at: at })
    .where('case_id', '=', caseId)
    .where('superseded_at', 'is', null)
    .execute();
}

export async function insertPlan(db: Executor, row: Insertable<CasePlansTable>) {
  await db.insertInto('case_plans').values(row).execute();
}

export async function approvePlanRow(db: Executor, planId: string, by: string | null, at: string) {
  await db
    .updateTable('case_plans')
    .set({ approved_by: by, approved_at: at })
    .where('id', '=', planId)
    .execute();
}

export async function insertActions(db: Executor, rows: Insertable<CaseActionsTable>[]) {
  if (rows.length > 0) await db.insertInto('case_actions').values(rows).execute();
}

/** Pending actions of superseded plans are cancelled: the new plan says what is still to do. */
export async function cancelPendingActions(db: Executor, caseId: string, by: string | null, at: string) {
  await db
    .updateTable('case_actions')
    .set({ status: 'cancelled', done_by: by, done_at: at })
    .where('case_id', '=', caseId)
    .where('status', '=', 'pending')
    .execute();
}

export async function findActions(db: Executor, caseId: string, planId?: string) {
  let query = db.selectFrom('case_actions').selectAll().where('case_id', '=', caseId);
  if (planId) query = query.where('plan_id', '=', planId);
  return query.orderBy('due_on').orderBy('id').execute();
}

export async function updateAction(db: Executor, id: string, changes: Updateable<CaseActionsTable>) {
  await db.updateTable('case_actions').set(changes).where('id', '=', id).execute();
}

export async function insertApproval(db: Executor, row: Insertable<CaseApprovalsTable>) {
  await db.insertInto('case_approvals').values(row).execute();
}

export async function findApprovals(db: Executor, caseId: string) {
  return db
    .selectFrom('case_approvals')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function updateApproval(db: Executor, id: string, changes: Updateable<CaseApprovalsTable>) {
  await db.updateTable('case_approvals').set(changes).where('id', '=', id).execute();
}

/** Pending approvals of an organisation's cases, for the supervision view. */
export async function findPendingApprovalsOfOrg(db: Executor, orgId: string) {
  return db
    .selectFrom('case_approvals')
    .innerJoin('cases', 'cases.id', 'case_approvals.case_id')
    .select([
      'case_approvals.id',
      'case_approvals.case_id',
      'case_approvals.kind',
      'case_approvals.requested_at',
    ])
    .where('cases.org_id', '=', orgId)
    .where('case_approvals.status', '=', 'pending')
    .orderBy('case_approvals.requested_at')
    .execute();
}

export async function insertFlag(db: Executor, row: Insertable<CaseFlagsTable>) {
  await db.insertInto('case_flags').values(row).execute();
}

export async function findActiveFlags(db: Executor, caseId: string) {
  return db
    .selectFrom('case_flags')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('removed_at', 'is', null)
    .orderBy('raised_at')
    .execute();
}

export async function updateFlag(db: Executor, id: string, changes: Updateable<CaseFlagsTable>) {
  await db.updateTable('case_flags').set(changes).where('id', '=', id).execute();
}

export async function insertAttachment(db: Executor, row: Insertable<CaseAttachmentsTable>) {
  await db.insertInto('case_attachments').values(row).execute();
}

/** Attachment metadata without the (large) content. */
export async function findAttachmentList(db: Executor, caseId: string) {
  return db
    .selectFrom('case_attachments')
    .select(['id', 'case_id', 'media_type', 'size_bytes', 'meta', 'uploaded_by', 'uploaded_at'])
    .where('case_id', '=', caseId)
    .orderBy('uploaded_at', 'desc')
    .execute();
}

export async function findAttachment(db: Executor, caseId: string, id: string) {
  return db
    .selectFrom('case_attachments')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Which of these cases hold a supervisor's closure approval not yet used. */
export async function findCasesWithApprovedClosure(db: Executor, caseIds: readonly string[]) {
  if (caseIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('case_approvals')
    .select('case_id')
    .where('case_id', 'in', caseIds)
    .where('kind', '=', 'closure')
    .where('status', '=', 'approved')
    .execute();
  return new Set(rows.map((r) => r.case_id));
}
