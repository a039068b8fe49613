import { beforeAll, describe, expect, it } from 'vitest';
import { describeEngines } from '../../../test/helpers/harness.js';
import {
  countCounselling,
  countOpenCases,
  countOverdueWork,
  countRelocationWeeks,
  countReturnCohort,
} from './activity.repository.js';
import {
  countChildrenAlone,
  countNeeds,
  countPeopleByNationality,
  countPeopleBySiteSexAge,
} from './population.repository.js';
import type { AggregateFilter } from './report-filter.js';
import { snapToWeeks } from './report-filter.js';
import type { World } from './testing/reporting.fixture.js';
import { buildWorld, PERIOD } from './testing/reporting.world.js';

const sum = (rows: Array<{ n: number }>) => rows.reduce((s, r) => s + r.n, 0);

describe('report periods', () => {
  it('snaps to whole ISO weeks, Monday to Sunday', () => {
    expect(snapToWeeks('2025-03-05', '2025-03-26')).toEqual({ from: '2025-03-03', to: '2025-03-30' });
    expect(snapToWeeks('2025-03-03', '2025-03-30')).toEqual(PERIOD);
    expect(snapToWeeks('2025-03-09', '2025-03-09')).toEqual({ from: '2025-03-03', to: '2025-03-09' });
  });
});

// Each indicator as the database counts it, against the hand count in testing/reporting.world.ts.
describeEngines('reporting indicators', (h) => {
  let world: World;
  let all: AggregateFilter;
  beforeAll(async () => {
    world = await buildWorld(h);
    all = { siteIds: null, viewerOrgId: world.orgA, onlyOrgId: null, ...PERIOD, referenceYear: world.year };
  });

  it('counts people by site, sex and age band, and those registered in the period', async () => {
    const rows = await countPeopleBySiteSexAge(h.db, all);
    expect(sum(rows)).toBe(29);
    const at = (site: string | null) => sum(rows.filter((r) => r.siteId === site));
    expect([at(world.camp), at(world.zoneN), at(world.zoneS), at(world.centre), at(null)]).toEqual([
      0, 13, 9, 5, 2,
    ]);
    const cell = (sex: string, band: string) =>
      rows.filter((r) => r.sex === sex && r.band === band).reduce((s, r) => s + r.n, 0);
    expect([cell('female', '0-4'), cell('female', '18-59'), cell('female', '60+')]).toEqual([1, 7, 1]);
    expect([cell('male', '12-17'), cell('male', '18-59'), cell('male', 'unknown')]).toEqual([7, 12, 1]);
    expect(rows.reduce((s, r) => s + r.own, 0)).toBe(16);
    expect(rows.reduce((s, r) => s + r.newN, 0)).toBe(7);
    expect(rows.reduce((s, r) => s + r.newOwn, 0)).toBe(5);
  });

  it('restricts people to a site and its zones, or to one organisation', async () => {
    const camp = await countPeopleBySiteSexAge(h.db, {
      ...all,
      siteIds: [world.camp, world.zoneN, world.zoneS],
    });
    expect(sum(camp)).toBe(22);
    const own = await countPeopleBySiteSexAge(h.db, { ...all, onlyOrgId: world.orgA });
    expect(sum(own)).toBe(16);
  });

  it('counts nationalities, an unknown one apart', async () => {
    const rows = await countPeopleByNationality(h.db, all);
    const map = Object.fromEntries(rows.map((r) => [r.key, r.n]));
    expect(map).toEqual({ ERI: 10, SYR: 8, AFG: 7, IRQ: 2, SDN: 1, unknown: 1 });
    expect(rows.find((r) => r.key === 'ERI')?.own).toBe(6);
  });

  it('counts distinct people with needs by category, and children alone by kind', async () => {
    const needs = await countNeeds(h.db, all);
    expect(Object.fromEntries(needs.byCategory.map((r) => [r.key, r.n]))).toEqual({ WR: 2, SC: 7, SM: 5 });
    expect(needs.any).toEqual({ n: 14, own: 7 });
    const children = await countChildrenAlone(h.db, all);
    expect(children.map((c) => [c.sex, c.kind, c.n]).sort()).toEqual([
      ['male', 'separated', 2],
      ['male', 'unaccompanied', 5],
    ]);
  });

  it('counts open cases by type and risk, and overdue work on open cases only', async () => {
    const cases = await countOpenCases(h.db, all);
    const map = Object.fromEntries(cases.map((c) => [`${c.type}/${c.risk}`, c.n]));
    expect(map).toEqual({ 'general_protection/medium': 5, 'gbv/high': 1, 'child_protection/high': 3 });
    const overdue = await countOverdueWork(h.db, all);
    expect(overdue).toEqual({
      cases: { value: 3, own: 1 },
      overdue: { value: 3, own: 2 },
      escalated: { value: 1, own: 0 },
    });
    const south = await countOpenCases(h.db, { ...all, siteIds: [world.zoneS] });
    expect(sum(south)).toBe(3);
  });

  it('counts departures, arrivals and returns per week, and the return cohort', async () => {
    const rows = await countRelocationWeeks(h.db, all);
    const map = Object.fromEntries(rows.map((r) => [`${r.week} ${r.status}`, r.n]));
    expect(map).toEqual({
      '2025-03-03 departed': 4,
      '2025-03-03 arrived': 4,
      '2025-03-10 departed': 3,
      '2025-03-10 arrived': 3,
      '2025-03-17 returned': 9,
      '2025-03-24 departed': 2,
    });
    expect(await countReturnCohort(h.db, all)).toEqual({
      departed: { value: 9, own: 7 },
      returned: { value: 3, own: 3 },
    });
  });

  it('counts counselling sessions by language and by topic inside the period', async () => {
    const data = await countCounselling(h.db, all);
    expect(data.sessions).toEqual({ value: 6, own: 5 });
    expect(Object.fromEntries(data.byLanguage.map((r) => [r.key, r.n]))).toEqual({ ar: 3, ps: 2, ti: 1 });
    expect(Object.fromEntries(data.byTopic.map((r) => [r.key, r.n]))).toEqual({
      asylum_france: 5,
      dublin: 3,
      family_reunification: 1,
    });
  });
});
