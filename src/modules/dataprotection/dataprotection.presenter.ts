import type { Actor } from '../access/actor.js';
import { templateFor } from './access/pdf-templates.js';
import { allowedRequestActions } from './dataprotection.policy.js';
import type {
  AccessRequestsTable,
  ErasureRequestsTable,
  LegalHoldsTable,
  RetentionPoliciesTable,
  RetentionRunsTable,
} from './dataprotection.tables.js';
import { effectiveKeepDays } from './retention/retention.service.js';
import type { RetentionReport } from './retention/retention-run.service.js';

type People = Map<string, { code: string; status: string }>;

export function presentPolicy(row: RetentionPoliciesTable, holds: readonly LegalHoldsTable[]) {
  const allowed = ['edit', row.mode === 'paused' ? 'resume' : 'pause'];
  if (row.mode !== 'active') allowed.push('activate');
  return {
    id: row.id,
    recordType: row.record_type,
    recordStatus: row.record_status,
    keepDays: Number(row.keep_days),
    effectiveKeepDays: effectiveKeepDays(row, holds),
    action: row.action,
    mode: row.mode,
    note: row.note,
    version: Number(row.version),
    updatedAt: row.updated_at,
    allowed,
  };
}

export function presentHold(row: LegalHoldsTable) {
  return {
    id: row.id,
    recordType: row.record_type,
    recordId: row.record_id,
    minKeepDays: row.min_keep_days === null ? null : Number(row.min_keep_days),
    reason: row.reason,
    heldUntil: row.held_until,
    placedBy: row.placed_by,
    placedAt: row.placed_at,
  };
}

export function presentRun(row: RetentionRunsTable): RetentionReport {
  const stored = row.report ? (JSON.parse(row.report) as RetentionReport) : null;
  return {
    id: row.id,
    dryRun: Number(row.dry_run) === 1,
    trigger: row.trigger,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    policies: stored?.policies ?? [],
  };
}

function personOf(people: People, personId: string) {
  const person = people.get(personId);
  return {
    personCode: person && person.status !== 'erased' ? person.code : null,
    personStatus: person?.status ?? 'erased',
  };
}

export function presentErasure(
  row: ErasureRequestsTable,
  notes: { note: string | null; decisionNote: string | null } | undefined,
  people: People,
  actor: Actor,
) {
  return {
    id: row.id,
    personId: row.person_id,
    ...personOf(people, row.person_id),
    ground: row.ground,
    note: notes?.note ?? null,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    dueOn: row.due_on,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    refusalGround: row.refusal_ground,
    decisionNote: notes?.decisionNote ?? null,
    summary: row.summary ? (JSON.parse(row.summary) as Record<string, unknown>) : null,
    allowed: allowedRequestActions(actor, row, 'erasure'),
  };
}

export function presentAccess(row: AccessRequestsTable, people: People, actor: Actor) {
  const person = personOf(people, row.person_id);
  return {
    id: row.id,
    personId: row.person_id,
    ...person,
    language: row.language,
    templateLanguage: templateFor(row.language).language,
    verification: row.verification,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    dueOn: row.due_on,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    refusalReason: row.refusal_reason,
    exportCount: Number(row.export_count),
    lastExportedAt: row.last_exported_at,
    allowed: person.personStatus === 'erased' ? [] : allowedRequestActions(actor, row, 'access'),
  };
}
