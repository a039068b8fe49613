import type { z } from 'zod';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { findPersonInScope } from '../registry/registry.repository.js';
import type { PreferencesBody } from './reception.schema.js';

function present(
  personId: string,
  row?: {
    preferred_regions: string;
    preferred_site_ids: string;
    relatives_regions: string;
    updated_at: string;
  },
) {
  return {
    personId,
    preferredRegions: row ? (JSON.parse(row.preferred_regions) as string[]) : [],
    preferredSiteIds: row ? (JSON.parse(row.preferred_site_ids) as string[]) : [],
    relativesRegions: row ? (JSON.parse(row.relatives_regions) as string[]) : [],
    updatedAt: row?.updated_at ?? null,
  };
}

export async function findPreferences(db: Executor, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return db.selectFrom('placement_preferences').selectAll().where('person_id', 'in', personIds).execute();
}

/** Where a person would like to go and where relatives live (regions only), for the planner. */
export async function getPreferences(ctx: ServiceContext, personId: string) {
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await findPersonInScope(trx, ctx.actor, personId))) throw AppError.notFound('person');
    const [row] = await findPreferences(trx, [personId]);
    await recordAudit(trx, ctx, {
      action: 'placement_preferences.read',
      entity: 'person',
      entityId: personId,
    });
    return present(personId, row);
  });
}

export async function setPreferences(
  ctx: ServiceContext,
  personId: string,
  input: z.infer<typeof PreferencesBody>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, ctx.actor, personId);
    if (!person) throw AppError.notFound('person');
    const row = {
      person_id: personId,
      org_id: person.org_id,
      preferred_regions: JSON.stringify(input.preferredRegions),
      preferred_site_ids: JSON.stringify(input.preferredSiteIds),
      relatives_regions: JSON.stringify(input.relativesRegions),
      updated_by: ctx.actor.userId,
      updated_at: ctx.now().toISOString(),
    };
    await trx
      .insertInto('placement_preferences')
      .values(row)
      .onConflict((oc) =>
        oc.column('person_id').doUpdateSet({
          preferred_regions: row.preferred_regions,
          preferred_site_ids: row.preferred_site_ids,
          relatives_regions: row.relatives_regions,
          updated_by: row.updated_by,
          updated_at: row.updated_at,
        }),
      )
      .execute();
    await recordAudit(trx, ctx, {
      action: 'placement_preferences.update',
      entity: 'person',
      entityId: personId,
    });
    return present(personId, row);
  });
}
