import type { AlertsTable } from './alerts.tables.js';

export function presentAlert(row: AlertsTable, now: Date) {
  const dueAt = row.due_at;
  return {
    id: row.id,
    rule: row.rule,
    entity: row.entity,
    entityId: row.entity_id,
    personId: row.person_id,
    severity: row.severity,
    state: row.state,
    dueAt,
    overdue: dueAt !== null && dueAt < now.toISOString(),
    assignedRole: row.assigned_role,
    assignedUserId: row.assigned_user_id,
    details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
    createdAt: row.created_at,
  };
}
