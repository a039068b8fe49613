import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import type { LocalDate } from './calendar.js';
import { legalToday } from './case-clocks.js';
import { syncCaseAlerts } from './deadline-alerts.service.js';
import { checklistFor } from './evidence.js';
import { type LinkFacts, linkFactsOf, writeFamilyLink } from './family-links.service.js';
import { ageRangeOn, legalBasisProblems } from './legal-basis.js';
import type { Kinship, LegalStatus, Stage } from './reunification.enums.js';
import { presentCaseDetail } from './reunification.presenter.js';
import {
  findActiveCaseOfPerson,
  insertCase,
  insertCaseRelatives,
  insertEvent,
  insertEvidence,
} from './reunification.repository.js';
import type { CreateReunificationCaseInput } from './reunification.schema.js';
import type { ReunificationCasesTable } from './reunification.tables.js';
import { aad, requirePersonKey, seal } from './reunification-crypto.js';
import { ruleSetFor } from './rule-sets.js';
import { findFamilyLinksByIds, findTracingRequestInScope } from './tracing.repository.js';

export type CaseDetail = Awaited<ReturnType<typeof presentCaseDetail>>;

/** Appends a timeline event; its free-text note is sealed with the applicant's key. */
export async function recordCaseEvent(
  trx: Executor,
  ctx: ServiceContext,
  row: ReunificationCasesTable,
  event: {
    kind: 'opened' | 'transition' | 'dates' | 'evidence';
    from?: Stage;
    to?: Stage;
    on: LocalDate;
    summary: object;
    note?: string;
  },
) {
  const id = timeOrderedId(ctx.now().getTime());
  const note = event.note
    ? seal(await requirePersonKey(trx, ctx.keys, row.person_id), aad.eventNote(row.id, id), event.note)
    : null;
  await insertEvent(trx, {
    id,
    case_id: row.id,
    org_id: row.org_id,
    kind: event.kind,
    from_stage: event.from ?? null,
    to_stage: event.to ?? null,
    summary: JSON.stringify(event.summary),
    note,
    occurred_on: event.on,
    created_by: ctx.actor.userId,
    created_at: ctx.now().toISOString(),
  });
}

function invalid(details: Array<{ field: string; message: string }>): AppError {
  const first = details[0]!;
  return new AppError('validation_failed', `${first.field}: ${first.message}`, details);
}

/** The relatives named in the request: existing links of this person, or new ones to write. */
async function resolveRelatives(trx: Executor, ctx: ServiceContext, input: CreateReunificationCaseInput) {
  const existingIds: string[] = [];
  const fresh: LinkFacts[] = [];
  const facts: Array<{ country: string; legalStatus: LegalStatus; kinship: Kinship }> = [];
  for (const [i, relative] of input.relatives.entries()) {
    if ('familyLinkId' in relative) {
      const [link] = await findFamilyLinksByIds(trx, [relative.familyLinkId]);
      if (!link || link.person_id !== input.personId)
        throw AppError.validation(`relatives.${i}.familyLinkId`, 'is not a family link of this person');
      existingIds.push(link.id);
      // A relative registered here is in France; one without a country cannot found a Dublin basis.
      facts.push({
        country: link.country ?? (link.relative_person_id ? 'FRA' : ''),
        legalStatus: link.legal_status ?? 'other',
        kinship: link.kinship,
      });
    } else {
      const linkFacts = await linkFactsOf(trx, ctx, input.personId, relative, `relatives.${i}`);
      fresh.push(linkFacts);
      facts.push({ country: relative.country, legalStatus: relative.legalStatus, kinship: relative.kinship });
    }
  }
  return { existingIds, fresh, facts };
}

/**
 * Opens a reunification case in one transaction: the rule set of its application date, the
 * relatives (new ones written as family links), the evidence checklist of its legal basis, the
 * first timeline event, the alerts of its first clocks and the audit entry. A legal basis that
 * cannot fit the applicant or the relatives is refused, naming the field, before anything is written.
 */
export async function createReunificationCase(
  ctx: ServiceContext,
  input: CreateReunificationCaseInput,
  options: { isDemo?: boolean } = {},
): Promise<CaseDetail> {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can open reunification cases.');
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, ctx.actor, input.personId);
    if (person?.status !== 'active') throw AppError.validation('personId', 'no such person');
    const today = legalToday(ctx.now);
    const lodgedOn = input.applicationLodgedOn;
    if (lodgedOn > today) throw AppError.validation('applicationLodgedOn', 'must not be in the future');
    const ruleSet = ruleSetFor(input.legalBasis, lodgedOn);
    if (!ruleSet)
      throw AppError.validation(
        'applicationLodgedOn',
        'Dublin III applies to applications lodged from 1 January 2014',
      );
    if (input.tracingRequestId && !(await findTracingRequestInScope(trx, ctx.actor, input.tracingRequestId)))
      throw AppError.validation('tracingRequestId', 'no such tracing request');
    const active = await findActiveCaseOfPerson(trx, person.id, orgId);
    if (active)
      throw new AppError('conflict', 'personId: this person already has an active reunification case', [
        { field: 'personId', message: 'already has an active reunification case', code: active.id },
      ]);
    const relatives = await resolveRelatives(trx, ctx, input);
    const identity = (await openIdentities(trx, ctx.keys, [person])).get(person.id);
    const age = ageRangeOn(lodgedOn, { date: identity?.birthDate, year: person.birth_year });
    const problems = legalBasisProblems({
      basis: input.legalBasis,
      lodgedOn,
      ageAtLodging: age,
      relatives: relatives.facts,
    });
    if (problems.length > 0)
      throw invalid(problems.map((p) => ({ field: p.field ?? 'legalBasis', message: p.message })));

    const now = ctx.now();
    const nowIso = now.toISOString();
    const row: ReunificationCasesTable = {
      id: timeOrderedId(now.getTime()),
      org_id: orgId,
      person_id: person.id,
      legal_basis: input.legalBasis,
      rule_set: ruleSet.id,
      stage: 'intake',
      // When the age is uncertain, treat the applicant as a child: a best-interests assessment is asked for.
      applicant_child: age !== null && age.min < 18 ? 1 : 0,
      assigned_user_id: ctx.actor.userId,
      tracing_request_id: input.tracingRequestId ?? null,
      application_lodged_on: lodgedOn,
      eurodac_hit_on: input.eurodacHitOn ?? null,
      request_sent_on: null,
      request_urgent: 0,
      reply_on: null,
      accepted_on: null,
      deemed_acceptance: 0,
      rejected_on: null,
      re_examination_requested_on: null,
      re_examination_reply_on: null,
      appeal_decided_on: null,
      transfer_extension: 'none',
      transfer_planned_on: null,
      transferred_on: null,
      closed_on: null,
      stage_changed_at: nowIso,
      created_by: ctx.actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
      version: 1,
      is_demo: options.isDemo ? 1 : 0,
    };
    await insertCase(trx, row);
    const written = [];
    for (const facts of relatives.fresh) written.push((await writeFamilyLink(trx, ctx, facts)).id);
    await insertCaseRelatives(trx, row.id, [...relatives.existingIds, ...written]);
    await insertEvidence(
      trx,
      row.id,
      checklistFor(row.legal_basis, row.applicant_child === 1),
      ctx.actor.userId,
      nowIso,
    );
    await recordCaseEvent(trx, ctx, row, {
      kind: 'opened',
      to: 'intake',
      on: today,
      summary: { legalBasis: row.legal_basis, ruleSet: row.rule_set, applicationLodgedOn: lodgedOn },
    });
    await syncCaseAlerts(trx, ctx, row);
    await recordAudit(trx, ctx, {
      action: 'reunification_case.create',
      entity: 'reunification_case',
      entityId: row.id,
      details: {
        personId: person.id,
        legalBasis: row.legal_basis,
        ruleSet: row.rule_set,
        familyLinkIds: [...relatives.existingIds, ...written],
      },
    });
    return presentCaseDetail(trx, ctx.keys, ctx.actor, row, today);
  });
}
