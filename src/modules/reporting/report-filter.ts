import { type RawBuilder, sql } from 'kysely';
import type { Executor } from '../../db/engine.js';
import type { ServiceContext } from '../../server/context.js';
import { AppError } from '../../server/errors.js';
import type { SiteKind, SitesTable } from '../sites/sites.tables.js';
import {
  DEFAULT_SUPPRESSION_THRESHOLD,
  type ReportScope,
  seesExactCounts,
  THRESHOLD_SETTING,
} from './reporting.policy.js';

const DAY_MS = 86_400_000;
/** Default period: the last twelve weeks, the horizon of a fortnightly coordination meeting's charts. */
const DEFAULT_DAYS = 84;
const MAX_DAYS = 366 * 5;

export type SiteRow = Pick<SitesTable, 'id' | 'name' | 'kind' | 'region' | 'parent_id' | 'status'>;

/** What every aggregate query of one report is restricted to, resolved once. */
export interface AggregateFilter {
  /** Sites counted: the chosen site and its zones, or null for every site. */
  siteIds: string[] | null;
  /** The viewer's organisation: its part of each count is computed beside the count. */
  viewerOrgId: string | null;
  /** scope=organisation: only records this organisation owns. */
  onlyOrgId: string | null;
  from: string;
  to: string;
  /** Ages are the year of this date minus the birth year. */
  referenceYear: number;
}

export interface ResolvedReport {
  filter: AggregateFilter;
  sites: SiteRow[];
  /** The sites in the filter (every site when none was chosen). */
  sitesInFilter: SiteRow[];
  scope: ReportScope;
  exact: boolean;
  threshold: number;
  snappedToWeeks: boolean;
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const msOf = (day: string) => Date.parse(`${day}T00:00:00Z`);

export function dayAfter(day: string): string {
  return dayOf(msOf(day) + DAY_MS);
}

/** Monday on or before, Sunday on or after: whole ISO weeks. */
export function snapToWeeks(from: string, to: string): { from: string; to: string } {
  const weekday = (day: string) => (new Date(msOf(day)).getUTCDay() + 6) % 7;
  return {
    from: dayOf(msOf(from) - weekday(from) * DAY_MS),
    to: dayOf(msOf(to) + (6 - weekday(to)) * DAY_MS),
  };
}

export async function loadThreshold(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', THRESHOLD_SETTING)
    .executeTakeFirst();
  const value = row ? Number(row.value) : Number.NaN;
  // A deployment may raise the threshold; a broken or lower setting falls back to the default.
  return Number.isInteger(value) && value >= DEFAULT_SUPPRESSION_THRESHOLD
    ? value
    : DEFAULT_SUPPRESSION_THRESHOLD;
}

export async function loadSites(db: Executor): Promise<SiteRow[]> {
  return db
    .selectFrom('sites')
    .select(['id', 'name', 'kind', 'region', 'parent_id', 'status'])
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** The site and every zone below it, from the (small) list of all sites. */
export function subtreeOf(sites: readonly SiteRow[], rootId: string): SiteRow[] {
  const root = sites.find((s) => s.id === rootId);
  if (!root) return [];
  const result = [root];
  const seen = new Set([root.id]);
  for (let i = 0; i < result.length; i += 1) {
    for (const child of sites) {
      if (child.parent_id === result[i]!.id && !seen.has(child.id)) {
        seen.add(child.id);
        result.push(child);
      }
    }
  }
  return result;
}

export async function resolveReport(
  ctx: ServiceContext,
  query: { siteId?: string; from?: string; to?: string; scope: ReportScope },
  threshold?: number,
): Promise<ResolvedReport> {
  const today = ctx.now().toISOString().slice(0, 10);
  let to = query.to ?? today;
  let from = query.from ?? dayOf(msOf(to) - (DEFAULT_DAYS - 1) * DAY_MS);
  if (from > to) throw AppError.validation('from', `must not be after to (${to})`);
  if ((msOf(to) - msOf(from)) / DAY_MS > MAX_DAYS)
    throw AppError.validation('from', 'period must be at most 5 years');
  if (query.scope === 'organisation' && !ctx.actor.orgId)
    throw AppError.validation('scope', 'organisation needs a user of an organisation');
  const sites = await loadSites(ctx.db);
  let sitesInFilter = sites;
  if (query.siteId) {
    sitesInFilter = subtreeOf(sites, query.siteId);
    if (sitesInFilter.length === 0) throw AppError.notFound('site');
  }
  const exact = seesExactCounts(ctx.actor, query.scope);
  if (!exact) ({ from, to } = snapToWeeks(from, to));
  const configured = await loadThreshold(ctx.db);
  return {
    filter: {
      siteIds: query.siteId ? sitesInFilter.map((s) => s.id) : null,
      viewerOrgId: ctx.actor.orgId,
      onlyOrgId: query.scope === 'organisation' ? ctx.actor.orgId : null,
      from,
      to,
      referenceYear: Number(today.slice(0, 4)),
    },
    sites,
    sitesInFilter,
    scope: query.scope,
    exact,
    threshold: Math.max(configured, threshold ?? configured),
    snappedToWeeks: !exact,
  };
}

/** `1` when the row belongs to the viewer's organisation, else `0`: summed beside each count. */
export function ownFlag(column: string, orgId: string | null): RawBuilder<number> {
  if (!orgId) return sql<number>`0`;
  return sql<number>`case when ${sql.ref(column)} = ${orgId} then 1 else 0 end`;
}

export const CENTRE_KINDS: readonly SiteKind[] = ['reception_centre', 'orientation_centre'];

export const AGE_BANDS = ['0-4', '5-11', '12-17', '18-59', '60+', 'unknown'] as const;

export const AGE_DEFINITION =
  'Age = the year of the report minus the birth year (the registry keeps exact birth dates encrypted, so aggregates never read them): it is the age a person reaches during that year, so someone counted in 18–59 may still be 17 until their birthday, and a child counted as 17 may already be 18 only if born on 1 January. Birth years are often estimated at registration.';

/** The age band of a birth year, as SQL: every engine computes it while counting. */
export function ageBandSql(column: string, referenceYear: number): RawBuilder<string> {
  // A literal, not a parameter: PostgreSQL matches GROUP BY to the select list by text, and two
  // parameters are two different expressions to it. The year is an integer we computed.
  const age = sql`(${sql.lit(Math.trunc(referenceYear))} - ${sql.ref(column)})`;
  return sql<string>`case when ${sql.ref(column)} is null then 'unknown'
    when ${age} <= 4 then '0-4' when ${age} <= 11 then '5-11' when ${age} <= 17 then '12-17'
    when ${age} <= 59 then '18-59' else '60+' end`;
}
