import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../access/actor.js';
import { scopeCondition } from '../access/scope.js';
import { recordAudit } from '../audit/audit.service.js';
import { openIdentities } from '../registry/people-read.js';
import type { ConvoysQuery, CreateConvoyBody } from './reception.schema.js';

export async function createConvoy(
  ctx: ServiceContext,
  input: z.infer<typeof CreateConvoyBody> & { isDemo?: boolean },
) {
  if (!ctx.actor.orgId)
    throw new AppError('forbidden', 'Only a member of an organisation organises convoys.');
  const orgId = ctx.actor.orgId;
  const id = timeOrderedId(ctx.now().getTime());
  await ctx.db.transaction().execute(async (trx) => {
    const origin = await trx
      .selectFrom('sites')
      .select('id')
      .where('id', '=', input.originSiteId)
      .executeTakeFirst();
    if (!origin) throw AppError.validation('originSiteId', 'no site has this id');
    await trx
      .insertInto('convoys')
      .values({
        id,
        org_id: orgId,
        origin_site_id: input.originSiteId,
        departs_on: input.departsOn,
        vehicle: input.vehicle,
        vehicle_capacity: input.vehicleCapacity,
        is_demo: input.isDemo ? 1 : 0,
        created_by: ctx.actor.userId,
        created_at: ctx.now().toISOString(),
      })
      .execute();
    await recordAudit(trx, ctx, { action: 'convoy.create', entity: 'convoy', entityId: id });
  });
  return (await loadConvoys(ctx.db, ctx.actor, { id }))[0]!;
}

/** The actor's organisation's convoys: another organisation's convoy reads as not found. */
export async function loadConvoys(
  db: Executor,
  actor: Actor,
  filter: z.infer<typeof ConvoysQuery> & { id?: string },
) {
  let query = db
    .selectFrom('convoys')
    .where(scopeCondition(actor, 'convoys', 'convoy'))
    .innerJoin('sites', 'sites.id', 'convoys.origin_site_id')
    .selectAll('convoys')
    .select('sites.name as origin_name');
  if (filter.id) query = query.where('convoys.id', '=', filter.id);
  if (filter.from) query = query.where('convoys.departs_on', '>=', filter.from);
  if (filter.to) query = query.where('convoys.departs_on', '<=', filter.to);
  const convoys = await query
    .orderBy('convoys.departs_on', 'desc')
    .orderBy('convoys.id')
    .limit(200)
    .execute();
  const ids = convoys.map((c) => c.id);
  const relocations =
    ids.length === 0
      ? []
      : await db
          .selectFrom('relocations')
          .select(['id', 'convoy_id', 'people_count', 'status'])
          .where('convoy_id', 'in', ids)
          .execute();
  return convoys.map((c) => {
    const on = relocations.filter((r) => r.convoy_id === c.id);
    return {
      id: c.id,
      departsOn: c.departs_on,
      originSiteId: c.origin_site_id,
      originName: c.origin_name,
      vehicle: c.vehicle,
      vehicleCapacity: c.vehicle_capacity,
      seatsTaken: on
        .filter((r) => r.status === 'scheduled' || r.status === 'departed')
        .reduce((n, r) => n + r.people_count, 0),
      relocationIds: on.map((r) => r.id),
      createdAt: c.created_at,
    };
  });
}

/**
 * The driver's list: card code and name to check boarding, the group (people who travel
 * together) and the destination — no nationality, age, needs or other protection detail.
 * Decrypting names is a read of personal data, audited with the count.
 */
export async function passengerList(ctx: ServiceContext, convoyId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const [convoy] = await loadConvoys(trx, ctx.actor, { id: convoyId });
    if (!convoy) throw AppError.notFound('convoy');
    const rows = await trx
      .selectFrom('relocations')
      .innerJoin('relocation_people', 'relocation_people.relocation_id', 'relocations.id')
      .innerJoin('people', 'people.id', 'relocation_people.person_id')
      .innerJoin('sites', 'sites.id', 'relocations.to_site_id')
      .selectAll('people')
      .select(['relocations.id as relocation_id', 'sites.name as destination'])
      .where('relocations.convoy_id', '=', convoyId)
      .where('relocations.status', 'in', ['scheduled', 'departed'])
      .orderBy('sites.name')
      .orderBy('relocations.id')
      .execute();
    const identities = await openIdentities(trx, ctx.keys, rows);
    const groups = [...new Set(rows.map((r) => r.relocation_id))];
    await recordAudit(trx, ctx, {
      action: 'convoy.passenger_list',
      entity: 'convoy',
      entityId: convoyId,
      details: { passengers: rows.length },
    });
    return {
      convoy,
      passengers: rows.map((r) => {
        const identity = identities.get(r.id);
        const name = identity
          ? [identity.givenName, identity.familyName].filter(Boolean).join(' ')
          : '(erased)';
        return { code: r.code, name, group: groups.indexOf(r.relocation_id) + 1, destination: r.destination };
      }),
    };
  });
}
