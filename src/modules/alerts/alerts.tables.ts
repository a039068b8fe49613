export type AlertState = 'open' | 'resolved';
/** Where an open alert stands against its due date; kept current by the deadline job. */
export type DeadlineState = 'due' | 'overdue' | 'escalated';
export type AlertSeverity = 'info' | 'warning' | 'urgent';

export interface AlertsTable {
  id: string;
  org_id: string;
  /** The rule that raised it, e.g. 'registry.unaccompanied_child', 'cases.assessment_due'. */
  rule: string;
  entity: string;
  entity_id: string;
  person_id: string | null;
  /** Who should act: a role in the organisation, or one user. */
  assigned_role: string | null;
  assigned_user_id: string | null;
  severity: AlertSeverity;
  state: AlertState;
  due_at: string | null;
  /** JSON of non-personal details (no names). */
  details: string | null;
  /** Raising the same alert twice (two processes, a retry) is a no-op. */
  dedupe_key: string | null;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  /** The item within the record (a plan action, an approval, a referral), if the alert is about one. */
  subject_id: string | null;
  deadline_state: DeadlineState;
  /** When an overdue alert escalates: from then on the organisation's case supervisors see it too. */
  escalate_at: string | null;
  /** Advance notice: the alert shows from this instant (null: at once). */
  visible_from: string | null;
  /** The module that raises and resolves it as the work changes ('cases'); null for manual alerts. */
  managed_by: string | null;
}

export interface AlertsTables {
  alerts: AlertsTable;
}
