import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  endMemberships,
  findCurrentMembers,
  findHouseholdInScope,
  insertHousehold,
  insertMember,
} from './households.repository.js';
import { uniqueCode } from './people.service.js';
import { openIdentities } from './people-read.js';
import { readableGroups } from './registry.policy.js';
import { ageOf } from './registry.presenter.js';
import { findPersonInScope, siteExists, updatePersonRow } from './registry.repository.js';
import type { HouseholdsTable, Relationship } from './registry.tables.js';

export async function createHousehold(
  ctx: ServiceContext,
  input: { siteId?: string },
  options: { isDemo?: boolean } = {},
) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden');
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    if (input.siteId && !(await siteExists(trx, input.siteId)))
      throw AppError.validation('siteId', 'no such site');
    const row: HouseholdsTable = {
      id: timeOrderedId(ctx.now().getTime()),
      org_id: orgId,
      code: await uniqueCode(trx),
      site_id: input.siteId ?? null,
      is_demo: options.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    };
    await insertHousehold(trx, row);
    await recordAudit(trx, ctx, { action: 'household.create', entity: 'household', entityId: row.id });
    return row;
  });
}

/** Adds a person to a household (leaving any previous one); a household has one head. */
export async function addHouseholdMember(
  ctx: ServiceContext,
  householdId: string,
  input: { personId: string; relationship: Relationship },
) {
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const household = await findHouseholdInScope(trx, ctx.actor, householdId);
    if (!household) throw AppError.notFound('household');
    const person = await findPersonInScope(trx, ctx.actor, input.personId);
    if (person?.status !== 'active') throw AppError.validation('personId', 'no such person');
    const members = await findCurrentMembers(trx, householdId);
    if (members.some((m) => m.person_id === input.personId)) {
      throw new AppError('conflict', 'personId: already a member of this household', [
        { field: 'personId', message: 'already a member' },
      ]);
    }
    if (input.relationship === 'head' && members.some((m) => m.relationship === 'head')) {
      throw new AppError('conflict', 'relationship: this household already has a head', [
        { field: 'relationship', message: 'already has a head' },
      ]);
    }
    await endMemberships(trx, input.personId, now);
    await insertMember(trx, {
      household_id: householdId,
      person_id: input.personId,
      relationship: input.relationship,
      joined_at: now,
      left_at: null,
    });
    await updatePersonRow(trx, input.personId, { household_id: householdId, updated_at: now });
    await recordAudit(trx, ctx, {
      action: 'household.member_add',
      entity: 'household',
      entityId: householdId,
      details: { personId: input.personId, relationship: input.relationship },
    });
  });
  return getHousehold(ctx, householdId);
}

export async function getHousehold(ctx: ServiceContext, householdId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const household = await findHouseholdInScope(trx, ctx.actor, householdId);
    if (!household) throw AppError.notFound('household');
    const members = await findCurrentMembers(trx, householdId);
    const showNames = readableGroups(ctx.actor).has('names');
    const rows = await Promise.all(members.map((m) => findPersonInScope(trx, ctx.actor, m.person_id)));
    const visible = rows.filter((r) => r !== undefined);
    const identities = showNames ? await openIdentities(trx, ctx.keys, visible) : new Map();
    await recordAudit(trx, ctx, {
      action: 'household.read',
      entity: 'household',
      entityId: householdId,
      details: { members: visible.map((r) => r.id) },
    });
    const now = ctx.now();
    return {
      id: household.id,
      code: household.code,
      orgId: household.org_id,
      siteId: household.site_id,
      createdAt: household.created_at,
      members: members
        .filter((m) => visible.some((r) => r.id === m.person_id))
        .map((m) => {
          const identity = identities.get(m.person_id);
          return {
            personId: m.person_id,
            code: m.code,
            relationship: m.relationship,
            sex: m.sex,
            age: ageOf(m.birth_year, null, now),
            ...(showNames && identity
              ? { givenName: identity.givenName, familyName: identity.familyName ?? null }
              : {}),
          };
        }),
    };
  });
}
