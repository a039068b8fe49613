import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  CENTRE_KINDS,
  countUsage,
  deleteCapacity,
  findCapacities,
  findCentres,
  findProfiles,
  insertCapacity,
  lockCapacities,
  updateCapacity,
  upsertProfile,
} from './reception.repository.js';
import type { CapacityBody } from './reception.schema.js';

export type CapacityInput = z.infer<typeof CapacityBody>;

export interface Figures {
  capacity: number;
  blocked: number;
  occupied: number;
  reserved: number;
  free: number;
}

const empty = (): Figures => ({ capacity: 0, blocked: 0, occupied: 0, reserved: 0, free: 0 });

function add(into: Figures, from: Figures) {
  into.capacity += from.capacity;
  into.blocked += from.blocked;
  into.occupied += from.occupied;
  into.reserved += from.reserved;
  into.free += from.free;
}

/** Free = places − blocked − occupied − reserved, never below zero on display. */
export function freeOf(places: number, blocked: number, occupied: number, reserved: number): number {
  return Math.max(0, places - blocked - occupied - reserved);
}

/** Places, use and services of centres, counted from the ledger at the moment of reading. */
export async function loadCentres(
  db: Executor,
  filter: { region?: string; siteId?: string; category?: string },
) {
  const centres = await findCentres(db, filter);
  const ids = centres.map((c) => c.id);
  const [profiles, capacities, usage] = await Promise.all([
    findProfiles(db, ids),
    findCapacities(db, ids),
    countUsage(db, ids),
  ]);
  return centres.map((centre) => {
    const profile = profiles.find((p) => p.site_id === centre.id);
    const categories = capacities
      .filter((c) => c.site_id === centre.id && (!filter.category || c.category === filter.category))
      .map((c) => {
        const use = usage.get(`${centre.id}|${c.category}`) ?? { occupied: 0, reserved: 0 };
        return {
          category: c.category,
          capacity: c.places,
          blocked: c.blocked,
          occupied: use.occupied,
          reserved: use.reserved,
          free: freeOf(c.places, c.blocked, use.occupied, use.reserved),
        };
      });
    const totals = empty();
    for (const figures of categories) add(totals, figures);
    return {
      siteId: centre.id,
      name: centre.name,
      kind: centre.kind,
      status: centre.status,
      region: centre.region,
      services: {
        medicalCare: profile?.medical_care === 1,
        childProtection: profile?.child_protection === 1,
        accessible: profile?.accessible === 1,
        languages: profile ? (JSON.parse(profile.languages) as string[]) : [],
      },
      categories,
      totals,
    };
  });
}

export type CentreView = Awaited<ReturnType<typeof loadCentres>>[number];

export async function getAvailability(
  ctx: ServiceContext,
  filter: { region?: string; siteId?: string; category?: string },
) {
  const centres = await loadCentres(ctx.db, filter);
  const regions = new Map<string | null, { categories: Map<string, Figures>; totals: Figures }>();
  const totals = empty();
  for (const centre of centres) {
    const region = regions.get(centre.region) ?? { categories: new Map(), totals: empty() };
    for (const { category, ...figures } of centre.categories) {
      const sum = region.categories.get(category) ?? empty();
      add(sum, figures);
      region.categories.set(category, sum);
    }
    add(region.totals, centre.totals);
    add(totals, centre.totals);
    regions.set(centre.region, region);
  }
  return {
    centres,
    regions: [...regions.entries()]
      .sort(([a], [b]) => (a ?? '').localeCompare(b ?? ''))
      .map(([region, sums]) => ({
        region,
        categories: [...sums.categories.entries()].map(([category, f]) => ({ category, ...f })),
        totals: sums.totals,
      })),
    totals,
  };
}

/**
 * Replaces a centre's places by category (and blocked places, and services). Refused, with
 * nothing changed, when a category would hold fewer usable places than are occupied or
 * reserved now: people are not un-placed by a form.
 */
export async function setCapacity(ctx: ServiceContext, siteId: string, input: CapacityInput) {
  const blocked = input.blocked ?? {};
  for (const [category, count] of Object.entries(blocked)) {
    const places = input.places[category];
    if (places === undefined)
      throw AppError.validation(`blocked.${category}`, 'is not a category listed in places');
    if (count > places)
      throw AppError.validation(`blocked.${category}`, `must be at most the ${places} places`);
  }
  const now = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const [site] = await findCentres(trx, { siteId });
    if (!site) {
      const exists = await trx.selectFrom('sites').select('kind').where('id', '=', siteId).executeTakeFirst();
      if (!exists) throw AppError.notFound('site');
      throw AppError.validation(
        'id',
        `is a site of kind ${exists.kind}; only ${CENTRE_KINDS.join(' and ')} sites have places`,
      );
    }
    const current = await lockCapacities(trx, siteId);
    const usage = await countUsage(trx, [siteId]);
    const categories = new Set([...current.map((c) => c.category), ...Object.keys(input.places)]);
    for (const category of categories) {
      const use = usage.get(`${siteId}|${category}`) ?? { occupied: 0, reserved: 0 };
      const needed = use.occupied + use.reserved;
      const usable = (input.places[category] ?? 0) - (blocked[category] ?? 0);
      if (usable < needed) {
        const field = `places.${category}`;
        throw new AppError(
          'conflict',
          `${field}: ${use.occupied} places are occupied and ${use.reserved} reserved; usable places (places − blocked) must be at least ${needed}`,
          [{ field, message: `must leave at least ${needed} usable places` }],
        );
      }
    }
    for (const category of categories) {
      const row = current.find((c) => c.category === category);
      const places = input.places[category];
      if (places === undefined && row) await deleteCapacity(trx, row.id);
      else if (places !== undefined && row)
        await updateCapacity(trx, row.id, places, blocked[category] ?? 0, ctx.actor.userId, now);
      else if (places !== undefined) {
        await insertCapacity(trx, {
          id: timeOrderedId(ctx.now().getTime()),
          site_id: siteId,
          category,
          places,
          blocked: blocked[category] ?? 0,
          updated_by: ctx.actor.userId,
          updated_at: now,
        });
      }
    }
    if (input.services) {
      await upsertProfile(trx, {
        site_id: siteId,
        medical_care: input.services.medicalCare ? 1 : 0,
        child_protection: input.services.childProtection ? 1 : 0,
        accessible: input.services.accessible ? 1 : 0,
        languages: JSON.stringify(input.services.languages),
        updated_by: ctx.actor.userId,
        updated_at: now,
      });
    }
    await recordAudit(trx, ctx, {
      action: 'capacity.update',
      entity: 'site',
      entityId: siteId,
      details: { places: input.places, blocked, services: input.services ? Object.keys(input.services) : [] },
    });
  });
  const [centre] = await loadCentres(ctx.db, { siteId });
  return centre!;
}
