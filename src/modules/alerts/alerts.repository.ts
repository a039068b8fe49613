import { type Insertable, sql, type Updateable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Role } from '../access/roles.js';
import type { AlertsTable } from './alerts.tables.js';

/** Sort key of an alert in the inbox: due date first (none last), then id. */
export const NO_DUE_DATE = '9999-12-31T23:59:59.999Z';

export async function insertAlert(db: Executor, row: Insertable<AlertsTable>): Promise<void> {
  await db
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export interface InboxFilter {
  orgId: string;
  roles: readonly Role[];
  userId: string;
  nowIso: string;
  entity?: string;
  entityId?: string;
  rule?: string;
  /** Only alerts assigned to this user by name. */
  mineOnly?: boolean;
  limit: number;
  after?: { dueAt: string; id: string };
}

/**
 * The open alerts one user should act on, due work first: assigned to them, to one of their
 * roles, or to nobody in particular; and, once escalated, to the organisation's case supervisors
 * as well. Advance-notice alerts stay hidden until their `visible_from`.
 */
export async function findOpenAlerts(db: Executor, filter: InboxFilter) {
  const dueKey = sql<string>`coalesce(due_at, ${NO_DUE_DATE})`;
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .where('org_id', '=', filter.orgId)
    .where('state', '=', 'open')
    .where((eb) => eb.or([eb('visible_from', 'is', null), eb('visible_from', '<=', filter.nowIso)]));
  if (filter.mineOnly) {
    query = query.where('assigned_user_id', '=', filter.userId);
  } else {
    query = query.where((eb) => {
      const reach = [
        eb('assigned_user_id', '=', filter.userId),
        eb.and([eb('assigned_user_id', 'is', null), eb('assigned_role', 'in', [...filter.roles])]),
        eb.and([eb('assigned_user_id', 'is', null), eb('assigned_role', 'is', null)]),
      ];
      if (filter.roles.includes('case_supervisor')) reach.push(eb('deadline_state', '=', 'escalated'));
      return eb.or(reach);
    });
  }
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.rule) query = query.where('rule', '=', filter.rule);
  if (filter.after) {
    const { dueAt, id } = filter.after;
    query = query.where((eb) =>
      eb.or([eb(dueKey, '>', dueAt), eb.and([eb(dueKey, '=', dueAt), eb('id', '>', id)])]),
    );
  }
  return query.orderBy(dueKey).orderBy('id').limit(filter.limit).execute();
}

export async function findAlertById(db: Executor, id: string) {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Resolves one alert. The dedupe key is released: it guards against raising the same alert twice
 * while it is open (two processes, a retry), not against the same work falling due again later.
 */
export async function resolveAlertRow(db: Executor, id: string, by: string | null, at: string) {
  await db
    .updateTable('alerts')
    .set({ state: 'resolved', resolved_at: at, resolved_by: by, dedupe_key: null })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .execute();
}

export async function resolveAlertsFor(
  db: Executor,
  entity: string,
  entityId: string,
  rule: string,
  at: string,
  by: string | null = null,
  subjectId?: string,
) {
  let query = db
    .updateTable('alerts')
    .set({ state: 'resolved', resolved_at: at, resolved_by: by, dedupe_key: null })
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('rule', '=', rule)
    .where('state', '=', 'open');
  if (subjectId !== undefined) query = query.where('subject_id', '=', subjectId);
  await query.execute();
}

export async function updateAlertRow(db: Executor, id: string, changes: Updateable<AlertsTable>) {
  await db.updateTable('alerts').set(changes).where('id', '=', id).where('state', '=', 'open').execute();
}

export async function findManagedOpenAlerts(
  db: Executor,
  entity: string,
  entityId: string,
  managedBy: string,
) {
  return db
    .selectFrom('alerts')
    .selectAll()
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('managed_by', '=', managedBy)
    .where('state', '=', 'open')
    .execute();
}

/**
 * Moves every open alert with a due date to the deadline state that `now` gives it. One statement
 * per state, idempotent: two processes running it at once reach the same result.
 */
export async function refreshDeadlineStates(db: Executor, nowIso: string): Promise<number> {
  const escalated = await db
    .updateTable('alerts')
    .set({ deadline_state: 'escalated' })
    .where('state', '=', 'open')
    .where('escalate_at', '<=', nowIso)
    .where('deadline_state', '!=', 'escalated')
    .executeTakeFirst();
  const overdue = await db
    .updateTable('alerts')
    .set({ deadline_state: 'overdue' })
    .where('state', '=', 'open')
    .where('due_at', '<=', nowIso)
    .where((eb) => eb.or([eb('escalate_at', 'is', null), eb('escalate_at', '>', nowIso)]))
    .where('deadline_state', '!=', 'overdue')
    .executeTakeFirst();
  const due = await db
    .updateTable('alerts')
    .set({ deadline_state: 'due' })
    .where('state', '=', 'open')
    .where((eb) => eb.or([eb('due_at', 'is', null), eb('due_at', '>', nowIso)]))
    .where('deadline_state', '!=', 'due')
    .executeTakeFirst();
  return [escalated, overdue, due].reduce((n, r) => n + Number(r.numUpdatedRows), 0);
}

/** Open alerts of some records, for badges on lists (counts only leave through presenters). */
export async function findOpenAlertsForEntities(db: Executor, entity: string, entityIds: readonly string[]) {
  if (entityIds.length === 0) return [];
  return db
    .selectFrom('alerts')
    .select([
      'id',
      'entity_id',
      'rule',
      'due_at',
      'deadline_state',
      'org_id',
      'subject_id',
      'assigned_role',
      'visible_from',
    ])
    .where('entity', '=', entity)
    .where('entity_id', 'in', entityIds)
    .where('state', '=', 'open')
    .execute();
}
