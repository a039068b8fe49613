import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { resolveAlertsFor } from '../alerts/alerts.repository.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import {
  findPeopleInScopeByIds,
  findPersonInScope,
  hasCurrentConsent,
} from '../registry/registry.repository.js';
import { writeFamilyLink } from './family-links.service.js';
import { INVERSE_KINSHIP } from './reunification.enums.js';
import type { TracingMatchesTable, TracingRequestsTable } from './reunification.tables.js';
import { aad, requireRequestKey, seal, unseal } from './reunification-crypto.js';
import { personNames, type RelativeSecret, type SoughtSecret, soughtProfileOf } from './tracing.presenter.js';
import {
  findFamilyLinkOfMatch,
  findMatchById,
  findMatchesOfRequest,
  findTracingRequestInScope,
  updateMatchRow,
  updateTracingRequestRow,
  upsertProposedMatch,
} from './tracing.repository.js';
import { findTracingCandidates, type ScoredCandidate, withTracingConsent } from './tracing-matching.js';

export const MATCH_ALERT_RULE = 'reunification.tracing_match';

export function matchRow(
  request: Pick<TracingRequestsTable, 'id' | 'org_id'>,
  candidate: ScoredCandidate,
  source: 'search' | 'registration',
  nowIso: string,
): TracingMatchesTable {
  return {
    id: timeOrderedId(Date.parse(nowIso)),
    request_id: request.id,
    person_id: candidate.row.id,
    org_id: request.org_id,
    score: candidate.probability,
    band: candidate.band,
    explanation: JSON.stringify(candidate.explanation),
    status: 'proposed',
    source,
    decision_note: null,
    decided_by: null,
    decided_at: null,
    created_at: nowIso,
    updated_at: nowIso,
  };
}

async function requestInScope(trx: Executor, ctx: ServiceContext, id: string) {
  const row = await findTracingRequestInScope(trx, ctx.actor, id);
  if (!row) throw AppError.notFound('tracing request');
  return row;
}

/**
 * Runs the matching engine for an open request against the people the actor can see who
 * consented to tracing, records new candidates, and lists every candidate with what each field
 * contributed. Candidates who have since withdrawn their consent disappear unless confirmed.
 */
export async function listMatches(ctx: ServiceContext, requestId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const request = await requestInScope(trx, ctx, requestId);
    const key = await requireRequestKey(trx, ctx.keys, request.id);
    const nowIso = ctx.now().toISOString();
    if (request.status !== 'closed') {
      const secret = unseal<SoughtSecret>(key, aad.sought(request.id), request.sought)!;
      const exclude = request.enquirer_person_id ? [request.enquirer_person_id] : [];
      const candidates = await findTracingCandidates(
        trx,
        ctx.keys,
        ctx.actor,
        soughtProfileOf(request, secret),
        exclude,
      );
      for (const candidate of candidates)
        await upsertProposedMatch(trx, matchRow(request, candidate, 'search', nowIso));
    }
    const stored = await findMatchesOfRequest(trx, request.id);
    const people = await findPeopleInScopeByIds(
      trx,
      ctx.actor,
      stored.map((m) => m.person_id),
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const consented = await withTracingConsent(trx, [...byId.keys()]);
    const shown = stored.filter(
      (m) => byId.has(m.person_id) && (consented.has(m.person_id) || m.status === 'confirmed'),
    );
    const identities = await openIdentities(trx, ctx.keys, [...byId.values()]);
    const links = await findFamilyLinkOfMatch(
      trx,
      request.id,
      shown.map((m) => m.person_id),
    );
    await recordAudit(trx, ctx, {
      action: 'tracing_request.matches_read',
      entity: 'tracing_request',
      entityId: request.id,
      details: { count: shown.length, personIds: shown.map((m) => m.person_id) },
    });
    return shown.map((m) => {
      const person = byId.get(m.person_id)!;
      const link = links.find((l) => l.person_id === m.person_id || l.relative_person_id === m.person_id);
      return {
        id: m.id,
        personId: m.person_id,
        code: person.code,
        score: m.score,
        band: m.band,
        status: m.status,
        source: m.source,
        explanation: JSON.parse(m.explanation) as Array<{ field: string; level: string; weight: number }>,
        person: {
          ...personNames(identities.get(m.person_id)),
          sex: person.sex,
          birthYear: person.birth_year,
          nationality: person.nationality,
          tracingConsent: consented.has(m.person_id),
        },
        decidedAt: m.decided_at,
        decisionNote: unseal<string>(key, aad.decisionNote(m.id), m.decision_note),
        familyLinkId: link?.id ?? null,
      };
    });
  });
}

/**
 * A confirmed match is a found relative: the request becomes `matched` and the relationship is
 * recorded as family links (on the matched person, with the outside enquirer's whereabouts; or
 * both ways between two registered people). The person must still consent to tracing.
 */
async function confirm(
  trx: Executor,
  ctx: ServiceContext,
  request: TracingRequestsTable,
  match: TracingMatchesTable,
  key: Buffer,
) {
  const person = await findPersonInScope(trx, ctx.actor, match.person_id);
  if (person?.status !== 'active')
    throw AppError.validation('personId', 'this person is no longer registered');
  if (!(await hasCurrentConsent(trx, person.id, 'tracing'))) {
    const message = 'this person has withdrawn their consent to tracing';
    throw new AppError('consent_required', `personId: ${message}`, [{ field: 'personId', message }]);
  }
  const base = { orgId: request.org_id, tracingRequestId: request.id };
  const linkIds: string[] = [];
  if (request.enquirer_person_id) {
    const there = { ...base, country: null, legalStatus: null, details: null };
    linkIds.push(
      (
        await writeFamilyLink(trx, ctx, {
          ...there,
          personId: request.enquirer_person_id,
          relativePersonId: person.id,
          kinship: request.relationship,
        })
      ).id,
      (
        await writeFamilyLink(trx, ctx, {
          ...there,
          personId: person.id,
          relativePersonId: request.enquirer_person_id,
          kinship: INVERSE_KINSHIP[request.relationship],
        })
      ).id,
    );
  } else {
    const enquirer = unseal<RelativeSecret>(key, aad.enquirer(request.id), request.enquirer);
    const link = await writeFamilyLink(trx, ctx, {
      ...base,
      personId: person.id,
      relativePersonId: null,
      kinship: INVERSE_KINSHIP[request.relationship],
      country: request.enquirer_country,
      legalStatus: request.enquirer_legal_status,
      details: enquirer,
    });
    linkIds.push(link.id);
  }
  if (request.status === 'open') {
    const changes = { status: 'matched' as const, updated_at: ctx.now().toISOString() };
    if (!(await updateTracingRequestRow(trx, request.id, request.version, changes)))
      throw new AppError('conflict', 'This request was changed by someone else; reload it.');
  }
  return linkIds;
}

export async function decideMatch(
  ctx: ServiceContext,
  requestId: string,
  matchId: string,
  input: { decision: 'confirmed' | 'rejected'; note?: string },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const request = await requestInScope(trx, ctx, requestId);
    const match = await findMatchById(trx, request.id, matchId);
    if (!match) throw AppError.notFound('match');
    if (request.status === 'closed')
      throw new AppError('invalid_state', 'This request is closed; reopen it first.');
    if (match.status !== 'proposed')
      throw new AppError('invalid_state', `decision: this candidate was already ${match.status}`, [
        { field: 'decision', message: `already ${match.status}` },
      ]);
    const key = await requireRequestKey(trx, ctx.keys, request.id);
    const linkIds = input.decision === 'confirmed' ? await confirm(trx, ctx, request, match, key) : [];
    const nowIso = ctx.now().toISOString();
    await updateMatchRow(trx, match.id, {
      status: input.decision,
      decision_note: input.note ? seal(key, aad.decisionNote(match.id), input.note) : null,
      decided_by: ctx.actor.userId,
      decided_at: nowIso,
      updated_at: nowIso,
    });
    await resolveAlertsFor(
      trx,
      'tracing_request',
      request.id,
      MATCH_ALERT_RULE,
      nowIso,
      ctx.actor.userId,
      match.person_id,
    );
    await recordAudit(trx, ctx, {
      action: `tracing_match.${input.decision === 'confirmed' ? 'confirm' : 'reject'}`,
      entity: 'tracing_request',
      entityId: request.id,
      details: { matchId: match.id, personId: match.person_id, familyLinkIds: linkIds },
    });
  });
  return listMatches(ctx, requestId);
}
