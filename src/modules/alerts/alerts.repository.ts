import type { Insertable } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { Role } from '../access/roles.js';
import type { AlertsTable } from './alerts.tables.js';

export async function insertAlert(db: Executor, row: Insertable<AlertsTable>): Promise<void> {
  await db
    .insertInto('alerts')
    .values(row)
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export async function findOpenAlerts(
  db: Executor,
  filter: {
    orgId: string;
    roles: readonly Role[];
    userId: string;
    entity?: string;
    entityId?: string;
    limit: number;
    afterId?: string;
  },
) {
  let query = db
    .selectFrom('alerts')
    .selectAll()
    .where('org_id', '=', filter.orgId)
    .where('state', '=', 'open')
    .where((eb) =>
      eb.or([
        eb('assigned_user_id', '=', filter.userId),
        eb.and([eb('assigned_user_id', 'is', null), eb('assigned_role', 'in', [...filter.roles])]),
        eb.and([eb('assigned_user_id', 'is', null), eb('assigned_role', 'is', null)]),
      ]),
    );
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}

export async function findAlertById(db: Executor, id: string) {
  return db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function resolveAlertRow(db: Executor, id: string, by: string | null, at: string) {
  await db
    .updateTable('alerts')
    .set({ state: 'resolved', resolved_at: at, resolved_by: by })
    .where('id', '=', id)
    .execute();
}

export async function resolveAlertsFor(
  db: Executor,
  entity: string,
  entityId: string,
  rule: string,
  at: string,
) {
  await db
    .updateTable('alerts')
    .set({ state: 'resolved', resolved_at: at })
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .where('rule', '=', rule)
    .where('state', '=', 'open')
    .execute();
}
