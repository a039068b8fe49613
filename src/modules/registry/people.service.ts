import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { raiseAlert } from '../alerts/alerts.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { generatePersonCode } from './person-code.js';
import { type Identity, newPersonKey, sealIdentity } from './person-identity.js';
import { personIndexEntries } from './person-index.js';
import { type DuplicateCandidate, findPossibleDuplicates } from './people-search.js';
import { loadPersonViews } from './people-read.js';
import { ageOf } from './registry.presenter.js';
import {
  codeExists,
  findCurrentMembers,
  findHouseholdInScope,
  insertConsents,
  insertMember,
  insertNeeds,
  insertPerson,
  insertPersonKey,
  replacePersonIndex,
  siteExists,
} from './registry.repository.js';
import type { RegisterPersonInput } from './registry.schema.js';
import type { PeopleTable } from './registry.tables.js';
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

export interface RegistrationResult {
  person: PeopleTable;
  possibleDuplicates: DuplicateCandidate[];
}

/**
 * Registers a person in one transaction: encrypted identity, data key, blind indexes, needs,
 * consent per purpose, household membership, the audit entry, and for a child without an
 * accompanying adult the SC flag and an alert to child protection.
 */
export async function registerPerson(ctx: ServiceContext, input: RegisterPersonInput, options: { isDemo?: boolean } = {}) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a user of an organisation can register people.');
  const identity = identityFrom(input);
  const birthYear = birthYearOf(input);
  const possibleDuplicates = await findPossibleDuplicates(ctx.db, ctx, {
    names: [[input.givenName, input.fathersName, input.familyName].filter(Boolean).join(' '), input.originalScriptName ?? ''].filter(Boolean),
    sex: input.sex,
    birthYear,
    ageEstimated: input.ageEstimated,
    nationality: input.nationality,
  });

  const now = ctx.now();
  const nowIso = now.toISOString();
  const id = timeOrderedId(now.getTime());
  const key = newPersonKey(ctx.keys, id);
  const person = await ctx.db.transaction().execute(async (trx) => {
    if (input.siteId && !(await siteExists(trx, input.siteId))) throw AppError.validation('siteId', 'no such site');
    let hasAdultInHousehold = false;
    if (input.householdId) {
      const household = await findHouseholdInScope(trx, ctx.actor, input.householdId);
      if (!household) throw AppError.validation('householdId', 'no such household');
      const members = await findCurrentMembers(trx, household.id);
      hasAdultInHousehold = members.some((m) => m.birth_year !== null && now.getUTCFullYear() - m.birth_year >= 18);
    }
    const row: PeopleTable = {
      id,
      code: await uniqueCode(trx),
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
      is_demo: options.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: nowIso,
      updated_at: nowIso,
    };
    await insertPerson(trx, row);
    await insertPersonKey(trx, id, key.wrapped, ctx.keys.version, nowIso);
    await replacePersonIndex(trx, id, personIndexEntries(ctx.keys, identity));

    const needCodes = [...new Set(input.specificNeeds ?? [])];
    const age = ageOf(birthYear, input.birthDate, now);
    const childAlone = age !== null && age < 18 && !hasAdultInHousehold;
    if (childAlone && !needCodes.some((code) => code.startsWith('SC'))) needCodes.push('SC-UC');
    await insertNeeds(
      trx,
      needCodes.map((code) => ({
        id: timeOrderedId(now.getTime()),
        person_id: id,
        org_id: orgId,
        code,
        category: findNeed(code)?.category ?? code.slice(0, 2),
        noted_by: ctx.actor.userId,
        noted_at: nowIso,
        removed_by: null,
        removed_at: null,
      })),
    );
    await insertConsents(
      trx,
      [...new Set(input.consent.purposes)].map((purpose) => ({
        id: timeOrderedId(now.getTime()),
        person_id: id,
        org_id: orgId,
        purpose,
        basis: input.consent.basis,
        recorded_by: ctx.actor.userId,
        recorded_at: nowIso,
        withdrawn_by: null,
        withdrawn_at: null,
      })),
    );
    if (input.householdId) {
      await insertMember(trx, {
        household_id: input.householdId,
        person_id: id,
        relationship: input.relationship ?? 'other_relative',
        joined_at: nowIso,
        left_at: null,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'person.create',
      entity: 'person',
      entityId: id,
      details: { possibleDuplicates: possibleDuplicates.map((d) => d.personId), needs: needCodes.length },
    });
    if (childAlone) {
      await raiseAlert(trx, ctx, {
        orgId,
        rule: 'registry.unaccompanied_child',
        entity: 'person',
        entityId: id,
        personId: id,
        assignedRole: 'caseworker',
        severity: 'urgent',
        // A child alone is assessed within 24 hours (the cases module's default rule).
        dueAt: new Date(now.getTime() + 24 * 3600_000).toISOString(),
        details: { reason: 'child registered without an accompanying adult' },
      });
    }
    return row;
  });
  const [view] = await loadPersonViews(ctx.db, ctx.keys, [person]);
  return { view: view!, possibleDuplicates };
}
