import type { Executor } from '../../../db/engine.js';
import type { ServiceContext } from '../../../server/context.js';
import { openIdentities } from '../../registry/people-read.js';
import type { Identity } from '../../registry/person-identity.js';
import { personKeyOf } from '../erasure/erasure.service.js';
import { findRecipients } from '../requests.repository.js';
import { findPolicies } from '../retention/retention.repository.js';
import {
  exportCases,
  exportCounselling,
  exportReception,
  exportReunification,
} from './subject-export-modules.js';

/*
 * Everything held about a person, as GDPR article 15 lists it: the data (15(3)), the purposes and
 * legal bases (15(1)(a), from their consents), the recipients — organisations their records were
 * shared with (15(1)(c), and article 19) — and who accessed the record, the retention periods
 * (15(1)(d)), and the source (15(1)(g)). Names of staff are not included; organisations are.
 */

const ACCESS_LOG_LIMIT = 500;

export interface SubjectExport {
  format: 'passerelle-subject-access/1';
  generatedAt: string;
  controller: string;
  language: string;
  person: {
    code: string;
    status: string;
    sex: string;
    birthYear: number | null;
    ageEstimated: boolean;
    nationality: string | null;
    languages: string[];
    site: string | null;
    registeredAt: string;
    identity: Identity | null;
  };
  households: Array<{ code: string; relationship: string; joinedAt: string; leftAt: string | null }>;
  specificNeeds: Array<{ code: string; notedAt: string; removedAt: string | null }>;
  consents: Array<{ purpose: string; basis: string; recordedAt: string; withdrawnAt: string | null }>;
  cases: Awaited<ReturnType<typeof exportCases>>;
  counselling: Awaited<ReturnType<typeof exportCounselling>>;
  reception: Awaited<ReturnType<typeof exportReception>>;
  reunification: Awaited<ReturnType<typeof exportReunification>>;
  recipients: Array<{
    organisation: string;
    recordType: string;
    grantedBy: string;
    grantedAt: string;
    revokedAt: string | null;
  }>;
  accesses: Array<{ at: string; organisation: string | null; action: string; purpose: string | null }>;
  retention: Array<{ recordType: string; recordStatus: string; keepDays: number }>;
  source: string;
}

async function loadAccesses(db: Executor, personId: string) {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('organisations', 'organisations.id', 'audit_log.org_id')
    .select(['audit_log.at', 'organisations.name as organisation', 'audit_log.action', 'audit_log.purpose'])
    .where('audit_log.entity', '=', 'person')
    .where('audit_log.entity_id', '=', personId)
    .orderBy('audit_log.seq', 'desc')
    .limit(ACCESS_LOG_LIMIT)
    .execute();
  return rows.map((r) => ({ at: r.at, organisation: r.organisation, action: r.action, purpose: r.purpose }));
}

export async function buildSubjectExport(
  ctx: ServiceContext,
  db: Executor,
  personId: string,
  language: string,
): Promise<SubjectExport> {
  const person = await db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  const [identities, org, site, households, needs, consents, recipients, accesses, policies] =
    await Promise.all([
      openIdentities(db, ctx.keys, [person]),
      db.selectFrom('organisations').select('name').where('id', '=', person.org_id).executeTakeFirst(),
      person.site_id
        ? db.selectFrom('sites').select('name').where('id', '=', person.site_id).executeTakeFirst()
        : undefined,
      db
        .selectFrom('household_members')
        .innerJoin('households', 'households.id', 'household_members.household_id')
        .select([
          'households.code',
          'household_members.relationship',
          'household_members.joined_at',
          'household_members.left_at',
        ])
        .where('household_members.person_id', '=', personId)
        .orderBy('household_members.joined_at')
        .execute(),
      db
        .selectFrom('specific_needs')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('noted_at')
        .execute(),
      db
        .selectFrom('consents')
        .selectAll()
        .where('person_id', '=', personId)
        .orderBy('recorded_at')
        .execute(),
      findRecipients(db, personId),
      loadAccesses(db, personId),
      findPolicies(db, person.org_id),
    ]);
  const personKey = await personKeyOf(ctx, db, personId);
  return {
    format: 'passerelle-subject-access/1',
    generatedAt: ctx.now().toISOString(),
    controller: org?.name ?? '',
    language,
    person: {
      code: person.code,
      status: person.status,
      sex: person.sex,
      birthYear: person.birth_year,
      ageEstimated: Boolean(person.age_estimated),
      nationality: person.nationality,
      languages: JSON.parse(person.languages) as string[],
      site: site?.name ?? null,
      registeredAt: person.created_at,
      identity: identities.get(personId) ?? null,
    },
    households: households.map((h) => ({
      code: h.code,
      relationship: h.relationship,
      joinedAt: h.joined_at,
      leftAt: h.left_at,
    })),
    specificNeeds: needs.map((n) => ({ code: n.code, notedAt: n.noted_at, removedAt: n.removed_at })),
    consents: consents.map((c) => ({
      purpose: c.purpose,
      basis: c.basis,
      recordedAt: c.recorded_at,
      withdrawnAt: c.withdrawn_at,
    })),
    cases: await exportCases(db, ctx, personId),
    counselling: await exportCounselling(db, ctx, personId),
    reception: await exportReception(db, personId),
    reunification: await exportReunification(db, ctx, personId, personKey),
    recipients: recipients.map((r) => ({
      organisation: r.organisation,
      recordType: r.recordType,
      grantedBy: r.grantedBy,
      grantedAt: r.grantedAt,
      revokedAt: r.revokedAt,
    })),
    accesses,
    retention: policies
      .filter((p) => p.mode !== 'paused')
      .map((p) => ({
        recordType: p.record_type,
        recordStatus: p.record_status,
        keepDays: Number(p.keep_days),
      })),
    source: 'registration',
  };
}
