import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import type { OverviewResponse } from './reporting.schema.js';
import { suppress } from './suppression.js';
import type { World } from './testing/reporting.fixture.js';
import { buildWorld, PERIOD } from './testing/reporting.world.js';

describe('suppression', () => {
  it('hides counts from 1 to 4, shows zeros, and hides a complement so a total cannot give one back', () => {
    // a + b + c = total: a = 3 is small; showing b, c and the total would give it back.
    const hidden = suppress({ values: [3, 10, 0, 13], sums: [{ total: 3, parts: [0, 1, 2] }] }, 5);
    expect(hidden).toEqual([true, true, false, false]);
  });

  it('hides a count whose part from other organisations is small, even when the count is large', () => {
    // 13 people, 9 the viewer's own: the other 4 would show by subtraction.
    expect(suppress({ values: [13], own: [9], sums: [] }, 5)).toEqual([true]);
    expect(suppress({ values: [13], own: [8], sums: [] }, 5)).toEqual([false]);
  });

  it('hides a total rather than a headline part to protect a small part', () => {
    // registered (103) = present (100) + no current site (3): present is the headline figure.
    expect(suppress({ values: [3, 100, 103], sums: [{ total: 2, parts: [0, 1] }] }, 5)).toEqual([
      true,
      true,
      false,
    ]);
    expect(
      suppress({ values: [3, 100, 103], sums: [{ total: 2, parts: [0, 1] }], keep: new Set([1]) }, 5),
    ).toEqual([true, false, true]);
  });

  it('keeps a forced value undeterminable through a chain of totals', () => {
    // total = x + y, y = y1 + y2; x is forced hidden (another report hides it) though large.
    const hidden = suppress(
      {
        values: [20, 8, 12, 6, 6],
        sums: [
          { total: 0, parts: [1, 2] },
          { total: 2, parts: [3, 4] },
        ],
        forced: new Set([1]),
      },
      5,
    );
    expect(hidden[1]).toBe(true);
    // Not recoverable: either the total or y is hidden too.
    expect(hidden[0] || hidden[2]).toBe(true);
  });
});

const Q = `from=${PERIOD.from}&to=${PERIOD.to}`;

/** Small counts (1 to 4) worked out from a row or column with one hidden cell and a shown total. */
function recoverableCells(grid: OverviewResponse['population']['sexByAge']): string[] {
  const found: string[] = [];
  const check = (label: string, cells: Array<number | null>, total: number | null) => {
    if (total === null || cells.filter((c) => c === null).length !== 1) return;
    const value = total - cells.reduce<number>((s, c) => s + (c ?? 0), 0);
    if (value > 0 && value < 5) found.push(`${label}=${value}`);
  };
  for (const [r, row] of grid.cells.entries()) check(`row ${grid.rows[r]}`, row, grid.rowTotals[r] ?? null);
  for (const [c, column] of grid.columns.entries())
    check(
      `column ${column}`,
      grid.cells.map((row) => row[c] ?? null),
      grid.columnTotals[c] ?? null,
    );
  check('row totals', grid.rowTotals, grid.total);
  check('column totals', grid.columnTotals, grid.total);
  return found;
}

describeEngines('reporting suppression over the API', (h) => {
  let world: World;
  let analyst: TestUser;

  beforeAll(async () => {
    world = await buildWorld(h);
    analyst = await h.createUser(['analyst'], world.orgA);
  });

  const overview = async (query = '') => {
    const response = await analyst.api.get<OverviewResponse>(`/api/reports/overview?${Q}${query}`);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('never publishes a count from 1 to 4 anywhere in the overview', async () => {
    for (const query of ['', `&siteId=${world.camp}`, `&siteId=${world.zoneS}`, '&scope=organisation']) {
      const body = await overview(query);
      const small: string[] = [];
      const walk = (value: unknown, path: string) => {
        if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 5)
          small.push(`${path}=${value}`);
        if (Array.isArray(value)) {
          for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
        } else if (value && typeof value === 'object')
          for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      };
      // Places describe buildings and the period is dates: neither counts people.
      const { places: _places, period: _period, suppression: _s, reconciled: _r, ...people } = body;
      walk(people, 'overview');
      expect(small, query).toEqual([]);
    }
  });

  it('leaves no grid row or column with a single hidden cell beside its shown total', async () => {
    const body = await overview();
    expect(recoverableCells(body.population.sexByAge)).toEqual([]);
    expect(recoverableCells(body.children.grid)).toEqual([]);
    expect(recoverableCells(body.cases.typeByRisk)).toEqual([]);
  });

  it('does not let two site filters be subtracted to find a small group', async () => {
    // The north zone holds 13 people, 4 of them organisation B's: the analyst of A knows A's 9,
    // so the zone's count would give B's 4 away. Camp − south zone − the camp's own people would
    // be that count, so at least one of them must be hidden in every report that shows it.
    const all = await overview();
    const camp = await overview(`&siteId=${world.camp}`);
    const south = await overview(`&siteId=${world.zoneS}`);
    const north = await overview(`&siteId=${world.zoneN}`);
    const rowOf = (body: OverviewResponse, siteId: string) =>
      body.population.bySite.find((s) => s.siteId === siteId)!.present;
    const knownNorth = new Set<number | null>([
      north.population.present,
      rowOf(all, world.zoneN),
      rowOf(camp, world.zoneN),
    ]);
    expect([...knownNorth]).toEqual([null]);
    const campTotals = [
      camp.population.present,
      all.reconciled.find((r) => r.siteId === world.camp)?.registeredPresent,
    ];
    const southTotals = [south.population.present, rowOf(all, world.zoneS), rowOf(camp, world.zoneS)];
    const campOwn = [rowOf(all, world.camp), rowOf(camp, world.camp)];
    const shown = (values: Array<number | null | undefined>) => values.some((v) => typeof v === 'number');
    // All three shown would give the north zone by subtraction.
    expect(shown(campTotals) && shown(southTotals) && shown(campOwn)).toBe(false);
    // Registered (29) − present (27) would give the 2 people with no current site.
    expect(all.population.present).toBe(27);
    expect(all.population.registered).toBeNull();
  });

  it('hides a filtered report’s total and keeps its grid from giving it back', async () => {
    const south = await overview(`&siteId=${world.zoneS}`);
    expect(south.population.present).toBeNull();
    expect(south.population.sexByAge.total).toBeNull();
    const grid = south.population.sexByAge;
    const rowsShown = grid.rowTotals.every((v) => v !== null);
    const columnsShown = grid.columnTotals.every((v) => v !== null);
    expect(rowsShown && columnsShown).toBe(false);
  });
});
