import type { Updateable } from 'kysely';
import type { z } from 'zod';
import { timeOrderedId } from '../../crypto/index.js';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  findAncestorIds,
  findChildSites,
  findSiteById,
  findSites,
  findStatusHistory,
  findStatusSince,
  insertSite,
  insertStatusHistory,
  type SiteFilter,
  updateSiteRow,
} from './sites.repository.js';
import { assertNotFuture, requireSite, todayOf } from './sites.rules.js';
import type { CreateSiteBody, UpdateSiteBody } from './sites.schema.js';
import type { SiteStatus, SitesTable } from './sites.tables.js';

export type CreateSiteInput = z.infer<typeof CreateSiteBody> & { isDemo?: boolean };
export type UpdateSiteInput = z.infer<typeof UpdateSiteBody>;

const ENDED: ReadonlySet<SiteStatus> = new Set(['dismantled', 'closed']);

/** The acting organisation; the system actor has none unless a seeder gives it one. */
function actingOrgId(ctx: ServiceContext): string {
  if (!ctx.actor.orgId)
    throw new AppError('forbidden', 'Only a member of an organisation records field data.');
  return ctx.actor.orgId;
}

async function assertParent(trx: Executor, parentId: string, siteId?: string) {
  if (!(await findSiteById(trx, parentId))) throw AppError.validation('parentId', 'no site has this id');
  if (siteId && (await findAncestorIds(trx, parentId)).includes(siteId)) {
    throw AppError.validation('parentId', 'would place the site inside itself');
  }
}

export async function createSite(ctx: ServiceContext, input: CreateSiteInput) {
  const orgId = actingOrgId(ctx);
  assertNotFuture(ctx, 'openedOn', input.openedOn);
  assertNotFuture(ctx, 'statusEffectiveOn', input.statusEffectiveOn);
  const now = ctx.now().toISOString();
  const id = timeOrderedId(ctx.now().getTime());
  return ctx.db.transaction().execute(async (trx) => {
    if (input.parentId) await assertParent(trx, input.parentId);
    const effectiveOn = input.statusEffectiveOn ?? input.openedOn ?? todayOf(ctx);
    await insertSite(trx, {
      id,
      org_id: orgId,
      name: input.name,
      kind: input.kind,
      status: input.status,
      parent_id: input.parentId ?? null,
      region: input.region ?? null,
      latitude: input.location?.latitude ?? null,
      longitude: input.location?.longitude ?? null,
      outline: input.location?.outline ? JSON.stringify(input.location.outline) : null,
      contact: input.contact ?? null,
      managed_by: input.managedBy ?? null,
      opened_on: input.openedOn ?? null,
      closed_on: ENDED.has(input.status) ? effectiveOn : null,
      is_demo: input.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: now,
      updated_at: now,
    });
    await insertStatusHistory(trx, {
      id: timeOrderedId(ctx.now().getTime()),
      site_id: id,
      status: input.status,
      effective_on: effectiveOn,
      reason: null,
      changed_by: ctx.actor.userId,
      changed_at: now,
    });
    await recordAudit(trx, ctx, {
      action: 'site.create',
      entity: 'site',
      entityId: id,
      details: { kind: input.kind, status: input.status, parentId: input.parentId ?? null },
    });
    return loadSiteDetail(trx, id);
  });
}

export async function loadSiteDetail(db: Executor, id: string) {
  const site = await requireSite(db, id);
  const [history, children] = await Promise.all([findStatusHistory(db, [id]), findChildSites(db, id)]);
  return { site, history, children };
}

export function getSite(ctx: ServiceContext, id: string) {
  return loadSiteDetail(ctx.db, id);
}

export async function listSites(ctx: ServiceContext, filter: SiteFilter) {
  const rows = await findSites(ctx.db, filter);
  const since = await findStatusSince(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((site) => ({ site, statusSince: since.get(site.id) ?? null }));
}

export async function updateSite(ctx: ServiceContext, id: string, input: UpdateSiteInput) {
  const fields = (Object.keys(input) as Array<keyof UpdateSiteInput>).filter((k) => input[k] !== undefined);
  if (fields.length === 0) throw AppError.validation('body', 'give at least one field to change');
  if (input.status === undefined) {
    if (input.statusEffectiveOn !== undefined)
      throw AppError.validation('statusEffectiveOn', 'give status with it');
    if (input.statusReason !== undefined) throw AppError.validation('statusReason', 'give status with it');
  }
  assertNotFuture(ctx, 'statusEffectiveOn', input.statusEffectiveOn);
  assertNotFuture(ctx, 'openedOn', input.openedOn);
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const site = await requireSite(trx, id);
    if (input.parentId) await assertParent(trx, input.parentId, id);
    const changes: Updateable<SitesTable> = { updated_at: now };
    if (input.name !== undefined) changes.name = input.name;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.parentId !== undefined) changes.parent_id = input.parentId;
    if (input.region !== undefined) changes.region = input.region;
    if (input.contact !== undefined) changes.contact = input.contact;
    if (input.managedBy !== undefined) changes.managed_by = input.managedBy;
    if (input.openedOn !== undefined) changes.opened_on = input.openedOn;
    if (input.location !== undefined) {
      changes.latitude = input.location?.latitude ?? null;
      changes.longitude = input.location?.longitude ?? null;
      changes.outline = input.location?.outline ? JSON.stringify(input.location.outline) : null;
    }
    const statusChange = input.status !== undefined && input.status !== site.status;
    if (statusChange && input.status) {
      Object.assign(changes, await changeStatus(trx, ctx, site, input.status, input));
    }
    await updateSiteRow(trx, id, changes);
    await recordAudit(trx, ctx, {
      action: 'site.update',
      entity: 'site',
      entityId: id,
      details: { fields, ...(statusChange ? { from: site.status, to: input.status } : {}) },
    });
    return loadSiteDetail(trx, id);
  });
}

/**
 * A status change is an event row with the day it took effect. A dismantled settlement does not
 * reopen (people who come back form a new site, with its own figures); a closed centre may.
 */
async function changeStatus(
  trx: Executor,
  ctx: ServiceContext,
  site: SitesTable,
  status: SiteStatus,
  input: UpdateSiteInput,
): Promise<Updateable<SitesTable>> {
  if (site.status === 'dismantled') {
    throw new AppError(
      'invalid_state',
      'status: a dismantled site does not reopen; record a new site instead',
      [{ field: 'status', message: 'the site is dismantled' }],
    );
  }
  const effectiveOn = input.statusEffectiveOn ?? todayOf(ctx);
  const latest = (await findStatusHistory(trx, [site.id])).at(-1);
  if (latest && effectiveOn < latest.effective_on) {
    throw AppError.validation(
      'statusEffectiveOn',
      `must not be before the current status took effect (${latest.effective_on})`,
    );
  }
  await insertStatusHistory(trx, {
    id: timeOrderedId(ctx.now().getTime()),
    site_id: site.id,
    status,
    effective_on: effectiveOn,
    reason: input.statusReason ?? null,
    changed_by: ctx.actor.userId,
    changed_at: ctx.now().toISOString(),
  });
  return { status, closed_on: ENDED.has(status) ? effectiveOn : null };
}
