import type { Actor } from '../access/actor.js';
import { openText, pathwayAad } from './pathway-crypto.js';
import { PathwayPermissions } from './pathways.policy.js';
import type {
  PathwaysTable,
  ProcedureDocumentsTable,
  ProcedureEventsTable,
  ProceduresTable,
} from './pathways.tables.js';
import { daysToExpiry, deadlinesOf } from './procedure-alerts.js';
import { nextStages } from './procedures.workflow.js';

export function presentPathway(row: PathwaysTable, key: Buffer | undefined) {
  return {
    id: row.id,
    personId: row.person_id,
    route: row.route,
    since: row.started_on,
    until: row.ended_on,
    current: row.is_current === 1,
    counsellingSessionId: row.counselling_session_id,
    reunificationCaseId: row.reunification_case_id,
    notes: openText(key, pathwayAad.pathwayNotes(row.id), row.notes),
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

/** A procedure with its events, documents, computed time limits and the steps open next. */
export function presentProcedure(
  row: ProceduresTable,
  events: readonly ProcedureEventsTable[],
  documents: readonly ProcedureDocumentsTable[],
  key: Buffer | undefined,
  actor: Actor,
  now: Date,
) {
  const own = events.filter((e) => e.procedure_id === row.id);
  const canWrite = actor.permissions.has(PathwayPermissions['pathways.write']) && row.status === 'open';
  return {
    id: row.id,
    personId: row.person_id,
    pathwayId: row.pathway_id,
    kind: row.kind,
    procedureType: row.procedure_type,
    country: row.country,
    destinationCountry: row.destination_country,
    status: row.status,
    outcome: row.outcome,
    followedBy: row.followed_by,
    version: row.version,
    createdAt: row.created_at,
    events: own.map((e) => ({
      id: e.id,
      stage: e.stage,
      occurredOn: e.occurred_on,
      occurredAt: e.occurred_at,
      result: e.result,
      custody: e.custody,
      counsellingSessionId: e.counselling_session_id,
      notes: openText(key, pathwayAad.eventNotes(e.id), e.notes),
      createdBy: e.created_by,
      createdAt: e.created_at,
    })),
    documents: documents
      .filter((d) => d.procedure_id === row.id)
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        issuedOn: d.issued_on,
        expiresOn: d.expires_on,
        replacedBy: d.replaced_by,
        number: openText(key, pathwayAad.documentNumber(d.id), d.number),
        daysToExpiry: d.replaced_by ? null : daysToExpiry(d.expires_on, row.country, now),
      })),
    deadlines: deadlinesOf(row, own, now).map(({ startEventId: _s, noticeDays: _n, ...d }) => ({
      ...d,
      met: d.metOn !== null,
    })),
    nextStages:
      row.status === 'open'
        ? nextStages(
            row.procedure_type,
            own.map((e) => ({ stage: e.stage, occurredOn: e.occurred_on, result: e.result })),
          )
        : [],
    allowed: canWrite ? ['recordStage', 'addDocument'] : [],
  };
}
