import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import type { OverviewResponse } from './reporting.schema.js';
import { insertPeople, insertSite } from './testing/reporting.fixture.js';

type Cell = number | null;
const small = (v: Cell | undefined) => typeof v === 'number' && v > 0 && v < 5;

/**
 * Nested site filters (issue 10): a camp with two zones, a centre, people with no site. Counted by
 * hand, all organisation B's (the analyst, of A, knows none of them):
 *   north zone  10 men 30, 10 women 30, 6 women 70 (elderly at risk, ER)
 *   south zone  10 men 30, 10 women 30, 2 women 70 (ER)          → women 60+ = 2: small
 *   camp itself nobody (the all-sites report shows 0 for it, so the camp is exactly its zones)
 *   centre       8 men 30,  6 women 30
 *   no site      6 men 30,  1 woman 30                           → women 18–59 = 1: small
 * Camp women 60+ (8) − north (6) would give the south zone's 2; all sites' women 18–59 (27) − camp
 * (20) − centre (6) would give the 1 woman with no site. Every report must hide those cells alike.
 */
describeEngines('reporting suppression across nested site filters', (h) => {
  let analyst: TestUser;
  const site: Record<'camp' | 'north' | 'south' | 'centre', string> = {
    camp: '',
    north: '',
    south: '',
    centre: '',
  };

  beforeAll(async () => {
    const orgA = (await h.createOrg()).id;
    const orgB = (await h.createOrg()).id;
    analyst = await h.createUser(['analyst'], orgA);
    const region = 'Hauts-de-France';
    site.camp = await insertSite(h.db, orgA, { name: 'Camp', kind: 'informal_settlement', region });
    site.north = await insertSite(h.db, orgA, {
      name: 'North zone',
      kind: 'camp_zone',
      parentId: site.camp,
      region,
    });
    site.south = await insertSite(h.db, orgA, {
      name: 'South zone',
      kind: 'camp_zone',
      parentId: site.camp,
      region,
    });
    site.centre = await insertSite(h.db, orgA, { name: 'Centre', kind: 'orientation_centre', region });
    const world = { year: new Date().getUTCFullYear() };
    const people = async (
      n: number,
      where: string | null,
      sex: 'male' | 'female',
      age: number,
      needs?: string[],
    ) => insertPeople(h.db, world, n, { org: orgB, site: where, sex, age, nationality: 'SDN', needs });
    await people(10, site.north, 'male', 30);
    await people(10, site.north, 'female', 30);
    await people(6, site.north, 'female', 70, ['ER-NF']);
    await people(10, site.south, 'male', 30);
    await people(10, site.south, 'female', 30);
    await people(2, site.south, 'female', 70, ['ER-NF']);
    await people(8, site.centre, 'male', 30);
    await people(6, site.centre, 'female', 30);
    await people(6, null, 'male', 30);
    await people(1, null, 'female', 30);
  });

  const overview = async (siteId?: string) => {
    const response = await analyst.api.get<OverviewResponse>(
      `/api/reports/overview${siteId ? `?siteId=${siteId}` : ''}`,
    );
    expect(response.status, response.raw).toBe(200);
    return response.body;
  };

  /** Every published value of the sex × age grid, cells then row, column and grand totals. */
  const gridValues = (o: OverviewResponse): Cell[] => {
    const g = o.population.sexByAge;
    return [...g.cells.flat(), ...g.rowTotals, ...g.columnTotals];
  };
  const needValues = (o: OverviewResponse): Cell[] => [
    o.needs.peopleWithNeeds,
    ...o.needs.byCategory.map((c) => c.count),
  ];

  it('hides the same breakdown cells whatever the site filter, so nested reports cannot be subtracted', async () => {
    const [all, camp, north, south, centre] = await Promise.all([
      overview(),
      overview(site.camp),
      overview(site.north),
      overview(site.south),
      overview(site.centre),
    ]);
    // The camp holds nobody itself, and every reader sees it: the camp is exactly its two zones.
    expect(all.population.bySite.find((s) => s.siteId === site.camp)?.present).toBe(0);

    const women = all.population.sexByAge.rows.indexOf('female');
    const elderly = all.population.sexByAge.columns.indexOf('60+');
    const adults = all.population.sexByAge.columns.indexOf('18-59');
    // South zone women 60+ (2): hidden there, and not recoverable as camp − north.
    expect(south.population.sexByAge.cells[women]![elderly]).toBeNull();
    expect(camp.population.sexByAge.cells[women]![elderly]).toBeNull();
    expect(north.population.sexByAge.cells[women]![elderly]).toBeNull();
    // The woman with no site: all sites − camp − centre must not be computable.
    const noSiteWomen = [all, camp, centre].map((o) => o.population.sexByAge.cells[women]![adults]);
    expect(noSiteWomen.some((v) => v === null)).toBe(true);
    // The elderly-at-risk need (ER): 8 in the camp, 6 north, 2 south.
    const er = (o: OverviewResponse) => o.needs.byCategory.find((c) => c.key === 'ER')?.count;
    expect(er(south)).toBeNull();
    expect([er(camp), er(north)].some((v) => v === null)).toBe(true);

    // In general: each breakdown value is shown in every report or hidden in every report, and
    // no tree sum (camp = north + south; all = camp + centre + no site) gives a small count back.
    for (const values of [gridValues, needValues]) {
      const [a, c, n, s, ce] = [all, camp, north, south, centre].map(values);
      for (let i = 0; i < a!.length; i += 1) {
        const row = [a![i], c![i], n![i], s![i], ce![i]];
        const hidden = row.filter((v) => v === null).length;
        expect(hidden === 0 || hidden === row.length, `position ${i}: ${row.join(' ')}`).toBe(true);
        for (const v of row) expect(small(v)).toBe(false);
      }
    }
  });

  it('keeps the same cells hidden in the analyst’s files of each site', async () => {
    // The population file of the south zone is the all-sites file cut to its rows: no women 60+ count.
    const file = await analyst.api.get(`/api/exports/population?format=csv&siteId=${site.south}`);
    expect(file.status).toBe(200);
    expect(file.raw).not.toMatch(/(^|,)[1-4](,|\r\n)/m);
  });
});
