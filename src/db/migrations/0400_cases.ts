import type { Kysely } from 'kysely';

// Protection cases. Plain columns hold what scope, deadlines and aggregates need; every free text
// is encrypted under the case's own data key (`case_keys`; deleting it erases the narrative).
// Also extends `alerts` with what deadline tracking needs (due / overdue / escalated).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('risk', 'text', (c) => c.notNull())
    .addColumn('risk_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('unaccompanied', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opened_by', 'text')
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('cycle_started_at', 'text', (c) => c.notNull())
    .addColumn('status_changed_at', 'text', (c) => c.notNull())
    .addColumn('assessed_at', 'text')
    .addColumn('bia_at', 'text')
    .addColumn('plan_created_at', 'text')
    .addColumn('plan_approved_at', 'text')
    .addColumn('implementation_started_at', 'text')
    .addColumn('last_follow_up_at', 'text')
    .addColumn('last_activity_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closure_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('cases_org_idx')
    .on('cases')
    .columns(['org_id', 'status', 'opened_at'])
    .execute();
  await db.schema.createIndex('cases_person_idx').on('cases').column('person_id').execute();
  await db.schema
    .createIndex('cases_assigned_idx')
    .on('cases')
    .columns(['assigned_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_keys')
    .addColumn('case_id', 'text', (c) => c.primaryKey())
    .addColumn('wrapped_key', 'text', (c) => c.notNull())
    .addColumn('key_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case_idx').on('case_events').columns(['case_id', 'id']).execute();

  await db.schema
    .createTable('case_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('suggested_risk', 'text')
    .addColumn('concerns_noted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('completed_by', 'text')
    .addColumn('completed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_assessments_case_idx').on('case_assessments').column('case_id').execute();

  await db.schema
    .createTable('case_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('goals', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('superseded_at', 'text')
    .addUniqueConstraint('case_plans_version_uq', ['case_id', 'version'])
    .execute();

  await db.schema
    .createTable('case_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('plan_id', 'text', (c) => c.notNull().references('case_plans.id'))
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('assignee_kind', 'text', (c) => c.notNull())
    .addColumn('assignee_user_id', 'text')
    .addColumn('assignee_org_id', 'text')
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text')
    .addColumn('done_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_actions_case_idx')
    .on('case_actions')
    .columns(['case_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('plan_id', 'text')
    .addColumn('closure_reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema
    .createIndex('case_approvals_case_idx')
    .on('case_approvals')
    .columns(['case_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('to_org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('service', 'text', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consent_basis', 'text', (c) => c.notNull())
    .addColumn('override_reason', 'text')
    .addColumn('notes', 'text')
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('case_referrals_case_idx').on('case_referrals').column('case_id').execute();
  await db.schema
    .createIndex('case_referrals_to_idx')
    .on('case_referrals')
    .columns(['to_org_id', 'status'])
    .execute();

  await db.schema
    .createTable('case_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('flag', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('raised_by', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'text')
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('case_flags_case_idx').on('case_flags').column('case_id').execute();

  await db.schema
    .createTable('case_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('meta', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_attachments_case_idx').on('case_attachments').column('case_id').execute();

  // Alerts: which item of the record (a plan action, an approval, a referral), the deadline
  // state the background job maintains, when an overdue item escalates to supervisors, from when
  // it shows (advance notice), and which module keeps it in step with the work.
  await db.schema.alterTable('alerts').addColumn('subject_id', 'text').execute();
  await db.schema
    .alterTable('alerts')
    .addColumn('deadline_state', 'text', (c) => c.notNull().defaultTo('due'))
    .execute();
  await db.schema.alterTable('alerts').addColumn('escalate_at', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('visible_from', 'text').execute();
  await db.schema.alterTable('alerts').addColumn('managed_by', 'text').execute();
  await db.schema
    .createIndex('alerts_open_due_idx')
    .on('alerts')
    .columns(['state', 'deadline_state', 'due_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('alerts_open_due_idx').ifExists().execute();
  for (const column of ['managed_by', 'visible_from', 'escalate_at', 'deadline_state', 'subject_id'])
    await db.schema.alterTable('alerts').dropColumn(column).execute();
  for (const table of [
    'case_attachments',
    'case_flags',
    'case_referrals',
    'case_approvals',
    'case_actions',
    'case_plans',
    'case_assessments',
    'case_events',
    'case_keys',
    'cases',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
