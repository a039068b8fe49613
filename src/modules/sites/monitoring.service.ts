import type { z } from 'zod';
import {
  decryptField,
  encryptField,
  generateDataKey,
  randomId,
  timeOrderedId,
  unwrapDataKey,
  wrapDataKey,
} from '../../crypto/index.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import {
  countIncidents,
  findAllAssessments,
  findAssessmentsPage,
  findIncidentsInScope,
  insertAssessment,
  insertIncident,
} from './monitoring.repository.js';
import {
  COUNT_INDICATORS,
  type CreateAssessmentBody,
  type CreateIncidentBody,
  SEVERITY_INDICATORS,
} from './monitoring.schema.js';
import { presentAssessment } from './sites.presenter.js';
import { findSiteSubtree } from './sites.repository.js';
import { assertNotFuture, requireSite } from './sites.rules.js';
import type { IncidentsTable } from './sites.tables.js';

export type CreateAssessmentInput = z.infer<typeof CreateAssessmentBody> & { isDemo?: boolean };
export type CreateIncidentInput = z.infer<typeof CreateIncidentBody> & { isDemo?: boolean };

function actingOrgId(ctx: ServiceContext): string {
  if (!ctx.actor.orgId)
    throw new AppError('forbidden', 'Only a member of an organisation records field data.');
  return ctx.actor.orgId;
}

export async function addAssessment(ctx: ServiceContext, siteId: string, input: CreateAssessmentInput) {
  const orgId = actingOrgId(ctx);
  assertNotFuture(ctx, 'date', input.date);
  const id = timeOrderedId(ctx.now().getTime());
  return ctx.db.transaction().execute(async (trx) => {
    await requireSite(trx, siteId);
    const row = {
      id,
      site_id: siteId,
      org_id: orgId,
      assessed_on: input.date,
      shelter_severity: input.shelter,
      wash_severity: input.waterSanitation,
      health_severity: input.healthAccess,
      protection_severity: input.protection,
      latrines: input.latrines ?? null,
      water_points: input.waterPoints ?? null,
      showers: input.showers ?? null,
      protection_risks: JSON.stringify(input.protectionRisks),
      services: JSON.stringify(input.servicesPresent),
      key_informants: JSON.stringify(input.keyInformants),
      is_demo: input.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    };
    await insertAssessment(trx, row);
    await recordAudit(trx, ctx, {
      action: 'site_assessment.create',
      entity: 'site_assessment',
      entityId: id,
      details: { siteId },
    });
    return row;
  });
}

export async function listAssessments(
  ctx: ServiceContext,
  filter: { siteId: string; before?: [string, string]; limit: number },
) {
  await requireSite(ctx.db, filter.siteId);
  return findAssessmentsPage(ctx.db, filter);
}

/** One series per indicator, oldest first; counts appear only on the days they were given. */
export async function getAssessmentSeries(ctx: ServiceContext, siteId: string) {
  await requireSite(ctx.db, siteId);
  const assessments = (await findAllAssessments(ctx.db, siteId)).map(presentAssessment);
  return [...SEVERITY_INDICATORS, ...COUNT_INDICATORS].map((indicator) => ({
    indicator,
    points: assessments.flatMap((a) => {
      const value = a[indicator];
      return value === null ? [] : [{ date: a.date, value }];
    }),
  }));
}

const descriptionAad = (id: string) => `incidents|${id}|description`;

/**
 * Records an incident. The description may name victims or witnesses, so it is encrypted under
 * a data key of its own (deleting `wrapped_key` erases it, in backups too); kind, severity,
 * date and numbers stay plain for the aggregates protection monitoring reports.
 */
export async function addIncident(ctx: ServiceContext, siteId: string, input: CreateIncidentInput) {
  const orgId = actingOrgId(ctx);
  assertNotFuture(ctx, 'date', input.date);
  const id = randomId();
  let sealed: { description: string; wrapped_key: string; key_version: number } | null = null;
  if (input.description) {
    const dataKey = generateDataKey();
    try {
      sealed = {
        description: encryptField(dataKey, input.description, descriptionAad(id)),
        wrapped_key: wrapDataKey(ctx.keys, dataKey, id),
        key_version: ctx.keys.version,
      };
    } finally {
      dataKey.fill(0);
    }
  }
  return ctx.db.transaction().execute(async (trx) => {
    await requireSite(trx, siteId);
    const row: IncidentsTable = {
      id,
      site_id: siteId,
      org_id: orgId,
      occurred_on: input.date,
      kind: input.kind,
      severity: input.severity,
      people_affected: input.peopleAffected ?? null,
      description: sealed?.description ?? null,
      wrapped_key: sealed?.wrapped_key ?? null,
      key_version: sealed?.key_version ?? null,
      is_demo: input.isDemo ? 1 : 0,
      created_by: ctx.actor.userId,
      created_at: ctx.now().toISOString(),
    };
    await insertIncident(trx, row);
    await recordAudit(trx, ctx, {
      action: 'incident.create',
      entity: 'incident',
      entityId: id,
      details: { siteId, kind: input.kind, severity: input.severity },
    });
    return row;
  });
}

/** Counts by kind, severity and month for the site and its zones, across every organisation. */
export async function summariseIncidents(
  ctx: ServiceContext,
  siteId: string,
  range: { from?: string; to?: string },
) {
  if (range.from && range.to && range.from > range.to)
    throw AppError.validation('from', `must not be after to (${range.to})`);
  await requireSite(ctx.db, siteId);
  const siteIds = (await findSiteSubtree(ctx.db, siteId)).map((s) => s.id);
  const groups = await countIncidents(ctx.db, { siteIds, ...range });
  const byKind: Record<string, number> = {};
  const bySeverity: Record<string, number> = {};
  const byMonth = new Map<string, { count: number; peopleAffected: number }>();
  let total = 0;
  let peopleAffected = 0;
  for (const g of groups) {
    const [n, affected] = [Number(g.n), Number(g.affected ?? 0)];
    total += n;
    peopleAffected += affected;
    byKind[g.kind] = (byKind[g.kind] ?? 0) + n;
    bySeverity[g.severity] = (bySeverity[g.severity] ?? 0) + n;
    const month = byMonth.get(g.month) ?? { count: 0, peopleAffected: 0 };
    byMonth.set(g.month, { count: month.count + n, peopleAffected: month.peopleAffected + affected });
  }
  return {
    siteId,
    sitesCovered: siteIds.length,
    from: range.from ?? null,
    to: range.to ?? null,
    total,
    peopleAffected,
    byKind,
    bySeverity,
    byMonth: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, v]) => ({ month, ...v })),
  };
}

/**
 * Incidents with their descriptions decrypted, for protection staff of the recording
 * organisation (or one it was shared with). Reading them is an access to personal data: audited.
 */
export async function listIncidentDetails(
  ctx: ServiceContext,
  siteId: string,
  filter: { from?: string; to?: string; before?: [string, string]; limit: number },
) {
  await requireSite(ctx.db, siteId);
  return ctx.db.transaction().execute(async (trx) => {
    const siteIds = (await findSiteSubtree(trx, siteId)).map((s) => s.id);
    const rows = await findIncidentsInScope(trx, ctx.actor, { siteIds, ...filter, limit: filter.limit + 1 });
    const shown = rows.slice(0, filter.limit);
    const items = shown.map((row) => ({ row, description: decryptDescription(ctx, row) }));
    await recordAudit(trx, ctx, {
      action: 'incident.read',
      entity: 'incident',
      details: { siteId, count: shown.length, ids: shown.map((r) => r.id) },
    });
    return { items, hasMore: rows.length > filter.limit };
  });
}

function decryptDescription(ctx: ServiceContext, row: IncidentsTable): string | null {
  // A description whose key was deleted has been erased: it reads as absent.
  if (!row.description || !row.wrapped_key) return null;
  const dataKey = unwrapDataKey(ctx.keys, row.wrapped_key, row.id);
  try {
    return decryptField(dataKey, row.description, descriptionAad(row.id));
  } finally {
    dataKey.fill(0);
  }
}
