import {
  type Breakdown,
  type BreakdownSummary,
  emptyBreakdown,
  sumBreakdowns,
  summariseBreakdowns,
} from './sites.breakdown.js';
import { composeStatement } from './sites.statement.js';
import type { EstimateSourceKind } from './sites.tables.js';

/**
 * Reconciling divergent population estimates (issue 5). Pure: no database, no clock. Sources are
 * held as evidence: the answer shows every current figure, the range they span, a central value
 * with its method and weights, how far the sources disagree, and the registry count as a floor.
 */

export type { Breakdown, BreakdownSummary, Span } from './sites.breakdown.js';

export interface EstimateInput {
  id: string;
  siteId: string;
  date: string;
  sourceName: string;
  sourceKind: EstimateSourceKind;
  low: number | null;
  high: number | null;
  point: number | null;
  method: string | null;
  breakdown: Breakdown | null;
  supersedesId: string | null;
  createdAt: string;
}

export interface SiteNode {
  siteId: string;
  name: string;
  estimates: EstimateInput[];
  /** People registered as present at this site itself (not its zones). */
  registeredPresent: number;
  /** A `dismantled` or `closed` status in force on the date asked, with its effective date. */
  closure: Closure | null;
  children: SiteNode[];
}

export interface Closure {
  status: 'dismantled' | 'closed';
  on: string;
}

export interface ReconcileConfig {
  /** How far each kind of source is trusted, 0–1. */
  reliability: Record<EstimateSourceKind, number>;
  /** A figure loses half its weight every this many days. */
  halfLifeDays: number;
  /**
   * Figures older than this stop counting; null keeps every source's latest figure, however old,
   * and lets recency weighting and the statement (which gives the age) say how much it is worth.
   */
  maxAgeDays: number | null;
}

/**
 * Defaults, replaceable per deployment (settings key `sites.reconciliation`). A headcount is a
 * count, not an estimate; authorities and NGOs get the same weight on purpose — in Calais each
 * had reasons to be low or high; registration undercounts (people avoid registering); key
 * informants are the least precise.
 */
export const DEFAULT_RECONCILE_CONFIG: ReconcileConfig = {
  reliability: {
    headcount: 1,
    un_agency: 0.8,
    authority: 0.7,
    ngo: 0.7,
    registration: 0.6,
    key_informant: 0.5,
  },
  halfLifeDays: 60,
  // No cutoff by default: a site last counted months ago still shows what was last known.
  maxAgeDays: null,
};

export interface CurrentSource {
  estimateId: string;
  siteId: string;
  sourceName: string;
  sourceKind: EstimateSourceKind;
  date: string;
  low: number | null;
  high: number | null;
  point: number | null;
  method: string | null;
  /** The single value this source contributes to the central value. */
  figure: number;
  ageDays: number;
  weight: number;
  belowFloor: boolean;
}

export interface IgnoredSource {
  estimateId: string;
  sourceName: string;
  date: string;
  reason: 'stale' | 'before_closure';
}

export interface Reconciliation {
  siteId: string;
  name: string;
  date: string;
  /** Where the headline comes from: this site's own sources, or the sum of its zones. */
  basis: 'sources' | 'zones' | 'none';
  sources: CurrentSource[];
  ignored: IgnoredSource[];
  range: { low: number; high: number } | null;
  central: { value: number; method: 'weighted_median' | 'sum_of_zones'; raisedToFloor: boolean } | null;
  /** Highest ÷ lowest current figure; null without figures or when the lowest is 0. */
  divergenceRatio: number | null;
  registeredPresent: number;
  floorApplied: boolean;
  closure: Closure | null;
  breakdown: BreakdownSummary;
  zones: Reconciliation[];
  config: ReconcileConfig;
  statement: string;
}

export interface ReconcileOptions {
  config?: ReconcileConfig;
  /** The registry knows who is present today, not on past dates: apply it only for today. */
  applyFloor: boolean;
}

const DAY_MS = 86_400_000;

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function reconcile(node: SiteNode, date: string, options: ReconcileOptions): Reconciliation {
  const config = options.config ?? DEFAULT_RECONCILE_CONFIG;
  const zones = node.children.map((child) => reconcile(child, date, { ...options, config }));
  const registeredPresent = node.registeredPresent + zones.reduce((sum, z) => sum + z.registeredPresent, 0);
  const { sources, ignored } = currentSources(node, date, config, options.applyFloor ? registeredPresent : 0);
  const reporting = zones.filter((z) => z.range !== null);
  const basis = chooseBasis(sources, reporting);

  let range: Reconciliation['range'] = null;
  let central: Reconciliation['central'] = null;
  let breakdown = emptyBreakdown();
  if (basis === 'sources') {
    range = {
      low: Math.min(...sources.map((s) => s.low ?? s.point ?? s.high ?? 0)),
      high: Math.max(...sources.map((s) => s.high ?? s.point ?? s.low ?? 0)),
    };
    central = {
      value: Math.round(weightedMedian(sources.map((s) => ({ value: s.figure, weight: s.weight })))),
      method: 'weighted_median',
      raisedToFloor: false,
    };
    breakdown = summariseBreakdowns(node.estimates, sources);
  } else if (basis === 'zones') {
    range = {
      low: reporting.reduce((sum, z) => sum + (z.range?.low ?? 0), 0),
      high: reporting.reduce((sum, z) => sum + (z.range?.high ?? 0), 0),
    };
    central = {
      value: reporting.reduce((sum, z) => sum + (z.central?.value ?? 0), 0),
      method: 'sum_of_zones',
      raisedToFloor: false,
    };
    breakdown = sumBreakdowns(reporting.map((z) => z.breakdown));
  }
  if (central && options.applyFloor && central.value < registeredPresent) {
    central = { ...central, value: registeredPresent, raisedToFloor: true };
  }
  const divergenceRatio = range && range.low > 0 ? range.high / range.low : null;
  const result: Omit<Reconciliation, 'statement'> = {
    siteId: node.siteId,
    name: node.name,
    date,
    basis,
    sources,
    ignored,
    range,
    central,
    divergenceRatio,
    registeredPresent,
    floorApplied: options.applyFloor,
    closure: node.closure,
    breakdown,
    zones,
    config,
  };
  return { ...result, statement: composeStatement(result) };
}

/** Latest non-superseded figure per source (name + kind), on or before the date, not stale. */
function currentSources(node: SiteNode, date: string, config: ReconcileConfig, floor: number) {
  const known = node.estimates.filter((e) => e.date <= date);
  const superseded = new Set(known.map((e) => e.supersedesId).filter((id): id is string => id !== null));
  const latest = new Map<string, EstimateInput>();
  for (const estimate of known) {
    if (superseded.has(estimate.id)) continue;
    const key = `${estimate.sourceKind}|${estimate.sourceName.trim().toLowerCase().replace(/\s+/g, ' ')}`;
    const held = latest.get(key);
    if (!held || compareEntries(estimate, held) > 0) latest.set(key, estimate);
  }
  const sources: CurrentSource[] = [];
  const ignored: IgnoredSource[] = [];
  for (const estimate of [...latest.values()].sort(compareEntries)) {
    const ageDays = daysBetween(estimate.date, date);
    const skip = (reason: IgnoredSource['reason']) =>
      ignored.push({ estimateId: estimate.id, sourceName: estimate.sourceName, date: estimate.date, reason });
    if (node.closure && estimate.date < node.closure.on) skip('before_closure');
    else if (config.maxAgeDays !== null && ageDays > config.maxAgeDays) skip('stale');
    else {
      const low = estimate.low ?? estimate.point ?? estimate.high ?? 0;
      const high = estimate.high ?? estimate.point ?? estimate.low ?? 0;
      sources.push({
        estimateId: estimate.id,
        siteId: estimate.siteId,
        sourceName: estimate.sourceName,
        sourceKind: estimate.sourceKind,
        date: estimate.date,
        low: estimate.low,
        high: estimate.high,
        point: estimate.point,
        method: estimate.method,
        // Without a point value a source stands for the middle of the range it gives.
        figure: estimate.point ?? (low + high) / 2,
        ageDays,
        weight: config.reliability[estimate.sourceKind] * 0.5 ** (ageDays / config.halfLifeDays),
        belowFloor: high < floor,
      });
    }
  }
  return { sources, ignored };
}

function compareEntries(a: EstimateInput, b: EstimateInput): number {
  return a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** Own sources unless the zones were reported more recently (a camp-wide figure from January
 *  should not hide March's zone counts); without either, nothing. */
function chooseBasis(sources: CurrentSource[], zones: Reconciliation[]): Reconciliation['basis'] {
  if (sources.length === 0) return zones.length > 0 ? 'zones' : 'none';
  if (zones.length === 0) return 'sources';
  const ownLatest = latestSourceDate(sources);
  return latestDateOf(zones) > ownLatest ? 'zones' : 'sources';
}

function latestSourceDate(sources: CurrentSource[]): string {
  return (
    sources
      .map((s) => s.date)
      .sort()
      .at(-1) ?? ''
  );
}

function latestDateOf(zones: Reconciliation[]): string {
  let latest = '';
  for (const zone of zones) {
    for (const source of zone.sources) if (source.date > latest) latest = source.date;
    const nested = latestDateOf(zone.zones);
    if (nested > latest) latest = nested;
  }
  return latest;
}

/**
 * The value at which half the total weight lies on each side. When the half falls exactly
 * between two values (two equally weighted sources), their midpoint, as an ordinary median does.
 */
export function weightedMedian(items: Array<{ value: number; weight: number }>): number {
  if (items.length === 0) return Number.NaN;
  // A configuration that gives every current source zero weight falls back to the plain median.
  const weighted = items.some((i) => i.weight > 0)
    ? items.filter((i) => i.weight > 0)
    : items.map((i) => ({ ...i, weight: 1 }));
  const sorted = weighted.sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, i) => sum + i.weight, 0);
  let cumulative = 0;
  for (const [index, item] of sorted.entries()) {
    cumulative += item.weight;
    const next = sorted[index + 1];
    if (next && Math.abs(cumulative - total / 2) <= total * 1e-9) return (item.value + next.value) / 2;
    if (cumulative > total / 2) return item.value;
  }
  return sorted.at(-1)?.value ?? Number.NaN;
}
