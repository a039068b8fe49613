import { decryptField, decryptJson, unwrapDataKey } from '../../../crypto/index.js';
import type { Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { caseAad, openCaseKeys } from '../../cases/case-crypto.js';
import { notesAad } from '../../information/counselling.service.js';
import { openRequestKeys, aad as reunificationAad } from '../../reunification/reunification-crypto.js';

/*
 * What the other modules hold about a person, read-only, for an access request. Free text is
 * decrypted with the keys that protect it (case keys, session keys, request keys, the person's
 * own); whatever was shredded reads as null.
 */

function open<T>(key: Buffer | null | undefined, sealed: string | null, aad: string): T | null {
  return key && sealed ? decryptJson<T>(key, sealed, aad) : null;
}

export async function exportCases(db: Executor, ctx: ServiceContext, personId: string) {
  const cases = await db
    .selectFrom('cases')
    .select([
      'id',
      'org_id',
      'type',
      'risk',
      'status',
      'opened_at',
      'closed_at',
      'closure_reason',
      'risk_reason',
    ])
    .where('person_id', '=', personId)
    .orderBy('opened_at')
    .execute();
  if (cases.length === 0) return [];
  const keys = await openCaseKeys(
    db,
    ctx.keys,
    cases.map((c) => c.id),
  );
  const events = await db
    .selectFrom('case_events')
    .select(['id', 'case_id', 'kind', 'summary', 'body', 'occurred_at'])
    .where(
      'case_id',
      'in',
      cases.map((c) => c.id),
    )
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
  return cases.map((c) => {
    const key = keys.get(c.id);
    return {
      id: c.id,
      type: c.type,
      risk: c.risk,
      status: c.status,
      openedAt: c.opened_at,
      closedAt: c.closed_at,
      closureReason: c.closure_reason,
      riskReason: open<unknown>(key, c.risk_reason, caseAad.riskReason(c.id)),
      events: events
        .filter((e) => e.case_id === c.id)
        .map((e) => ({
          kind: e.kind,
          occurredAt: e.occurred_at,
          facts: JSON.parse(e.summary) as unknown,
          text: open<unknown>(key, e.body, caseAad.event(c.id, e.id)),
        })),
    };
  });
}

export async function exportCounselling(db: Executor, ctx: ServiceContext, personId: string) {
  const sessions = await db
    .selectFrom('counselling_sessions')
    .select([
      'id',
      'held_on',
      'language',
      'topics',
      'options_discussed',
      'stated_intention',
      'notes',
      'wrapped_key',
    ])
    .where('person_id', '=', personId)
    .orderBy('held_on')
    .execute();
  return sessions.map((s) => ({
    heldOn: s.held_on,
    language: s.language,
    topics: JSON.parse(s.topics) as string[],
    optionsDiscussed: JSON.parse(s.options_discussed) as string[],
    statedIntention: s.stated_intention,
    notes: s.notes
      ? decryptField(unwrapDataKey(ctx.keys, s.wrapped_key, s.id), s.notes, notesAad(s.id))
      : null,
  }));
}

export async function exportReception(db: Executor, personId: string) {
  const stays = await db
    .selectFrom('stays')
    .leftJoin('sites', 'sites.id', 'stays.site_id')
    .select([
      'sites.name as site',
      'stays.category',
      'stays.admitted_at',
      'stays.discharged_at',
      'stays.discharge_reason',
    ])
    .where('stays.person_id', '=', personId)
    .orderBy('stays.admitted_at')
    .execute();
  const relocations = await db
    .selectFrom('relocation_people')
    .innerJoin('relocations', 'relocations.id', 'relocation_people.relocation_id')
    .leftJoin('sites', 'sites.id', 'relocations.to_site_id')
    .select([
      'sites.name as toSite',
      'relocations.status',
      'relocations.created_at',
      'relocations.updated_at',
    ])
    .where('relocation_people.person_id', '=', personId)
    .orderBy('relocations.created_at')
    .execute();
  return {
    stays: stays.map((s) => ({
      site: s.site,
      category: s.category,
      admittedAt: s.admitted_at,
      dischargedAt: s.discharged_at,
      dischargeReason: s.discharge_reason,
    })),
    relocations: relocations.map((r) => ({
      toSite: r.toSite,
      status: r.status,
      proposedAt: r.created_at,
      updatedAt: r.updated_at,
    })),
  };
}

export async function exportReunification(
  db: Executor,
  ctx: ServiceContext,
  personId: string,
  personKey: Buffer | null,
) {
  const requests = await db
    .selectFrom('tracing_requests')
    .select(['id', 'status', 'relationship', 'created_at', 'closed_at', 'sought'])
    .where('enquirer_person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  const requestKeys = await openRequestKeys(
    db,
    ctx.keys,
    requests.map((r) => r.id),
  );
  const links = await db
    .selectFrom('family_links')
    .select(['id', 'kinship', 'country', 'legal_status', 'details', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  const cases = await db
    .selectFrom('reunification_cases')
    .select(['legal_basis', 'stage', 'application_lodged_on', 'accepted_on'])
    .where('person_id', '=', personId)
    .execute();
  return {
    tracingRequests: requests.map((r) => ({
      status: r.status,
      relationship: r.relationship,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      sought: open<unknown>(requestKeys.get(r.id), r.sought, reunificationAad.sought(r.id)),
    })),
    familyLinks: links.map((l) => ({
      kinship: l.kinship,
      country: l.country,
      legalStatus: l.legal_status,
      recordedAt: l.created_at,
      details: open<unknown>(personKey, l.details, reunificationAad.familyLink(l.id)),
    })),
    reunificationCases: cases.map((c) => ({
      legalBasis: c.legal_basis,
      stage: c.stage,
      applicationLodgedOn: c.application_lodged_on,
      acceptedOn: c.accepted_on,
    })),
  };
}
