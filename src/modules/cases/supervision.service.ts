import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { parseRoles } from '../access/auth.service.js';
import { findOpenAlertsForEntities } from '../alerts/alerts.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { findActiveUsersOfOrg, findCaseloadRows } from './cases.repository.js';
import { CASE_RISKS, CASE_STATUSES, CASE_TYPES } from './cases.schema.js';
import { findPendingApprovalsOfOrg } from './work.repository.js';

/** Age bands of open cases (days since opening): where cases go quiet. */
export const AGE_BANDS: ReadonlyArray<{ label: string; maxDays: number }> = [
  { label: '0-7', maxDays: 7 },
  { label: '8-30', maxDays: 30 },
  { label: '31-90', maxDays: 90 },
  { label: '91+', maxDays: Number.POSITIVE_INFINITY },
];

const zeroes = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;

/**
 * The organisation's open caseload for its supervisors: counts by risk, status, type and age,
 * per caseworker with their overdue cases, and the approvals waiting. Counts and ids only.
 */
export async function caseload(ctx: ServiceContext) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation supervises a caseload.');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await findCaseloadRows(trx, orgId);
    const alerts = await findOpenAlertsForEntities(
      trx,
      'case',
      rows.map((r) => r.id),
    );
    const nowIso = ctx.now().toISOString();
    const overdue = new Set(
      alerts
        .filter((a) => a.org_id === orgId && a.due_at !== null && a.due_at <= nowIso)
        .map((a) => a.entity_id),
    );
    const byRisk = zeroes(CASE_RISKS);
    const byStatus = zeroes(CASE_STATUSES.filter((s) => s !== 'closed'));
    const byType = zeroes(CASE_TYPES);
    const byAge = zeroes(AGE_BANDS.map((b) => b.label));
    const workers = new Map<
      string,
      { userId: string | null; name: string | null; open: number; overdue: number }
    >();
    for (const row of rows) {
      byRisk[row.risk] = (byRisk[row.risk] ?? 0) + 1;
      byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      byType[row.type] = (byType[row.type] ?? 0) + 1;
      const days = (Date.parse(nowIso) - Date.parse(row.opened_at)) / 86_400_000;
      const band = AGE_BANDS.find((b) => days <= b.maxDays)!;
      byAge[band.label] = (byAge[band.label] ?? 0) + 1;
      const key = row.assigned_user_id ?? '';
      const worker = workers.get(key) ?? {
        userId: row.assigned_user_id,
        name: row.assigned_name ?? null,
        open: 0,
        overdue: 0,
      };
      worker.open += 1;
      if (overdue.has(row.id)) worker.overdue += 1;
      workers.set(key, worker);
    }
    const pending = await findPendingApprovalsOfOrg(trx, orgId);
    await recordAudit(trx, ctx, {
      action: 'case.caseload_read',
      entity: 'case',
      details: { count: rows.length },
    });
    return {
      total: rows.length,
      byRisk,
      byStatus,
      byType,
      byAge,
      byCaseworker: [...workers.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open),
      overdueCases: overdue.size,
      pendingApprovals: pending.map((p) => ({
        id: p.id,
        caseId: p.case_id,
        kind: p.kind,
        requestedAt: p.requested_at,
      })),
    };
  });
}

/**
 * The organisation's caseworkers and supervisors, to assign a case or a plan action to. Staff
 * names only: no person on the move is named here.
 */
export async function listCaseworkers(ctx: ServiceContext) {
  if (!ctx.actor.orgId) return [];
  const users = await findActiveUsersOfOrg(ctx.db, ctx.actor.orgId);
  return users
    .filter((u) => parseRoles(u.roles).some((r) => r === 'caseworker' || r === 'case_supervisor'))
    .map((u) => ({ id: u.id, name: u.name }));
}
