import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { type DesiredAlert, reconcileAlerts } from '../alerts/alerts.service.js';
import { findDocuments, findEvents } from './pathways.repository.js';
import type { ProcedureDocumentsTable, ProcedureEventsTable, ProceduresTable } from './pathways.tables.js';
import { type ComputedDeadline, computeDeadlines } from './rules/deadlines.js';
import { addDays, daysBetween, endOfLocalDay, localDateOf, startOfLocalDay } from './rules/legal-calendar.js';
import { currentRuleSet } from './rules/rule-sets.js';
import type { Custody } from './rules/rule-types.js';

/** A document (the asylum-seeker certificate above all) is flagged this many days before it expires. */
export const DOCUMENT_RENEWAL_NOTICE_DAYS = 14;
const FALLBACK_ZONE = 'Europe/Paris';

export function zoneOf(country: string, today: Date): string {
  return currentRuleSet(country, localDateOf(today, FALLBACK_ZONE))?.timeZone ?? FALLBACK_ZONE;
}

export function deadlinesOf(
  procedure: ProceduresTable,
  events: readonly ProcedureEventsTable[],
  now: Date,
): ComputedDeadline[] {
  if (procedure.kind !== 'asylum' || procedure.procedure_type === 'return') return [];
  return computeDeadlines(
    {
      country: procedure.country,
      procedureType: procedure.procedure_type,
      events: events.map((e) => ({
        id: e.id,
        stage: e.stage,
        occurredOn: e.occurred_on,
        occurredAt: e.occurred_at,
        result: e.result,
        custody: e.custody as Custody | null,
      })),
    },
    now,
  );
}

/**
 * The alerts a procedure should have open: every statutory limit not yet met while it is open
 * (raised at once, escalated to supervisors the moment it passes), and every current document
 * with an expiry, shown two weeks before. Each limit's alert is tied to the event that started its
 * clock, so a new decision raises a new alert rather than moving an old one.
 */
export function desiredProcedureAlerts(
  procedure: ProceduresTable,
  events: readonly ProcedureEventsTable[],
  documents: readonly ProcedureDocumentsTable[],
  now: Date,
): DesiredAlert[] {
  if (procedure.status !== 'open') return [];
  const assignee = procedure.followed_by
    ? { assignedUserId: procedure.followed_by, assignedRole: null }
    : { assignedUserId: null, assignedRole: 'caseworker' as const };
  const base = { orgId: procedure.org_id, personId: procedure.person_id, ...assignee };
  const desired: DesiredAlert[] = deadlinesOf(procedure, events, now)
    .filter((d) => d.metOn === null)
    .map((d) => ({
      ...base,
      rule: d.rule,
      subjectId: d.startEventId,
      severity: 'urgent' as const,
      dueAt: d.dueAt,
      escalateAt: d.dueAt,
      visibleFrom:
        d.noticeDays === null
          ? null
          : startOfLocalDay(addDays(d.dueOn, -d.noticeDays), zoneOf(procedure.country, now)).toISOString(),
      details: { procedureType: procedure.procedure_type, legalSource: d.legalSource, dueOn: d.dueOn },
    }));
  const zone = zoneOf(procedure.country, now);
  for (const doc of documents) {
    if (doc.expires_on === null || doc.replaced_by !== null) continue;
    desired.push({
      ...base,
      rule: 'pathways.document_renewal_due',
      subjectId: doc.id,
      severity: 'warning',
      dueAt: endOfLocalDay(doc.expires_on, zone).toISOString(),
      escalateAt: null,
      visibleFrom: startOfLocalDay(
        addDays(doc.expires_on, -DOCUMENT_RENEWAL_NOTICE_DAYS),
        zone,
      ).toISOString(),
      details: { documentKind: doc.kind, expiresOn: doc.expires_on },
    });
  }
  return desired;
}

/** Brings a procedure's alerts in line with its events and documents, in the caller's transaction. */
export async function syncProcedureAlerts(
  trx: Executor,
  ctx: Pick<ServiceContext, 'now' | 'actor'>,
  procedure: ProceduresTable,
) {
  const [events, documents] = await Promise.all([
    findEvents(trx, [procedure.id]),
    findDocuments(trx, [procedure.id]),
  ]);
  return reconcileAlerts(
    trx,
    ctx,
    { entity: 'procedure', entityId: procedure.id, managedBy: 'pathways' },
    desiredProcedureAlerts(procedure, events, documents, ctx.now()),
  );
}

export function daysToExpiry(expiresOn: string | null, country: string, now: Date): number | null {
  if (expiresOn === null) return null;
  return daysBetween(localDateOf(now, zoneOf(country, now)), expiresOn);
}
