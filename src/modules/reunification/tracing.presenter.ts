import type { KeyRing } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { Actor } from '../access/actor.js';
import { openIdentities } from '../registry/people-read.js';
import type { Identity } from '../registry/person-identity.js';
import type { PeopleTable } from '../registry/registry.tables.js';
import { tracingActions } from './reunification.policy.js';
import type { FamilyLinksTable, TracingRequestsTable } from './reunification.tables.js';
import { aad, openPeopleKeys, openRequestKeys, unseal } from './reunification-crypto.js';
import { countMatchesByStatus } from './tracing.repository.js';
import type { SoughtProfile } from './tracing-matching.js';

/** The sealed part of a request about the sought person. */
export interface SoughtSecret {
  givenName: string | null;
  familyName: string | null;
  fathersName: string | null;
  originalScriptName: string | null;
  otherNames: string[];
  placeOfSeparation: string | null;
  notes: string | null;
}

/** A relative's (or outside enquirer's) names and whereabouts, sealed wherever stored. */
export interface RelativeSecret {
  givenName: string | null;
  familyName: string | null;
  fathersName: string | null;
  originalScriptName: string | null;
  city: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

export const EMPTY_RELATIVE: RelativeSecret = {
  givenName: null,
  familyName: null,
  fathersName: null,
  originalScriptName: null,
  city: null,
  address: null,
  phone: null,
  email: null,
  notes: null,
};

export function relativeSecretOf(
  input: Partial<Record<keyof RelativeSecret, string | undefined>>,
): RelativeSecret {
  return Object.fromEntries(
    (Object.keys(EMPTY_RELATIVE) as Array<keyof RelativeSecret>).map((k) => [k, input[k] ?? null]),
  ) as unknown as RelativeSecret;
}

export function soughtProfileOf(row: TracingRequestsTable, secret: SoughtSecret): SoughtProfile {
  return {
    givenName: secret.givenName,
    familyName: secret.familyName,
    fathersName: secret.fathersName,
    originalScriptName: secret.originalScriptName,
    otherNames: secret.otherNames,
    sex: row.sought_sex,
    birthYear: row.sought_birth_year,
    ageEstimated: row.sought_age_estimated === 1,
    nationality: row.sought_nationality,
  };
}

type Named = Pick<RelativeSecret, 'familyName' | 'fathersName' | 'originalScriptName'> & {
  givenName: string | null;
};

export function personNames(identity: Named | Identity | null | undefined) {
  return {
    givenName: identity?.givenName ?? null,
    familyName: identity?.familyName ?? null,
    fathersName: identity?.fathersName ?? null,
    originalScriptName: identity?.originalScriptName ?? null,
  };
}

/** Requests as they leave the server: decrypted with each request's key, whitelisted field by field. */
export async function presentTracingRequests(
  db: Executor,
  keys: KeyRing,
  actor: Actor,
  rows: readonly TracingRequestsTable[],
) {
  const ids = rows.map((r) => r.id);
  const requestKeys = await openRequestKeys(db, keys, ids);
  const counts = await countMatchesByStatus(db, ids);
  const enquirerIds = rows.flatMap((r) => (r.enquirer_person_id ? [r.enquirer_person_id] : []));
  const enquirers = enquirerIds.length
    ? await db.selectFrom('people').selectAll().where('id', 'in', enquirerIds).execute()
    : [];
  const identities = await openIdentities(db, keys, enquirers);
  const codes = new Map(enquirers.map((p: PeopleTable) => [p.id, p.code]));
  return rows.map((row) => {
    const key = requestKeys.get(row.id);
    const sought = unseal<SoughtSecret>(key, aad.sought(row.id), row.sought);
    const outside = unseal<RelativeSecret>(key, aad.enquirer(row.id), row.enquirer) ?? EMPTY_RELATIVE;
    const registered = row.enquirer_person_id;
    return {
      id: row.id,
      status: row.status,
      relationship: row.relationship,
      enquirer: {
        kind: registered ? ('registered' as const) : ('outside' as const),
        personId: registered,
        code: registered ? (codes.get(registered) ?? null) : null,
        ...(registered ? personNames(identities.get(registered)) : personNames(outside)),
        city: outside.city,
        address: outside.address,
        phone: outside.phone,
        email: outside.email,
        country: row.enquirer_country,
        legalStatus: row.enquirer_legal_status,
      },
      sought: {
        givenName: sought?.givenName ?? null,
        familyName: sought?.familyName ?? null,
        fathersName: sought?.fathersName ?? null,
        originalScriptName: sought?.originalScriptName ?? null,
        otherNames: sought?.otherNames ?? [],
        sex: row.sought_sex,
        birthYear: row.sought_birth_year,
        ageEstimated: row.sought_age_estimated === 1,
        nationality: row.sought_nationality,
        placeOfSeparation: sought?.placeOfSeparation ?? null,
        separatedOn: row.separated_on,
        notes: sought?.notes ?? null,
      },
      matches: counts.get(row.id) ?? { proposed: 0, confirmed: 0, rejected: 0 },
      createdAt: row.created_at,
      closedAt: row.closed_at,
      allowed: tracingActions(actor, row.status),
    };
  });
}

/** Family links as they leave the server, the relative's details decrypted with the person's key. */
export async function presentFamilyLinks(db: Executor, keys: KeyRing, links: readonly FamilyLinksTable[]) {
  const personKeys = await openPeopleKeys(
    db,
    keys,
    links.map((l) => l.person_id),
  );
  const relativeIds = links.flatMap((l) => (l.relative_person_id ? [l.relative_person_id] : []));
  const relatives = relativeIds.length
    ? await db.selectFrom('people').selectAll().where('id', 'in', relativeIds).execute()
    : [];
  const relativeIdentities = await openIdentities(db, keys, relatives);
  const codes = new Map(relatives.map((p) => [p.id, p.code]));
  return links.map((link) => {
    const secret =
      unseal<RelativeSecret>(personKeys.get(link.person_id), aad.familyLink(link.id), link.details) ??
      EMPTY_RELATIVE;
    const registered = link.relative_person_id ? relativeIdentities.get(link.relative_person_id) : null;
    return {
      id: link.id,
      personId: link.person_id,
      relativePersonId: link.relative_person_id,
      relativeCode: link.relative_person_id ? (codes.get(link.relative_person_id) ?? null) : null,
      kinship: link.kinship,
      country: link.country,
      legalStatus: link.legal_status,
      ...(registered ? personNames(registered) : personNames(secret)),
      city: secret.city,
      address: secret.address,
      phone: secret.phone,
      email: secret.email,
      notes: secret.notes,
      tracingRequestId: link.tracing_request_id,
      createdAt: link.created_at,
    };
  });
}
