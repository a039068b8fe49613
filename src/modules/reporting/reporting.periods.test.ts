import { beforeAll, expect, it } from 'vitest';
import { describeEngines, type TestUser } from '../../../test/helpers/harness.js';
import { roundFlow } from './published-counts.js';
import type { OverviewResponse } from './reporting.schema.js';
import { insertPeople, insertRelocation, insertSite } from './testing/reporting.fixture.js';

/**
 * Overlapping periods (issue 10). Counted by hand, all organisation B's, at one camp:
 *   registered in the week of Monday 3 March 2025: 10 people; in the week of 31 March: 2 people
 *   departed to a centre in the week of 3 March: 10 people; in the week of 31 March: 2 people
 * The four weeks from 3 March and the five weeks from 3 March differ by the week of 31 March, whose
 * 2 registrations and 2 departures are small: subtracting one report from the other must not give
 * them. Suppressed viewers get whole weeks and period counts rounded to the nearest 5.
 */
describeEngines('reporting suppression across overlapping periods', (h) => {
  let analyst: TestUser;
  let supervisorB: TestUser;
  let camp: string;

  beforeAll(async () => {
    const orgA = (await h.createOrg()).id;
    const orgB = (await h.createOrg()).id;
    analyst = await h.createUser(['analyst'], orgA);
    supervisorB = await h.createUser(['case_supervisor'], orgB);
    const region = 'Hauts-de-France';
    camp = await insertSite(h.db, orgA, { name: 'Camp', kind: 'informal_settlement', region });
    const centre = await insertSite(h.db, orgA, { name: 'Centre', kind: 'orientation_centre', region });
    const world = { year: 2025 };
    const spec = { org: orgB, site: camp, sex: 'male' as const, age: 30, nationality: 'AFG' };
    await insertPeople(h.db, world, 10, { ...spec, createdAt: '2025-03-04T10:00:00.000Z' });
    await insertPeople(h.db, world, 2, { ...spec, createdAt: '2025-04-01T10:00:00.000Z' });
    for (const [people, day] of [
      [10, '2025-03-05'],
      [2, '2025-04-02'],
    ] as const)
      await insertRelocation(h.db, {
        org: orgB,
        from: camp,
        to: centre,
        people,
        status: 'departed',
        events: { departed: day },
      });
  });

  const overview = async (user: TestUser, from: string, to: string, extra = '') => {
    const response = await user.api.get<OverviewResponse>(
      `/api/reports/overview?from=${from}&to=${to}${extra}`,
    );
    expect(response.status, response.raw).toBe(200);
    return response.body;
  };

  it('rounds counts over the period so that two periods a week apart cannot be subtracted', async () => {
    const four = await overview(analyst, '2025-03-03', '2025-03-30');
    const five = await overview(analyst, '2025-03-03', '2025-04-06');
    const lastWeek = await overview(analyst, '2025-03-31', '2025-04-06');
    expect(four.suppression.flowsRoundedTo).toBe(5);
    // True counts 10 and 12: both published as 10; the week alone (2) is hidden.
    expect(four.population.registeredInPeriod).toBe(10);
    expect(five.population.registeredInPeriod).toBe(10);
    expect(lastWeek.population.registeredInPeriod).toBeNull();
    expect(four.relocations.totals.departed).toBe(10);
    expect(five.relocations.totals.departed).toBe(10);
    expect(five.relocations.weeks.find((w) => w.weekStart === '2025-03-31')?.departed).toBeNull();
    const difference = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);
    expect(difference(five.population.registeredInPeriod, four.population.registeredInPeriod)).not.toBe(2);
    expect(difference(five.relocations.totals.departed, four.relocations.totals.departed)).not.toBe(2);
    // A period that does not start on a Monday is widened to whole weeks, not cut a day at a time.
    const shifted = await overview(analyst, '2025-03-05', '2025-04-02');
    expect(shifted.period).toMatchObject({ from: '2025-03-03', to: '2025-04-06', snappedToWeeks: true });
    // Every count over the period is a multiple of 5 (or hidden).
    for (const body of [four, five, shifted]) {
      const flows = [
        body.population.registeredInPeriod,
        ...body.population.bySite.map((s) => s.registeredInPeriod),
        ...body.relocations.weeks.flatMap((w) => [w.departed, w.arrived, w.returned]),
        body.relocations.totals.departed,
        body.counselling.sessions,
      ];
      for (const v of flows) expect(v === null || v % 5 === 0, String(v)).toBe(true);
    }
  });

  it('keeps counts exact for a viewer of their own organisation’s records', async () => {
    const five = await overview(supervisorB, '2025-03-03', '2025-04-06', '&scope=organisation');
    expect(five.suppression.flowsRoundedTo).toBeNull();
    expect(five.population.registeredInPeriod).toBe(12);
    expect(five.relocations.totals.departed).toBe(12);
  });

  it('rounds to the nearest multiple, halves up, and never rounds a shown count to 0', () => {
    expect([0, 5, 7, 8, 12, 13, 102].map((v) => roundFlow(v, 5))).toEqual([0, 5, 5, 10, 10, 15, 100]);
    expect(roundFlow(11, 10)).toBe(10);
    expect(roundFlow(7, 1)).toBe(7);
  });
});
