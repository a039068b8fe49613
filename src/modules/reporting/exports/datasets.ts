import type { Executor } from '../../../db/engine.js';
import { STAGES } from '../../reunification/reunification.enums.js';
import { CASE_TYPES, weeksOf } from '../activity-section.js';
import { countPeopleByNationality, countPeopleBySiteSexAge } from '../population.repository.js';
import { buildPopulation } from '../population-section.js';
import { type Count, ZERO } from '../published-counts.js';
import type { ResolvedReport } from '../report-filter.js';
import {
  countCasesBySite,
  countNeedsBySite,
  countRelocationsBySite,
  countReunificationByBasis,
} from './datasets.repository.js';
import {
  type Coarsening,
  LOCATION_COLUMNS,
  type Location,
  locationCells,
  locationsOf,
  type Measure,
  measuresTable,
  NO_SITE,
} from './measures-table.js';
import type { ExportColumn, ExportTable, ExportValue } from './table.js';

export const AGGREGATE_DATASETS = ['population', 'needs', 'relocations', 'cases', 'reunification'] as const;
export type AggregateDataset = (typeof AGGREGATE_DATASETS)[number];

type Counts = Map<string, Count>;
const add = (map: Counts, key: string, n: number, own: number) => {
  const c = map.get(key) ?? ZERO;
  map.set(key, { value: c.value + n, own: c.own + own });
};

const SOURCE: ExportColumn = { header: 'Source', hxl: '#meta+source' };
const REPORTED: ExportColumn = { header: 'Reported on', hxl: '#date+reported' };

function finish(
  report: ResolvedReport,
  columns: ExportColumn[],
  rows: ExportValue[][],
  source: string,
): ExportTable {
  const scope = report.scope === 'all' ? 'all organisations' : 'one organisation';
  return {
    columns: [...columns, SOURCE],
    rows: rows.map((row) => [...row, `Passerelle ${source}, ${scope}`]),
    suppressedAs: `<${report.threshold}`,
  };
}

/** Rows of locations (plus "no current site" when someone has none) × measures. */
function byLocation(
  report: ResolvedReport,
  locations: Location[],
  counts: Counts,
  extraRows: string[],
  base: readonly string[],
  printed: readonly Measure[],
  forced?: (row: string, key: string) => boolean,
) {
  const rows = [...locations.map((l) => l.key), ...extraRows];
  const values = measuresTable(report, {
    rows,
    base,
    printed,
    valueOf: (row, key) => counts.get(`${row}|${key}`) ?? ZERO,
    ...(forced ? { forced } : {}),
  });
  return rows.map((key, r) => {
    const location = locations.find((l) => l.key === key) ?? {
      key,
      region: '',
      name: key,
      code: '',
      kind: '',
    };
    return [...locationCells(location), ...values[r]!];
  });
}

const hasNoSite = (counts: Counts) => [...counts.keys()].some((k) => k.startsWith(`${NO_SITE}|`));
const SEX_GROUPS = ['f', 'm', 'o'] as const;
const AGE_GROUPS = ['children', 'adults', 'unknown'] as const;
const POPULATION_BASE = SEX_GROUPS.flatMap((s) => AGE_GROUPS.map((a) => `${s}_${a}`));

async function population(db: Executor, report: ResolvedReport, coarsen: Coarsening): Promise<ExportTable> {
  const { list, keyOf } = locationsOf(report, coarsen);
  const counts: Counts = new Map();
  const people = await countPeopleBySiteSexAge(db, report.filter);
  // The overview publishes each site's present count: what it hides, this file hides too, so the
  // two cannot be played against each other (a region hides when one of its sites does).
  const hiddenLocations = new Set<string>();
  if (!report.exact && !report.filter.siteIds) {
    const nationalities = await countPeopleByNationality(db, report.filter);
    const roots = report.sites.filter((s) => s.parent_id === null);
    const hidden = buildPopulation(report, people, nationalities, roots).hiddenSites();
    for (const id of hidden.sites) hiddenLocations.add(keyOf(id));
    if (hidden.noSite) hiddenLocations.add(NO_SITE);
  }
  for (const r of people) {
    const sex = r.sex === 'female' ? 'f' : r.sex === 'male' ? 'm' : 'o';
    const age =
      r.band === 'unknown' ? 'unknown' : ['0-4', '5-11', '12-17'].includes(r.band) ? 'children' : 'adults';
    add(counts, `${keyOf(r.siteId)}|${sex}_${age}`, r.n, r.own);
  }
  const printed: Measure[] = [
    { key: 'total', header: 'People present', hxl: '#affected+total', parts: POPULATION_BASE },
    {
      key: 'f',
      header: 'Women and girls',
      hxl: '#affected+f',
      parts: ['f_children', 'f_adults', 'f_unknown'],
    },
    { key: 'm', header: 'Men and boys', hxl: '#affected+m', parts: ['m_children', 'm_adults', 'm_unknown'] },
    {
      key: 'children',
      header: 'Children (0–17)',
      hxl: '#affected+children',
      parts: ['f_children', 'm_children', 'o_children'],
    },
    { key: 'f_children', header: 'Girls (0–17)', hxl: '#affected+f+children' },
    { key: 'm_children', header: 'Boys (0–17)', hxl: '#affected+m+children' },
    { key: 'f_adults', header: 'Women (18+)', hxl: '#affected+f+adults' },
    { key: 'm_adults', header: 'Men (18+)', hxl: '#affected+m+adults' },
  ];
  const rows = byLocation(
    report,
    list,
    counts,
    hasNoSite(counts) ? [NO_SITE] : [],
    POPULATION_BASE,
    printed,
    (row, key) => key === 'total' && hiddenLocations.has(row),
  );
  return finish(
    report,
    [...LOCATION_COLUMNS, ...printed.map(({ header, hxl }) => ({ header, hxl })), REPORTED],
    rows.map((row) => [...row, report.filter.to]),
    'registry (people registered and present; ages from birth years)',
  );
}

const NEED_HXL: Record<string, string> = {
  CR: '#inneed+children+at_risk',
  SC: '#inneed+children+unaccompanied_separated',
  WR: '#inneed+f+at_risk',
  SV: '#inneed+sgbv',
  ER: '#inneed+elderly+at_risk',
  SP: '#inneed+single_caregiver',
  DS: '#inneed+disabled',
  SM: '#inneed+medical',
  LP: '#inneed+legal_protection',
  TR: '#inneed+torture',
  FU: '#inneed+family_unity',
  TI: '#inneed+trafficking_risk',
};

async function needs(db: Executor, report: ResolvedReport, coarsen: Coarsening): Promise<ExportTable> {
  const { list, keyOf } = locationsOf(report, coarsen);
  const data = await countNeedsBySite(db, report.filter);
  const counts: Counts = new Map();
  for (const r of data.byCategory) add(counts, `${keyOf(r.siteId)}|${r.category}`, r.n, r.own);
  for (const r of data.any) add(counts, `${keyOf(r.siteId)}|any`, r.n, r.own);
  // A person may have needs of several categories, so no column is the sum of others.
  const printed: Measure[] = [
    { key: 'any', header: 'People with specific needs', hxl: '#inneed+total' },
    ...Object.entries(NEED_HXL).map(([key, hxl]) => ({ key, header: `Specific needs ${key}`, hxl })),
  ];
  const rows = byLocation(
    report,
    list,
    counts,
    hasNoSite(counts) ? [NO_SITE] : [],
    printed.map((m) => m.key),
    printed,
  );
  return finish(
    report,
    [...LOCATION_COLUMNS, ...printed.map(({ header, hxl }) => ({ header, hxl })), REPORTED],
    rows.map((row) => [...row, report.filter.to]),
    'registry (people with current UNHCR specific-needs codes, by category)',
  );
}

const CASE_STATUSES = ['open', 'assessment', 'case_plan', 'implementation', 'closed'] as const;

async function cases(db: Executor, report: ResolvedReport, coarsen: Coarsening): Promise<ExportTable> {
  const { list, keyOf } = locationsOf(report, coarsen);
  const counts: Counts = new Map();
  for (const r of await countCasesBySite(db, report.filter))
    add(counts, `${keyOf(r.siteId)}|${r.type}|${r.status}`, r.n, r.own);
  const rowKeys = [...list.map((l) => l.key), ...(hasNoSite(counts) ? [NO_SITE] : [])].flatMap((loc) =>
    CASE_TYPES.map((type) => `${loc}|${type}`),
  );
  const printed: Measure[] = [
    ...CASE_STATUSES.map((s) => ({
      key: s,
      header: `Cases: ${s.replace('_', ' ')}`,
      hxl: `#indicator+num+${s}`,
    })),
    {
      key: 'active',
      header: 'Cases not closed',
      hxl: '#indicator+num+active',
      parts: CASE_STATUSES.slice(0, 4),
    },
    { key: 'total', header: 'Cases', hxl: '#indicator+num+total', parts: CASE_STATUSES },
  ];
  const values = measuresTable(report, {
    rows: rowKeys,
    base: CASE_STATUSES,
    printed,
    valueOf: (row, key) => counts.get(`${row}|${key}`) ?? ZERO,
    groupOf: (row) => row.split('|')[1] ?? '',
  });
  const rows = rowKeys.map((key, r) => {
    const [loc, type] = key.split('|') as [string, string];
    const location = list.find((l) => l.key === loc) ?? {
      key: loc,
      region: '',
      name: loc,
      code: '',
      kind: '',
    };
    return [...locationCells(location), type, ...values[r]!, report.filter.to];
  });
  return finish(
    report,
    [
      ...LOCATION_COLUMNS,
      { header: 'Case type', hxl: '#subsector+code' },
      ...printed.map(({ header, hxl }) => ({ header, hxl })),
      REPORTED,
    ],
    rows,
    'protection case management (by the person’s current site)',
  );
}

async function relocations(db: Executor, report: ResolvedReport, coarsen: Coarsening): Promise<ExportTable> {
  // Destinations are named even outside a site filter: the filter picks the journeys, not the rows.
  const { list, keyOf } = locationsOf({ ...report, sitesInFilter: report.sites }, coarsen);
  const counts: Counts = new Map();
  const centres = new Set<string>();
  for (const r of await countRelocationsBySite(db, report.filter)) {
    const loc = keyOf(r.siteId);
    centres.add(loc);
    add(counts, `${r.week}|${loc}|${r.status}`, r.n, r.own);
  }
  const destinations = list.filter((l) => centres.has(l.key));
  const rowKeys = weeksOf(report.filter.from, report.filter.to).flatMap((week) =>
    destinations.map((d) => `${week}|${d.key}`),
  );
  const printed: Measure[] = [
    { key: 'departed', header: 'People departed', hxl: '#affected+relocated' },
    { key: 'arrived', header: 'People arrived', hxl: '#affected+arrived' },
    { key: 'returned', header: 'People returned to the camp', hxl: '#affected+returned' },
  ];
  const values = measuresTable(report, {
    rows: rowKeys,
    base: ['departed', 'arrived', 'returned'],
    printed,
    valueOf: (row, key) => counts.get(`${row}|${key}`) ?? ZERO,
    groupOf: (row) => row.split('|')[0] ?? '',
  });
  const rows = rowKeys.map((key, r) => {
    const [week, loc] = key.split('|') as [string, string];
    return [week, ...locationCells(destinations.find((d) => d.key === loc)!), ...values[r]!];
  });
  return finish(
    report,
    [
      { header: 'Week starting', hxl: '#date+start' },
      ...LOCATION_COLUMNS,
      ...printed.map(({ header, hxl }) => ({ header, hxl })),
    ],
    rows,
    'reception (relocations by destination centre and week of the event)',
  );
}

async function reunification(db: Executor, report: ResolvedReport): Promise<ExportTable> {
  const counts: Counts = new Map();
  const bases = new Set<string>();
  for (const r of await countReunificationByBasis(db, report.filter)) {
    bases.add(r.basis);
    add(counts, `${r.basis}|${r.stage}`, r.n, r.own);
  }
  const rowKeys = [...bases].sort();
  const printed: Measure[] = [
    ...STAGES.map((s) => ({ key: s, header: `Stage: ${s.replace(/_/g, ' ')}`, hxl: `#indicator+num+${s}` })),
    { key: 'total', header: 'Reunification cases', hxl: '#indicator+num+total', parts: STAGES },
  ];
  const values = measuresTable(report, {
    rows: rowKeys,
    base: STAGES,
    printed,
    valueOf: (row, key) => counts.get(`${row}|${key}`) ?? ZERO,
  });
  return finish(
    report,
    [
      { header: 'Legal basis', hxl: '#indicator+legal_basis' },
      ...printed.map(({ header, hxl }) => ({ header, hxl })),
      REPORTED,
    ],
    rowKeys.map((basis, r) => [basis, ...values[r]!, report.filter.to]),
    'family reunification (cases by legal basis and stage)',
  );
}

export async function buildAggregateTable(
  db: Executor,
  report: ResolvedReport,
  dataset: AggregateDataset,
  coarsen: Coarsening,
): Promise<ExportTable> {
  switch (dataset) {
    case 'population':
      return population(db, report, coarsen);
    case 'needs':
      return needs(db, report, coarsen);
    case 'cases':
      return cases(db, report, coarsen);
    case 'relocations':
      return relocations(db, report, coarsen);
    case 'reunification':
      return reunification(db, report);
  }
}
