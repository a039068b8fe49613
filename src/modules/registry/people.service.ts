import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import { recordAudits } from '../audit/audit.service.js';
import { proposeCaseForNeeds } from '../cases/proposals.js';
import { notifyTracingMatches } from '../reunification/tracing-alerts.js';
import { findCurrentMembers, findHouseholdInScope } from './households.repository.js';
import { loadPersonViews } from './people-read.js';
import { type DuplicateCandidate, findPossibleDuplicates } from './people-search.js';
import { generatePersonCode } from './person-code.js';
import { type Identity, newPersonKey, sealIdentity } from './person-identity.js';
import { personIndexEntries } from './person-index.js';
import type { PersonView } from './registry.presenter.js';
import { ageOf } from './registry.presenter.js';
import { codeExists, insertRowsInChunks, siteExists } from './registry.repository.js';
import type { RegisterPersonInput } from './registry.schema.js';
import type {
  ConsentsTable,
  HouseholdMembersTable,
  PeopleTable,
  SpecificNeedsTable,
} from './registry.tables.js';
import { findNeed } from './specific-needs.js';

export async function uniqueCode(db: Executor): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const code = generatePersonCode();
    if (!(await codeExists(db, code))) return code;
  }
  throw new AppError('internal');
}

export function identityFrom(input: RegisterPersonInput): Identity {
  return {
    givenName: input.givenName,
    familyName: input.familyName ?? null,
    fathersName: input.fathersName ?? null,
    originalScriptName: input.originalScriptName ?? null,
    otherNames: input.otherNames ?? [],
    birthDate: input.birthDate ?? null,
    phone: input.phone ?? null,
    placeOfOrigin: input.placeOfOrigin ?? null,
    documents: input.documents ?? [],
    notes: input.notes ?? null,
  };
}

function birthYearOf(input: { birthDate?: string | null; birthYear?: number | null }): number | null {
  if (input.birthDate) return Number(input.birthDate.slice(0, 4));
  return input.birthYear ?? null;
}

export interface PreparedPerson {
  row: PeopleTable;
  wrappedKey: string;
  index: ReturnType<typeof personIndexEntries>;
  needs: SpecificNeedsTable[];
  consents: ConsentsTable[];
  membership: HouseholdMembersTable | null;
  childAlone: boolean;
}

/**
 * Everything stored for one registration, computed in memory: encrypted identity, wrapped data
 * key, blind indexes, needs (with the SC flag for a child without an accompanying adult) and
 * consent per purpose. Shared by single registration, import and the demo generator.
 */
export function preparePerson(
  ctx: ServiceContext,
  input: RegisterPersonInput,
  context: { id: string; code: string; orgId: string; hasAdultInHousehold: boolean; isDemo?: boolean },
): PreparedPerson {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const { id, orgId } = context;
  const identity = identityFrom(input);
  const birthYear = birthYearOf(input);
  const key = newPersonKey(ctx.keys, id);
  const needCodes = [...new Set(input.specificNeeds ?? [])];
  const age = ageOf(birthYear, input.birthDate, now);
  const childAlone = age !== null && age < 18 && !context.hasAdultInHousehold;
  if (childAlone && !needCodes.some((code) => code.startsWith('SC'))) needCodes.push('SC-UC');
  return {
    row: {
      id,
      code: context.code,
      org_id: orgId,
      sex: input.sex,
      birth_year: birthYear,
      age_estimated: input.ageEstimated ? 1 : 0,
      nationality: input.nationality ?? null,
      languages: JSON.stringify(input.languages ?? []),
      site_id: input.siteId ?? null,
      household_id: input.householdId ?? null,
      status: 'active',
      merged_into: null,
      identity: sealIdentity(key.dataKey, id, identity),
      photo: null,
      version: 1,
      is_demo: context.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
    },
    wrappedKey: key.wrapped,
    index: personIndexEntries(ctx.keys, identity),
    needs: needCodes.map((code, i) => ({
      id: `${id}n${i}`,
      person_id: id,
      org_id: orgId,
      code,
      category: findNeed(code)?.category ?? code.slice(0, 2),
      noted_by: ctx.actor.userId,
      noted_at: nowIso,
      removed_by: null,
      removed_at: null,
    })),
    consents: [...new Set(input.consent.purposes)].map((purpose, i) => ({
      id: `${id}c${i}`,
      person_id: id,
      org_id: orgId,
      purpose,
      basis: input.consent.basis,
      recorded_by: ctx.actor.userId,
      recorded_at: nowIso,
      withdrawn_by: null,
      withdrawn_at: null,
    })),
    membership: input.householdId
      ? {
          household_id: input.householdId,
          person_id: id,
          relationship: input.relationship ?? 'other_relative',
          joined_at: nowIso,
          left_at: null,
        }
      : null,
    childAlone,
  };
}

/** Writes a prepared registration, its audit entry and its alert, inside the caller's transaction. */
export async function persistPerson(
  trx: Executor,
  ctx: ServiceContext,
  prepared: PreparedPerson,
  auditDetails: Record<string, unknown> = {},
) {
  await persistPeople(trx, ctx, [prepared], auditDetails);
}

/**
 * Writes prepared registrations with multi-row inserts (one person or a bulk batch share this
 * path), one audit entry each, and each person's alerts, case proposals and tracing checks.
 */
export async function persistPeople(
  trx: Executor,
  ctx: ServiceContext,
  people: PreparedPerson[],
  auditDetails: Record<string, unknown> = {},
) {
  if (people.length === 0) return;
  await insertRowsInChunks(
    trx,
    'people',
    people.map((p) => p.row),
    400,
  );
  await insertRowsInChunks(
    trx,
    'person_keys',
    people.map((p) => ({
      person_id: p.row.id,
      wrapped_key: p.wrappedKey,
      key_version: ctx.keys.version,
      created_at: p.row.created_at,
    })),
    1000,
  );
  await insertRowsInChunks(
    trx,
    'person_index',
    people.flatMap((p) => p.index.map((e) => ({ person_id: p.row.id, kind: e.kind, hmac: e.hmac }))),
    2000,
  );
  await insertRowsInChunks(
    trx,
    'specific_needs',
    people.flatMap((p) => p.needs),
    500,
  );
  await insertRowsInChunks(
    trx,
    'consents',
    people.flatMap((p) => p.consents),
    500,
  );
  await insertRowsInChunks(
    trx,
    'household_members',
    people.flatMap((p) => (p.membership ? [p.membership] : [])),
    1000,
  );
  await recordAudits(
    trx,
    ctx,
    people.map((p) => ({
      action: 'person.create',
      entity: 'person',
      entityId: p.row.id,
      details: { needs: p.needs.length, ...auditDetails },
    })),
  );
  for (const prepared of people) {
    const { row } = prepared;
    if (prepared.childAlone) {
      await raiseAlert(trx, ctx, {
        orgId: row.org_id,
        rule: 'registry.unaccompanied_child',
        entity: 'person',
        entityId: row.id,
        personId: row.id,
        assignedRole: 'caseworker',
        severity: 'urgent',
        // A child alone is assessed within 24 hours (the cases module's default rule).
        dueAt: new Date(Date.parse(row.created_at) + 24 * 3600_000).toISOString(),
        details: { reason: 'child registered without an accompanying adult' },
      });
    }
    await proposeCaseForNeeds(
      trx,
      ctx,
      row,
      prepared.needs.map((n) => n.code),
      { isNew: true },
    );
    await notifyTracingMatches(trx, ctx, prepared);
  }
}

/** True when the household has a current member aged 18 or more. */
export async function householdHasAdult(trx: Executor, householdId: string, now: Date): Promise<boolean> {
  const members = await findCurrentMembers(trx, householdId);
  return members.some((m) => m.birth_year !== null && now.getUTCFullYear() - m.birth_year >= 18);
}

export interface RegistrationResult {
  view: PersonView;
  possibleDuplicates: DuplicateCandidate[];
}

/** Registers one person in one transaction, after looking for possible duplicates. */
export async function registerPerson(
  ctx: ServiceContext,
  input: RegisterPersonInput,
  options: { isDemo?: boolean } = {},
): Promise<RegistrationResult> {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can register people.');
  const possibleDuplicates = await findPossibleDuplicates(ctx.db, ctx, {
    names: [
      [input.givenName, input.fathersName, input.familyName].filter(Boolean).join(' '),
      input.originalScriptName ?? '',
    ].filter(Boolean),
    sex: input.sex,
    birthYear: birthYearOf(input),
    ageEstimated: input.ageEstimated,
    nationality: input.nationality,
  });
  const id = timeOrderedId(ctx.now().getTime());
  const person = await ctx.db.transaction().execute(async (trx) => {
    if (input.siteId && !(await siteExists(trx, input.siteId)))
      throw AppError.validation('siteId', 'no such site');
    if (input.householdId && !(await findHouseholdInScope(trx, ctx.actor, input.householdId))) {
      throw AppError.validation('householdId', 'no such household');
    }
    const hasAdultInHousehold = input.householdId
      ? await householdHasAdult(trx, input.householdId, ctx.now())
      : false;
    const prepared = preparePerson(ctx, input, {
      id,
      code: await uniqueCode(trx),
      orgId,
      hasAdultInHousehold,
      isDemo: options.isDemo,
    });
    await persistPerson(trx, ctx, prepared, {
      possibleDuplicates: possibleDuplicates.map((d) => d.personId),
    });
    return prepared.row;
  });
  const [view] = await loadPersonViews(ctx.db, ctx.keys, [person]);
  return { view: view!, possibleDuplicates };
}
