import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  type EstimatePageFilter,
  findEstimateById,
  findEstimatesPage,
  findSupersedingEstimate,
  insertEstimate,
} from './estimates.repository.js';
import { canSupersedeEstimate } from './sites.policy.js';
import { assertNotFuture, checkEstimateFigures, requireSite } from './sites.rules.js';
import type { CreateEstimateBody } from './sites.schema.js';

export type CreateEstimateInput = z.infer<typeof CreateEstimateBody> & { isDemo?: boolean };

/**
 * Records one source's figure for a site. Nothing is ever overwritten: a correction is a new
 * entry naming the one it supersedes, which stays on record (and in the audit log) but stops
 * counting. Only the organisation that recorded an entry may correct it.
 */
export async function addEstimate(ctx: ServiceContext, siteId: string, input: CreateEstimateInput) {
  if (!ctx.actor.orgId)
    throw new AppError('forbidden', 'Only a member of an organisation records field data.');
  const orgId = ctx.actor.orgId;
  checkEstimateFigures(input);
  assertNotFuture(ctx, 'date', input.date);
  const id = timeOrderedId(ctx.now().getTime());
  return ctx.db.transaction().execute(async (trx) => {
    await requireSite(trx, siteId);
    if (input.supersedesId) {
      const previous = await findEstimateById(trx, input.supersedesId);
      if (!previous || previous.site_id !== siteId) {
        throw AppError.validation('supersedesId', 'no estimate of this site has this id');
      }
      if (!canSupersedeEstimate(ctx.actor, previous)) {
        throw new AppError(
          'field_forbidden',
          'supersedesId: only the organisation that recorded an estimate corrects it; add your own estimate instead',
          [{ field: 'supersedesId', message: 'recorded by another organisation' }],
        );
      }
      const later = await findSupersedingEstimate(trx, previous.id);
      if (later) {
        throw new AppError(
          'conflict',
          `supersedesId: this estimate was already corrected by ${later.id}; correct that one`,
          [{ field: 'supersedesId', message: 'already superseded' }],
        );
      }
    }
    const row = {
      id,
      site_id: siteId,
      org_id: orgId,
      estimated_on: input.date,
      source_name: input.sourceName,
      source_kind: input.sourceKind,
      method: input.method ?? null,
      low: input.low ?? null,
      high: input.high ?? null,
      point: input.point ?? null,
      breakdown: input.breakdown ? JSON.stringify(input.breakdown) : null,
      supersedes_id: input.supersedesId ?? null,
      is_demo: input.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    };
    try {
      await insertEstimate(trx, row);
    } catch (error) {
      // Two corrections of one entry at the same moment: the unique index lets one through.
      if (input.supersedesId && isUniqueViolation(error)) {
        throw new AppError(
          'conflict',
          'supersedesId: this estimate was corrected meanwhile; reload and try again',
          [{ field: 'supersedesId', message: 'already superseded' }],
        );
      }
      throw error;
    }
    await recordAudit(trx, ctx, {
      action: 'population_estimate.create',
      entity: 'population_estimate',
      entityId: id,
      details: { siteId, sourceKind: input.sourceKind, supersedesId: input.supersedesId ?? null },
    });
    return { ...row, superseded_by_id: null };
  });
}

export async function listEstimates(ctx: ServiceContext, filter: EstimatePageFilter) {
  await requireSite(ctx.db, filter.siteId);
  return findEstimatesPage(ctx.db, filter);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
