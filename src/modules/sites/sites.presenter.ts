import type { Actor } from '../access/actor.js';
import type { INCIDENT_KINDS, INCIDENT_SEVERITIES } from './monitoring.schema.js';
import { allowedSiteActions } from './sites.policy.js';
import type { Breakdown, Reconciliation } from './sites.reconcile.js';
import type {
  IncidentsTable,
  PopulationEstimatesTable,
  SiteAssessmentsTable,
  SiteStatusHistoryTable,
  SitesTable,
} from './sites.tables.js';

// Presenters whitelist what leaves the server: rows never go out as they are.

export function presentSite(site: SitesTable, statusSince: string | null, actor: Actor) {
  return {
    id: site.id,
    name: site.name,
    kind: site.kind,
    status: site.status,
    statusSince,
    parentId: site.parent_id,
    location:
      site.latitude === null || site.longitude === null
        ? null
        : {
            latitude: Number(site.latitude),
            longitude: Number(site.longitude),
            ...(site.outline ? { outline: JSON.parse(site.outline) as unknown } : {}),
          },
    region: site.region,
    contact: site.contact,
    managedBy: site.managed_by,
    orgId: site.org_id,
    openedOn: site.opened_on,
    closedOn: site.closed_on,
    isDemo: site.is_demo === 1,
    createdAt: site.created_at,
    updatedAt: site.updated_at,
    allowed: allowedSiteActions(actor, site),
  };
}

export function presentSiteDetail(
  site: SitesTable,
  history: SiteStatusHistoryTable[],
  children: SitesTable[],
  actor: Actor,
) {
  return {
    ...presentSite(site, history.at(-1)?.effective_on ?? null, actor),
    statusHistory: history.map((h) => ({
      status: h.status,
      effectiveOn: h.effective_on,
      reason: h.reason,
      changedAt: h.changed_at,
    })),
    children: children.map((c) => ({ id: c.id, name: c.name, kind: c.kind, status: c.status })),
  };
}

export function presentEstimate(row: PopulationEstimatesTable & { superseded_by_id?: string | null }) {
  const supersededById = row.superseded_by_id ?? null;
  return {
    id: row.id,
    siteId: row.site_id,
    date: row.estimated_on,
    sourceName: row.source_name,
    sourceKind: row.source_kind,
    method: row.method,
    low: row.low,
    high: row.high,
    point: row.point,
    breakdown: row.breakdown ? (JSON.parse(row.breakdown) as Breakdown) : null,
    supersedesId: row.supersedes_id,
    supersededById,
    isCurrent: supersededById === null,
    orgId: row.org_id,
    createdAt: row.created_at,
  };
}

const METHOD_DESCRIPTION =
  'Weighted median of the latest figure of each current source; weight = reliability of the source kind × 0.5^(age in days ÷ half-life). A source without a point value counts as the middle of its range. Sites with zones sum their zones when the zones were reported more recently.';

export function presentPopulation(r: Reconciliation) {
  return {
    siteId: r.siteId,
    siteName: r.name,
    date: r.date,
    basis: r.basis,
    range: r.range,
    central: r.central,
    method: {
      name: 'weighted_median' as const,
      description: METHOD_DESCRIPTION,
      reliability: r.config.reliability,
      halfLifeDays: r.config.halfLifeDays,
      maxAgeDays: r.config.maxAgeDays,
    },
    divergenceRatio: r.divergenceRatio,
    newestFigureOn: newestFigureOn(r),
    registeredPresent: r.registeredPresent,
    floorApplied: r.floorApplied,
    closure: r.closure,
    sources: r.sources.map((s) => ({ ...s, weight: Math.round(s.weight * 1000) / 1000 })),
    ignored: r.ignored,
    breakdown: r.breakdown,
    zones: r.zones.map((z) => ({
      siteId: z.siteId,
      name: z.name,
      basis: z.basis,
      range: z.range,
      central: z.central,
      divergenceRatio: z.divergenceRatio,
      registeredPresent: z.registeredPresent,
    })),
    statement: r.statement,
  };
}

function newestFigureOn(r: Reconciliation): string | null {
  const dates = (r.basis === 'zones' ? r.zones.flatMap((z) => z.sources) : r.sources).map((s) => s.date);
  return dates.length > 0 ? (dates.sort().at(-1) ?? null) : null;
}

const parseList = <T>(json: string): T[] => JSON.parse(json) as T[];

export function presentAssessment(row: SiteAssessmentsTable) {
  return {
    id: row.id,
    siteId: row.site_id,
    date: row.assessed_on,
    shelter: row.shelter_severity,
    waterSanitation: row.wash_severity,
    healthAccess: row.health_severity,
    protection: row.protection_severity,
    latrines: row.latrines,
    waterPoints: row.water_points,
    showers: row.showers,
    protectionRisks: parseList<string>(row.protection_risks),
    servicesPresent: parseList<string>(row.services),
    keyInformants: parseList<{ kind: string; count: number }>(row.key_informants),
    orgId: row.org_id,
    createdAt: row.created_at,
  };
}

/** `description` is passed only after the caller's role and scope allowed decrypting it. */
export function presentIncident(row: IncidentsTable, description?: string | null) {
  return {
    id: row.id,
    siteId: row.site_id,
    date: row.occurred_on,
    // Only values of these enumerations are ever written (CreateIncidentBody).
    kind: row.kind as (typeof INCIDENT_KINDS)[number],
    severity: row.severity as (typeof INCIDENT_SEVERITIES)[number],
    peopleAffected: row.people_affected,
    hasDescription: row.description !== null,
    ...(description !== undefined ? { description } : {}),
    orgId: row.org_id,
    createdAt: row.created_at,
  };
}
