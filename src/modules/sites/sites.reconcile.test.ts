import { describe, expect, it } from 'vitest';
import {
  estimateInput as estimate,
  northFigures,
  siteNode as site,
  southFigures,
} from '../../../test/factories/reconcile.js';
import { reconcile, weightedMedian } from './sites.reconcile.js';

const today = { applyFloor: true };

describe('reconcile — the Calais figures', () => {
  it('holds 800 and 3,500 as a range, with a divergence of 4.375 stated as 4.4', () => {
    const r = reconcile(site('South zone', southFigures(), { registeredPresent: 1240 }), '2016-02-20', today);
    expect(r.basis).toBe('sources');
    expect(r.range).toEqual({ low: 800, high: 3500 });
    expect(r.divergenceRatio).toBe(4.375);
    // Equal reliability and age: the weighted median of two is their midpoint.
    expect(r.central).toEqual({ value: 2150, method: 'weighted_median', raisedToFloor: false });
    expect(r.sources.map((s) => s.sourceKind)).toEqual(['authority', 'ngo']);
    expect(r.sources.find((s) => s.sourceKind === 'authority')?.belowFloor).toBe(true);
    expect(r.statement).toContain(
      'Sources disagree by a factor of 4.4; the registry confirms at least 1,240 people present.',
    );
    expect(r.statement).toContain('800–3,500 people');
  });

  it('reports breakdowns with how many sources gave them', () => {
    const r = reconcile(site('South zone', southFigures()), '2016-02-20', today);
    expect(r.breakdown.children).toEqual({ low: 423, high: 423, reportedBy: 1 });
    expect(r.breakdown.unaccompaniedMinors).toEqual({ low: 305, high: 305, reportedBy: 1 });
    expect(r.breakdown.women).toBeNull();
    expect(r.breakdown.nationalities.map((n) => n.code)).toEqual(['AFG', 'SDN']);
    expect(r.statement).toContain('unaccompanied minors 305');
  });

  it('sums the zones of a camp, with the registry floor of the camp and every zone', () => {
    const camp = site('Calais camp', [], {
      registeredPresent: 10,
      children: [
        site('South zone', southFigures(), { registeredPresent: 1240 }),
        site('North zone', northFigures(), { registeredPresent: 500 }),
      ],
    });
    const r = reconcile(camp, '2016-02-22', today);
    expect(r.basis).toBe('zones');
    expect(r.range).toEqual({ low: 1800, high: 6500 });
    expect(r.central?.method).toBe('sum_of_zones');
    expect(r.central?.value).toBe(r.zones[0]!.central!.value + r.zones[1]!.central!.value);
    expect(r.registeredPresent).toBe(1750);
    expect(r.divergenceRatio).toBeCloseTo(6500 / 1800, 10);
    expect(r.statement).toContain('the sum of 2 zones gives 1,800–6,500 people');
  });

  it('prefers zone figures newer than a camp-wide figure, and a camp-wide figure newer than the zones', () => {
    const zones = [site('South zone', southFigures()), site('North zone', northFigures())];
    const older = estimate({
      siteId: 'camp',
      date: '2016-01-10',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 4000,
    });
    expect(reconcile(site('camp', [older], { children: zones }), '2016-02-25', today).basis).toBe('zones');
    const newer = estimate({
      siteId: 'camp',
      date: '2016-02-24',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 4000,
    });
    const r = reconcile(site('camp', [newer], { children: zones }), '2016-02-25', today);
    expect(r.basis).toBe('sources');
    expect(r.range).toEqual({ low: 4000, high: 4000 });
    expect(r.zones).toHaveLength(2);
  });
});

describe('weightedMedian', () => {
  it('is the ordinary median with equal weights and moves toward heavier values', () => {
    expect(
      weightedMedian([
        { value: 1, weight: 1 },
        { value: 5, weight: 1 },
        { value: 9, weight: 1 },
      ]),
    ).toBe(5);
    expect(
      weightedMedian([
        { value: 1, weight: 1 },
        { value: 9, weight: 1 },
      ]),
    ).toBe(5);
    expect(
      weightedMedian([
        { value: 1, weight: 1 },
        { value: 9, weight: 3 },
      ]),
    ).toBe(9);
    expect(
      weightedMedian([
        { value: 4, weight: 0 },
        { value: 8, weight: 0 },
      ]),
    ).toBe(6);
    expect(weightedMedian([])).toBeNaN();
  });
});
