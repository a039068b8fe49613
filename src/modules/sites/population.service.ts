import { z } from 'zod';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import { countActivePeopleBySite } from '../reporting/population.repository.js';
import { findEstimatesOfSites, findReconcileSetting } from './estimates.repository.js';
import {
  type Breakdown,
  type Closure,
  DEFAULT_RECONCILE_CONFIG,
  type ReconcileConfig,
  reconcile,
  type SiteNode,
} from './sites.reconcile.js';
import { findSiteSubtree, findStatusHistory } from './sites.repository.js';
import { assertNotFuture, requireSite, todayOf } from './sites.rules.js';
import { SOURCE_KINDS } from './sites.schema.js';
import type { PopulationEstimatesTable, SiteStatusHistoryTable, SitesTable } from './sites.tables.js';

const Weight = z.number().min(0).max(1);
const ConfigOverride = z.object({
  reliability: z.partialRecord(z.enum(SOURCE_KINDS), Weight).optional(),
  halfLifeDays: z.number().positive().max(3650).optional(),
  maxAgeDays: z.number().int().positive().max(3650).nullable().optional(),
});

/**
 * The reconciliation weights: defaults, or a deployment's override in settings
 * (`sites.reconciliation`, JSON such as {"halfLifeDays": 30, "reliability": {"authority": 0.8}}).
 * An override that does not parse is ignored rather than breaking every population figure.
 */
export async function loadReconcileConfig(db: Executor): Promise<ReconcileConfig> {
  const stored = await findReconcileSetting(db);
  if (!stored) return DEFAULT_RECONCILE_CONFIG;
  let parsed: z.infer<typeof ConfigOverride>;
  try {
    parsed = ConfigOverride.parse(JSON.parse(stored));
  } catch {
    return DEFAULT_RECONCILE_CONFIG;
  }
  return {
    reliability: { ...DEFAULT_RECONCILE_CONFIG.reliability, ...parsed.reliability },
    halfLifeDays: parsed.halfLifeDays ?? DEFAULT_RECONCILE_CONFIG.halfLifeDays,
    maxAgeDays: parsed.maxAgeDays === undefined ? DEFAULT_RECONCILE_CONFIG.maxAgeDays : parsed.maxAgeDays,
  };
}

interface Evidence {
  root: SitesTable;
  sites: SitesTable[];
  estimates: PopulationEstimatesTable[];
  history: SiteStatusHistoryTable[];
  registered: Map<string, number>;
  config: ReconcileConfig;
}

/** Everything the reconciliation of a site needs: the site, its zones, their figures and history. */
async function loadEvidence(ctx: ServiceContext, siteId: string): Promise<Evidence> {
  const root = await requireSite(ctx.db, siteId);
  const sites = await findSiteSubtree(ctx.db, siteId);
  const ids = sites.map((s) => s.id);
  const [estimates, history, registered, config] = await Promise.all([
    findEstimatesOfSites(ctx.db, ids),
    findStatusHistory(ctx.db, ids),
    countActivePeopleBySite(ctx.db, ids),
    loadReconcileConfig(ctx.db),
  ]);
  return { root, sites, estimates, history, registered, config };
}

/** The dismantled or closed status in force on a date, if the site had ended by then. */
function closureOn(history: SiteStatusHistoryTable[], date: string): Closure | null {
  const inForce = history.filter((h) => h.effective_on <= date).at(-1);
  if (!inForce || (inForce.status !== 'dismantled' && inForce.status !== 'closed')) return null;
  return { status: inForce.status, on: inForce.effective_on };
}

function buildTree(evidence: Evidence, date: string): SiteNode {
  const build = (site: SitesTable, path: Set<string>): SiteNode => ({
    siteId: site.id,
    name: site.name,
    estimates: evidence.estimates
      .filter((e) => e.site_id === site.id)
      .map((e) => ({
        id: e.id,
        siteId: e.site_id,
        date: e.estimated_on,
        sourceName: e.source_name,
        sourceKind: e.source_kind,
        low: e.low,
        high: e.high,
        point: e.point,
        method: e.method,
        breakdown: e.breakdown ? (JSON.parse(e.breakdown) as Breakdown) : null,
        supersedesId: e.supersedes_id,
        createdAt: e.created_at,
      })),
    registeredPresent: evidence.registered.get(site.id) ?? 0,
    closure: closureOn(
      evidence.history.filter((h) => h.site_id === site.id),
      date,
    ),
    children: evidence.sites
      .filter((child) => child.parent_id === site.id && !path.has(child.id))
      .map((child) => build(child, new Set([...path, child.id]))),
  });
  return build(evidence.root, new Set([evidence.root.id]));
}

export async function getPopulation(ctx: ServiceContext, siteId: string, date?: string) {
  assertNotFuture(ctx, 'date', date);
  const today = todayOf(ctx);
  const asOf = date ?? today;
  const evidence = await loadEvidence(ctx, siteId);
  return reconcile(buildTree(evidence, asOf), asOf, { config: evidence.config, applyFloor: asOf === today });
}

const MAX_SERIES_POINTS = 120;

/**
 * The reconciled band over time, for the chart: one point on every day a figure or a status of
 * the site or its zones changed, and today. Reconciliation is pure and the evidence is loaded
 * once, so the points cost no further queries.
 */
export async function getPopulationSeries(ctx: ServiceContext, siteId: string, from?: string, to?: string) {
  assertNotFuture(ctx, 'to', to);
  if (from && to && from > to) throw AppError.validation('from', `must not be after to (${to})`);
  const today = todayOf(ctx);
  const end = to ?? today;
  const evidence = await loadEvidence(ctx, siteId);
  const days = new Set<string>([end]);
  for (const e of evidence.estimates) days.add(e.estimated_on);
  for (const h of evidence.history) days.add(h.effective_on);
  const dates = [...days]
    .filter((d) => d <= end && (!from || d >= from))
    .sort()
    .slice(-MAX_SERIES_POINTS);
  return dates.map((day) => {
    const r = reconcile(buildTree(evidence, day), day, {
      config: evidence.config,
      applyFloor: day === today,
    });
    return {
      date: day,
      basis: r.basis,
      range: r.range,
      central: r.central?.value ?? null,
      divergenceRatio: r.divergenceRatio,
      sources: r.basis === 'zones' ? r.zones.reduce((n, z) => n + z.sources.length, 0) : r.sources.length,
    };
  });
}
