import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { openIdentities } from '../registry/people-read.js';
import type { LocalDate } from './calendar.js';
import { deadlinesOfCase } from './case-clocks.js';
import { nearestDeadline } from './deadlines.js';
import { EVIDENCE_ITEMS } from './evidence.js';
import { caseActions } from './reunification.policy.js';
import { findCaseRelatives, findEvents, findEvidence } from './reunification.repository.js';
import type { ReunificationCasesTable } from './reunification.tables.js';
import { aad, openPeopleKeys, unseal } from './reunification-crypto.js';
import { NEXT_STAGES } from './stages.js';
import { personNames, presentFamilyLinks } from './tracing.presenter.js';

/** Cases as lists show them: the person's names and code, relatives' countries, the nearest clock. */
export async function presentCaseSummaries(
  db: Executor,
  keys: KeyRing,
  rows: readonly ReunificationCasesTable[],
  today: LocalDate,
) {
  if (rows.length === 0) return [];
  const people = await db
    .selectFrom('people')
    .selectAll()
    .where(
      'id',
      'in',
      rows.map((r) => r.person_id),
    )
    .execute();
  const identities = await openIdentities(db, keys, people);
  const codes = new Map(people.map((p) => [p.id, p.code]));
  const relatives = await findCaseRelatives(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    person: { code: codes.get(row.person_id) ?? '', ...personNames(identities.get(row.person_id)) },
    legalBasis: row.legal_basis,
    ruleSet: row.rule_set,
    stage: row.stage,
    applicantChild: row.applicant_child === 1,
    applicationLodgedOn: row.application_lodged_on,
    relativeCountries: [
      ...new Set(relatives.filter((r) => r.case_id === row.id && r.country).map((r) => r.country as string)),
    ],
    nearestDeadline: nearestDeadline(deadlinesOfCase(row, today)),
    createdAt: row.created_at,
  }));
}

function datesOf(row: ReunificationCasesTable) {
  return {
    applicationLodgedOn: row.application_lodged_on,
    eurodacHitOn: row.eurodac_hit_on,
    requestSentOn: row.request_sent_on,
    requestUrgent: row.request_urgent === 1,
    replyOn: row.reply_on,
    acceptedOn: row.accepted_on,
    deemedAcceptance: row.deemed_acceptance === 1,
    rejectedOn: row.rejected_on,
    reExaminationRequestedOn: row.re_examination_requested_on,
    reExaminationReplyOn: row.re_examination_reply_on,
    appealDecidedOn: row.appeal_decided_on,
    transferExtension: row.transfer_extension,
    transferPlannedOn: row.transfer_planned_on,
    transferredOn: row.transferred_on,
    closedOn: row.closed_on,
  };
}

/** One case in full: dates, relatives (decrypted), evidence, timeline, every clock and what may be done. */
export async function presentCaseDetail(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  row: ReunificationCasesTable,
  today: LocalDate,
) {
  const [summary] = await presentCaseSummaries(db, keys, [row], today);
  const links = await findCaseRelatives(db, [row.id]);
  const events = await findEvents(db, row.id);
  const personKey = (await openPeopleKeys(db, keys, [row.person_id])).get(row.person_id);
  return {
    ...summary!,
    dates: datesOf(row),
    relatives: await presentFamilyLinks(db, keys, links),
    evidence: (await findEvidence(db, row.id))
      .sort((a, b) => EVIDENCE_ITEMS.indexOf(a.item) - EVIDENCE_ITEMS.indexOf(b.item))
      .map((e) => ({
        item: e.item,
        status: e.status,
        updatedAt: e.updated_at,
      })),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      fromStage: e.from_stage,
      toStage: e.to_stage,
      occurredOn: e.occurred_on,
      summary: JSON.parse(e.summary) as Record<string, unknown>,
      note: unseal<string>(personKey, aad.eventNote(row.id, e.id), e.note),
      createdAt: e.created_at,
    })),
    deadlines: deadlinesOfCase(row, today),
    tracingRequestId: row.tracing_request_id,
    nextStages: [...NEXT_STAGES[row.stage]],
    allowed: caseActions(actor, row.stage),
  };
}
