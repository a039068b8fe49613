import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findCapacities, findCentres, findProfiles } from './reception.repository.js';
import { categoryOf, requirementsOf, unmetRequirements } from './reception.rules.js';
import { assertHouseholdsWhole, assertNotInTransit, loadGroup } from './relocation-groups.js';
import {
  findEvents,
  findRelocationInScope,
  findRelocationPeople,
  findRelocations,
  insertEvent,
  insertRelocation,
  insertRelocationPeople,
  type RelocationFilter,
} from './relocations.repository.js';
import type { CreateRelocationBody } from './relocations.schema.js';

export type CreateRelocationInput = z.infer<typeof CreateRelocationBody> & {
  planId?: string;
  isDemo?: boolean;
};

const UNMET_MESSAGES: Record<string, string> = {
  child_protection: 'has no child-protection staff; an unaccompanied minor goes only to a centre that has',
  medical_care: 'has no medical care on site; a person with a serious medical condition needs it',
  accessibility: 'is not accessible; a person with a physical disability needs an accessible centre',
};

/** Checks the destination offers the category and the services the group needs. */
export async function assertDestinationFits(
  db: Executor,
  toSiteId: string,
  category: string,
  members: Parameters<typeof requirementsOf>[0],
) {
  const [centre] = await findCentres(db, { siteId: toSiteId });
  if (!centre) throw AppError.validation('toSiteId', 'is not a reception or orientation centre');
  if (centre.status === 'closed' || centre.status === 'dismantled')
    throw AppError.validation('toSiteId', `is ${centre.status}`);
  const capacity = await findCapacities(db, [toSiteId]);
  if (!capacity.some((c) => c.category === category))
    throw AppError.validation('toSiteId', `has no places of category ${category}`);
  const [profile] = await findProfiles(db, [toSiteId]);
  const unmet = unmetRequirements(requirementsOf(members), {
    medicalCare: profile?.medical_care === 1,
    childProtection: profile?.child_protection === 1,
    accessible: profile?.accessible === 1,
    languages: [],
  });
  if (unmet[0]) throw AppError.validation('toSiteId', UNMET_MESSAGES[unmet[0]] ?? unmet[0]);
}

/** Inserts a proposed relocation inside the caller's transaction (also used by plan acceptance). */
export async function proposeRelocation(trx: Executor, ctx: ServiceContext, input: CreateRelocationInput) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('forbidden', 'Only a member of an organisation relocates people.');
  const now = ctx.now();
  const group = await loadGroup(trx, ctx.actor, input.personIds, now);
  if (input.fromSiteId) {
    const from = await trx
      .selectFrom('sites')
      .select('id')
      .where('id', '=', input.fromSiteId)
      .executeTakeFirst();
    if (!from) throw AppError.validation('fromSiteId', 'no site has this id');
  }
  if (input.fromSiteId === input.toSiteId)
    throw AppError.validation('toSiteId', 'must differ from fromSiteId');
  await assertHouseholdsWhole(trx, group);
  const category = input.category ?? categoryOf(group);
  await assertDestinationFits(trx, input.toSiteId, category, group);
  await assertNotInTransit(trx, input.personIds);
  const sites = new Set(group.map((p) => p.row.site_id));
  const fromSiteId = input.fromSiteId ?? (sites.size === 1 ? ([...sites][0] ?? null) : null);
  const id = timeOrderedId(now.getTime());
  const at = now.toISOString();
  await insertRelocation(trx, {
    id,
    org_id: orgId,
    from_site_id: fromSiteId,
    to_site_id: input.toSiteId,
    category,
    people_count: group.length,
    status: 'proposed',
    convoy_id: null,
    return_reason: null,
    plan_id: input.planId ?? null,
    is_demo: input.isDemo ? 1 : 0,
    created_by: ctx.actor.userId,
    created_at: at,
    updated_at: at,
  });
  await insertRelocationPeople(
    trx,
    input.personIds.map((personId) => ({ relocation_id: id, person_id: personId, is_open: 1 })),
  );
  await insertEvent(trx, {
    id: timeOrderedId(now.getTime()),
    relocation_id: id,
    from_status: null,
    to_status: 'proposed',
    occurred_at: at,
    recorded_at: at,
    actor_id: ctx.actor.userId,
    reason: null,
    return_reason: null,
    site_id: null,
  });
  await recordAudit(trx, ctx, {
    action: 'relocation.create',
    entity: 'relocation',
    entityId: id,
    details: { people: group.length, category, toSiteId: input.toSiteId, planId: input.planId ?? null },
  });
  return id;
}

export async function createRelocation(ctx: ServiceContext, input: CreateRelocationInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const id = await proposeRelocation(trx, ctx, input);
    return (await loadRelocations(trx, [id]))[0]!;
  });
}

/** Relocations with their people, events and destination names, in the order of `ids`. */
export async function loadRelocations(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [rows, people, events] = await Promise.all([
    db.selectFrom('relocations').selectAll().where('id', 'in', ids).execute(),
    findRelocationPeople(db, ids),
    findEvents(db, ids),
  ]);
  const siteIds = [...new Set(rows.map((r) => r.to_site_id))];
  const sites = await db.selectFrom('sites').select(['id', 'name']).where('id', 'in', siteIds).execute();
  return ids.map((id) => {
    const row = rows.find((r) => r.id === id)!;
    return {
      row,
      toSiteName: sites.find((s) => s.id === row.to_site_id)?.name ?? '',
      people: people.filter((p) => p.relocation_id === id),
      events: events.filter((e) => e.relocation_id === id),
    };
  });
}

export type LoadedRelocation = Awaited<ReturnType<typeof loadRelocations>>[number];

/** One relocation with its people (names decrypted by the presenter): an audited read. */
export async function getRelocation(ctx: ServiceContext, id: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await findRelocationInScope(trx, ctx.actor, id);
    if (!row) throw AppError.notFound('relocation');
    await recordAudit(trx, ctx, { action: 'relocation.read', entity: 'relocation', entityId: id });
    return (await loadRelocations(trx, [id]))[0]!;
  });
}

export async function listRelocations(ctx: ServiceContext, filter: RelocationFilter) {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await findRelocations(trx, ctx.actor, filter);
    const loaded = await loadRelocations(
      trx,
      rows.map((r) => r.id),
    );
    await recordAudit(trx, ctx, {
      action: 'relocation.list',
      entity: 'relocation',
      details: {
        filter: { ...filter, after: undefined, limit: undefined },
        ids: loaded.map((r) => r.row.id),
        people: loaded.reduce((n, r) => n + r.people.length, 0),
      },
    });
    return loaded;
  });
}
