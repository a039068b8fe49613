import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findUserById } from '../access/access.repository.js';
import { parseRoles } from '../access/auth.service.js';
import type { Role } from '../access/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findAlertById,
  findManagedOpenAlerts,
  findOpenAlerts,
  type InboxFilter,
  insertAlert,
  resolveAlertRow,
  updateAlertRow,
} from './alerts.repository.js';
import type { AlertSeverity, AlertsTable, DeadlineState } from './alerts.tables.js';

export interface RaiseAlertInput {
  orgId: string;
  rule: string;
  entity: string;
  entityId: string;
  personId?: string | null;
  assignedRole?: Role | null;
  assignedUserId?: string | null;
  severity: AlertSeverity;
  dueAt?: string | null;
  details?: Record<string, unknown>;
  /** Defaults to rule + entity id (+ subject): the same alert is never open twice for one record. */
  dedupeKey?: string;
  subjectId?: string | null;
  escalateAt?: string | null;
  visibleFrom?: string | null;
  managedBy?: string | null;
}

/** Where an alert due at `dueAt` (escalating at `escalateAt`) stands at `now`. */
export function deadlineStateAt(
  dueAt: string | null,
  escalateAt: string | null,
  nowIso: string,
): DeadlineState {
  if (escalateAt && escalateAt <= nowIso) return 'escalated';
  if (dueAt && dueAt <= nowIso) return 'overdue';
  return 'due';
}

function dedupeKeyOf(input: RaiseAlertInput): string {
  return input.dedupeKey ?? [input.rule, input.entityId, input.subjectId].filter(Boolean).join(':');
}

/** Raises an alert inside the caller's transaction, so the alert exists exactly when the record does. */
export async function raiseAlert(
  trx: Executor,
  ctx: Pick<ServiceContext, 'now'>,
  input: RaiseAlertInput,
): Promise<void> {
  const nowIso = ctx.now().toISOString();
  await insertAlert(trx, {
    id: timeOrderedId(ctx.now().getTime()),
    org_id: input.orgId,
    rule: input.rule,
    entity: input.entity,
    entity_id: input.entityId,
    person_id: input.personId ?? null,
    assigned_role: input.assignedRole ?? null,
    assigned_user_id: input.assignedUserId ?? null,
    severity: input.severity,
    state: 'open',
    due_at: input.dueAt ?? null,
    details: input.details ? JSON.stringify(input.details) : null,
    dedupe_key: dedupeKeyOf(input),
    created_at: nowIso,
    resolved_at: null,
    resolved_by: null,
    subject_id: input.subjectId ?? null,
    deadline_state: deadlineStateAt(input.dueAt ?? null, input.escalateAt ?? null, nowIso),
    escalate_at: input.escalateAt ?? null,
    visible_from: input.visibleFrom ?? null,
    managed_by: input.managedBy ?? null,
  });
}

/** One alert a module wants open for a record; `reconcileAlerts` makes the table match the list. */
export type DesiredAlert = Omit<RaiseAlertInput, 'entity' | 'entityId' | 'managedBy' | 'dedupeKey'>;

const keyOf = (rule: string, subjectId: string | null | undefined) => `${rule}|${subjectId ?? ''}`;

/**
 * Makes the open alerts a module manages for one record match what its rules want now, inside the
 * caller's transaction: alerts no longer wanted are resolved (the work was done), changed ones
 * updated (a new due date, a reassignment, a transfer to another organisation), missing ones
 * raised. Returns how many were raised and resolved.
 */
export async function reconcileAlerts(
  trx: Executor,
  ctx: Pick<ServiceContext, 'now' | 'actor'>,
  target: { entity: string; entityId: string; managedBy: string },
  desired: readonly DesiredAlert[],
): Promise<{ raised: number; resolved: number }> {
  const nowIso = ctx.now().toISOString();
  const existing = await findManagedOpenAlerts(trx, target.entity, target.entityId, target.managedBy);
  const wanted = new Map(desired.map((d) => [keyOf(d.rule, d.subjectId), d]));
  let resolved = 0;
  let raised = 0;
  for (const alert of existing) {
    const want = wanted.get(keyOf(alert.rule, alert.subject_id));
    if (!want) {
      await resolveAlertRow(trx, alert.id, ctx.actor.userId, nowIso);
      resolved += 1;
      continue;
    }
    wanted.delete(keyOf(alert.rule, alert.subject_id));
    const next: Partial<AlertsTable> = {
      org_id: want.orgId,
      person_id: want.personId ?? null,
      assigned_role: want.assignedRole ?? null,
      assigned_user_id: want.assignedUserId ?? null,
      severity: want.severity,
      due_at: want.dueAt ?? null,
      escalate_at: want.escalateAt ?? null,
      visible_from: want.visibleFrom ?? null,
      details: want.details ? JSON.stringify(want.details) : null,
      deadline_state: deadlineStateAt(want.dueAt ?? null, want.escalateAt ?? null, nowIso),
    };
    const changed = (Object.keys(next) as Array<keyof AlertsTable>).some((k) => next[k] !== alert[k]);
    if (changed) await updateAlertRow(trx, alert.id, next);
  }
  for (const want of wanted.values()) {
    await raiseAlert(trx, ctx, { ...want, ...target });
    raised += 1;
  }
  return { raised, resolved };
}

/** The actor's due work: alerts of their organisation for them, due work first. */
export async function listAlerts(
  ctx: ServiceContext,
  filter: Pick<InboxFilter, 'entity' | 'entityId' | 'rule' | 'mineOnly' | 'limit' | 'after'>,
) {
  if (!ctx.actor.orgId || !ctx.actor.userId) return [];
  return findOpenAlerts(ctx.db, {
    orgId: ctx.actor.orgId,
    roles: ctx.actor.roles,
    userId: ctx.actor.userId,
    nowIso: ctx.now().toISOString(),
    ...filter,
  });
}

async function openAlertOf(trx: Executor, ctx: ServiceContext, id: string): Promise<AlertsTable> {
  const alert = await findAlertById(trx, id);
  if (!alert || alert.org_id !== ctx.actor.orgId) throw AppError.notFound('alert');
  if (alert.state !== 'open') throw new AppError('invalid_state', 'This alert is already resolved.');
  if (alert.managed_by) {
    // Silencing a deadline by hand is how overdue work goes quiet: it resolves when the work is done.
    throw new AppError(
      'invalid_state',
      `This alert follows the ${alert.entity}: it resolves by itself when the work is recorded, and its assignee follows the ${alert.entity}'s caseworker.`,
    );
  }
  return alert;
}

export async function resolveAlert(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const alert = await openAlertOf(trx, ctx, id);
    await resolveAlertRow(trx, id, ctx.actor.userId, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'alert.resolve',
      entity: 'alert',
      entityId: id,
      details: { rule: alert.rule },
    });
  });
}

/** Gives an alert to one user of the organisation who can act on it (a supervisor dispatching work). */
export async function assignAlert(ctx: ServiceContext, id: string, userId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const alert = await openAlertOf(trx, ctx, id);
    const user = await findUserById(trx, userId);
    if (!user || user.org_id !== alert.org_id || user.disabled_at !== null)
      throw AppError.validation('userId', 'must be an active user of your organisation');
    const roles = parseRoles(user.roles);
    if (alert.assigned_role && !roles.includes(alert.assigned_role as Role))
      throw AppError.validation('userId', `must hold the role ${alert.assigned_role}`);
    await updateAlertRow(trx, id, { assigned_user_id: userId });
    await recordAudit(trx, ctx, {
      action: 'alert.assign',
      entity: 'alert',
      entityId: id,
      details: { rule: alert.rule, assignedUserId: userId },
    });
    return (await findAlertById(trx, id))!;
  });
}
