import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { findUserById } from '../access/access.repository.js';
import { parseRoles } from '../access/auth.service.js';
import { resolveAlertsFor } from '../alerts/alerts.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { findHouseholdInScope } from '../registry/households.repository.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import { loadCaseForWrite, recordCaseEvent, saveCase } from './case-context.js';
import { caseAad, newCaseKey, requireCaseKey, seal } from './case-crypto.js';
import { isUnaccompaniedChild } from './case-people.js';
import { type CaseSummary, summariseCase } from './case-views.js';
import { CasePermissions } from './cases.policy.js';
import { findActiveCasesOfPerson, insertCase, insertCaseKey } from './cases.repository.js';
import type { OpenCaseInput, UpdateCaseInput } from './cases.schema.js';
import type { CasesTable } from './cases.tables.js';
import { syncCaseAlerts } from './deadlines.service.js';
import { PROPOSAL_RULE } from './proposals.js';

/** A caseworker or supervisor of the organisation, able to carry a case. */
async function assertCaseworker(trx: Executor, orgId: string, userId: string, field: string): Promise<void> {
  const user = await findUserById(trx, userId);
  const roles = user ? parseRoles(user.roles) : [];
  if (
    !user ||
    user.org_id !== orgId ||
    user.disabled_at !== null ||
    !roles.some((r) => r === 'caseworker' || r === 'case_supervisor')
  ) {
    throw AppError.validation(field, 'must be an active caseworker or case supervisor of your organisation');
  }
}

/**
 * Opens a case for a person the organisation can see, assigned to the caseworker opening it (or,
 * for a supervisor, to the caseworker they name). The case's first deadline is raised in the same
 * transaction, and any proposal for this person and type, or a registry alert for a child alone
 * when the case is child protection, is resolved: the work has started.
 */
export async function openCase(
  ctx: ServiceContext,
  input: OpenCaseInput,
  options: { isDemo?: boolean } = {},
): Promise<CaseSummary> {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can open cases.');
  const assignee = input.assignedUserId ?? ctx.actor.userId;
  if (input.assignedUserId && input.assignedUserId !== ctx.actor.userId) {
    if (!ctx.actor.permissions.has(CasePermissions['cases.reassign']))
      throw new AppError(
        'field_forbidden',
        'assignedUserId: only a case supervisor assigns a case to someone else',
        [{ field: 'assignedUserId', message: 'only a case supervisor assigns a case to someone else' }],
      );
  }
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, ctx.actor, input.personId);
    if (person?.status !== 'active') throw AppError.validation('personId', 'no such person');
    if (input.householdId && !(await findHouseholdInScope(trx, ctx.actor, input.householdId)))
      throw AppError.validation('householdId', 'no such household');
    if (assignee) await assertCaseworker(trx, orgId, assignee, 'assignedUserId');
    const duplicate = (await findActiveCasesOfPerson(trx, person.id)).find(
      (c) => c.org_id === orgId && c.type === input.type,
    );
    if (duplicate) {
      throw new AppError('conflict', `personId: this person already has an open ${input.type} case`, [
        { field: 'personId', message: 'already has an open case of this type', code: duplicate.id },
      ]);
    }
    const now = ctx.now();
    const nowIso = now.toISOString();
    const id = timeOrderedId(now.getTime());
    const key = newCaseKey(ctx.keys, id);
    const row: CasesTable = {
      id,
      org_id: orgId,
      person_id: person.id,
      household_id: input.householdId ?? person.household_id,
      type: input.type,
      risk: input.risk,
      risk_reason: input.riskReason ? seal(key.dataKey, caseAad.riskReason(id), input.riskReason) : null,
      status: 'open',
      assigned_user_id: assignee,
      unaccompanied: (await isUnaccompaniedChild(trx, person, now)) ? 1 : 0,
      opened_by: ctx.actor.userId,
      opened_at: nowIso,
      cycle_started_at: nowIso,
      status_changed_at: nowIso,
      assessed_at: null,
      bia_at: null,
      plan_created_at: null,
      plan_approved_at: null,
      implementation_started_at: null,
      last_follow_up_at: null,
      last_activity_at: nowIso,
      closed_at: null,
      closure_reason: null,
      version: 1,
      is_demo: options.isDemo ? 1 : 0,
      created_at: nowIso,
      updated_at: nowIso,
    };
    await insertCase(trx, row);
    await insertCaseKey(trx, id, key.wrapped, ctx.keys.version, nowIso);
    await recordCaseEvent(trx, ctx, row, key.dataKey, {
      kind: 'opened',
      summary: {
        type: row.type,
        risk: row.risk,
        unaccompanied: row.unaccompanied === 1,
        assignedUserId: assignee,
      },
      body: input.riskReason ? { riskReason: input.riskReason } : null,
    });
    await resolveAlertsFor(trx, 'person', person.id, PROPOSAL_RULE, nowIso, ctx.actor.userId, row.type);
    if (row.type === 'child_protection')
      await resolveAlertsFor(
        trx,
        'person',
        person.id,
        'registry.unaccompanied_child',
        nowIso,
        ctx.actor.userId,
      );
    await recordAudit(trx, ctx, {
      action: 'case.open',
      entity: 'case',
      entityId: id,
      details: { type: row.type, risk: row.risk, personId: person.id, assignedUserId: assignee },
    });
    await syncCaseAlerts(trx, ctx, row);
    return summariseCase(trx, ctx, row);
  });
}

/** Changes risk (with its reason) or household; a stale version answers 409. */
export async function updateCase(
  ctx: ServiceContext,
  id: string,
  input: UpdateCaseInput,
): Promise<CaseSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, id, 'owner');
    if (input.version !== undefined && input.version !== row.version) {
      throw new AppError(
        'conflict',
        `version: the case changed since you read it (now version ${row.version})`,
        [{ field: 'version', message: `current version is ${row.version}` }],
      );
    }
    const riskChanges = input.risk !== undefined && input.risk !== row.risk;
    if (riskChanges && !input.riskReason)
      throw AppError.validation('riskReason', 'Required when the risk changes');
    if (input.householdId && !(await findHouseholdInScope(trx, ctx.actor, input.householdId)))
      throw AppError.validation('householdId', 'no such household');
    const dataKey = await requireCaseKey(trx, ctx.keys, id);
    const changes: Partial<CasesTable> = {};
    if (riskChanges) changes.risk = input.risk;
    if (input.riskReason) changes.risk_reason = seal(dataKey, caseAad.riskReason(id), input.riskReason);
    if (input.householdId !== undefined) changes.household_id = input.householdId;
    const fields = Object.keys(changes);
    if (fields.length === 0) return summariseCase(trx, ctx, row);
    const saved = await saveCase(trx, ctx, row, changes);
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: riskChanges ? 'risk_changed' : 'updated',
      summary: riskChanges ? { from: row.risk, to: saved.risk } : { fields },
      body: input.riskReason ? { riskReason: input.riskReason } : null,
    });
    await recordAudit(trx, ctx, { action: 'case.update', entity: 'case', entityId: id, details: { fields } });
    await syncCaseAlerts(trx, ctx, saved);
    return summariseCase(trx, ctx, saved);
  });
}

/** A supervisor gives the case to another caseworker; its open deadlines follow the case. */
export async function reassignCase(
  ctx: ServiceContext,
  id: string,
  input: { userId: string; reason?: string },
): Promise<CaseSummary> {
  return ctx.db.transaction().execute(async (trx) => {
    const { row } = await loadCaseForWrite(trx, ctx, id, 'owner', { allowClosed: false });
    await assertCaseworker(trx, row.org_id, input.userId, 'userId');
    if (row.assigned_user_id === input.userId) return summariseCase(trx, ctx, row);
    const dataKey = await requireCaseKey(trx, ctx.keys, id);
    const saved = await saveCase(trx, ctx, row, { assigned_user_id: input.userId });
    await recordCaseEvent(trx, ctx, saved, dataKey, {
      kind: 'reassigned',
      summary: { from: row.assigned_user_id, to: input.userId },
      body: input.reason ? { reason: input.reason } : null,
    });
    await recordAudit(trx, ctx, {
      action: 'case.reassign',
      entity: 'case',
      entityId: id,
      details: { from: row.assigned_user_id, to: input.userId },
    });
    await syncCaseAlerts(trx, ctx, saved);
    return summariseCase(trx, ctx, saved);
  });
}
