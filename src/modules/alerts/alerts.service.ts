import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import type { Role } from '../access/roles.js';
import { recordAudit } from '../audit/audit.service.js';
import { findAlertById, findOpenAlerts, insertAlert, resolveAlertRow } from './alerts.repository.js';
import type { AlertSeverity } from './alerts.tables.js';

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
  /** Defaults to rule + entity id: the same rule never raises twice for one record. */
  dedupeKey?: string;
}

/** Raises an alert inside the caller's transaction, so the alert exists exactly when the record does. */
export async function raiseAlert(
  trx: Executor,
  ctx: Pick<ServiceContext, 'now'>,
  input: RaiseAlertInput,
): Promise<void> {
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
    dedupe_key: input.dedupeKey ?? `${input.rule}:${input.entityId}`,
    created_at: ctx.now().toISOString(),
    resolved_at: null,
    resolved_by: null,
  });
}

/** The actor's due work: alerts of their organisation assigned to them, to one of their roles, or to nobody. */
export async function listAlerts(
  ctx: ServiceContext,
  filter: { entity?: string; entityId?: string; limit: number; afterId?: string },
) {
  if (!ctx.actor.orgId || !ctx.actor.userId) return [];
  const rows = await findOpenAlerts(ctx.db, {
    orgId: ctx.actor.orgId,
    roles: ctx.actor.roles,
    userId: ctx.actor.userId,
    ...filter,
  });
  return rows.sort(
    (a, b) => (a.due_at ?? '9999').localeCompare(b.due_at ?? '9999') || a.id.localeCompare(b.id),
  );
}

export async function resolveAlert(ctx: ServiceContext, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const alert = await findAlertById(trx, id);
    if (!alert || alert.org_id !== ctx.actor.orgId) throw AppError.notFound('alert');
    if (alert.state !== 'open') throw new AppError('invalid_state', 'This alert is already resolved.');
    await resolveAlertRow(trx, id, ctx.actor.userId, ctx.now().toISOString());
    await recordAudit(trx, ctx, {
      action: 'alert.resolve',
      entity: 'alert',
      entityId: id,
      details: { rule: alert.rule },
    });
  });
}
