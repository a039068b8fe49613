import { describe, expect, it } from 'vitest';
import {
  estimateInput as estimate,
  siteNode as site,
  southFigures,
} from '../../../test/factories/reconcile.js';
import { DEFAULT_RECONCILE_CONFIG, reconcile } from './sites.reconcile.js';

const today = { applyFloor: true };
const pastDate = { applyFloor: false };

describe('reconcile — edge cases', () => {
  it('one source with a range: its middle is the central value and the range spans a factor', () => {
    const only = estimate({
      date: '2016-02-21',
      sourceName: 'Key informants',
      sourceKind: 'key_informant',
      low: 1000,
      high: 3000,
    });
    const r = reconcile(site('North zone', [only]), '2016-02-21', today);
    expect(r.range).toEqual({ low: 1000, high: 3000 });
    expect(r.central?.value).toBe(2000);
    expect(r.divergenceRatio).toBe(3);
    expect(r.statement).toContain('One current source (Key informants, key informant, 2016-02-21)');
    expect(r.statement).toContain("The only source's range spans a factor of 3.0.");
  });

  it('a source with only a low or only a high bound counts as that value', () => {
    const atLeast = estimate({ date: '2016-02-21', sourceName: 'A', sourceKind: 'headcount', low: 1200 });
    const atMost = estimate({ date: '2016-02-21', sourceName: 'B', sourceKind: 'authority', high: 900 });
    const r = reconcile(site('s', [atLeast, atMost]), '2016-02-21', today);
    expect(r.range).toEqual({ low: 900, high: 1200 });
    expect(r.sources.map((s) => s.figure).sort()).toEqual([1200, 900]);
    // The headcount weighs more (1 against 0.7), so the median is its figure.
    expect(r.central?.value).toBe(1200);
  });

  it('a superseded entry is replaced by its correction, and the chain follows several corrections', () => {
    const typo = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 8000,
    });
    const fixed = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 800,
      supersedesId: typo.id,
    });
    const r = reconcile(site('s', [typo, fixed]), '2016-02-20', today);
    expect(r.sources.map((s) => s.estimateId)).toEqual([fixed.id]);
    const again = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 850,
      supersedesId: fixed.id,
    });
    expect(reconcile(site('s', [typo, fixed, again]), '2016-02-20', today).range).toEqual({
      low: 850,
      high: 850,
    });
  });

  it('a correction that renames the source still removes the entry it supersedes', () => {
    const wrong = estimate({ date: '2016-02-20', sourceName: 'Prefecure', sourceKind: 'ngo', point: 900 });
    const fixed = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 800,
      supersedesId: wrong.id,
    });
    const r = reconcile(site('s', [wrong, fixed]), '2016-02-20', today);
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]?.sourceKind).toBe('authority');
  });

  it('keeps the latest figure of each source and ignores figures after the date asked', () => {
    const december = estimate({
      date: '2015-12-01',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 1600,
    });
    const february = estimate({
      date: '2016-02-01',
      sourceName: ' prefecture ',
      sourceKind: 'authority',
      point: 800,
    });
    expect(reconcile(site('s', [december, february]), '2016-02-10', today).range).toEqual({
      low: 800,
      high: 800,
    });
    expect(reconcile(site('s', [december, february]), '2016-01-10', pastDate).range).toEqual({
      low: 1600,
      high: 1600,
    });
    expect(reconcile(site('s', [december, february]), '2015-11-01', pastDate).basis).toBe('none');
  });

  it('weights older sources less, keeps them by default and states their age', () => {
    const old = estimate({ date: '2015-11-01', sourceName: 'NGO', sourceKind: 'ngo', point: 3500 });
    const recent = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 800,
    });
    const r = reconcile(site('s', [old, recent]), '2016-02-20', today);
    const [oldSource, recentSource] = [
      r.sources.find((s) => s.point === 3500)!,
      r.sources.find((s) => s.point === 800)!,
    ];
    expect(oldSource.ageDays).toBe(111);
    expect(oldSource.weight).toBeCloseTo(0.7 * 0.5 ** (111 / 60), 10);
    expect(recentSource.weight).toBe(0.7);
    expect(r.central?.value).toBe(800);
    const later = reconcile(site('s', [old, recent]), '2016-05-20', pastDate);
    expect(later.sources.map((s) => s.point)).toEqual([3500, 800]);
    expect(later.ignored).toEqual([]);
    expect(later.statement).toContain('The newest figure is 90 days old.');
    expect(reconcile(site('s', [old, recent]), '2016-02-25', pastDate).statement).not.toContain('days old');
  });

  it('leaves sources older than a configured cutoff out, and says so', () => {
    const old = estimate({ date: '2015-11-01', sourceName: 'NGO', sourceKind: 'ngo', point: 3500 });
    const recent = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 800,
    });
    const config = { ...DEFAULT_RECONCILE_CONFIG, maxAgeDays: 180 };
    const later = reconcile(site('s', [old, recent]), '2016-05-20', { applyFloor: false, config });
    expect(later.sources.map((s) => s.point)).toEqual([800]);
    expect(later.ignored).toEqual([
      { estimateId: old.id, sourceName: 'NGO', date: '2015-11-01', reason: 'stale' },
    ]);
    expect(later.statement).toContain('1 source older than 180 days left out.');
  });

  it('takes weights and ages from the configuration it is given', () => {
    const figures = southFigures();
    const config = {
      ...DEFAULT_RECONCILE_CONFIG,
      reliability: { ...DEFAULT_RECONCILE_CONFIG.reliability, ngo: 0.9 },
    };
    expect(reconcile(site('s', figures), '2016-02-20', { applyFloor: true, config }).central?.value).toBe(
      3500,
    );
    const short = { ...DEFAULT_RECONCILE_CONFIG, maxAgeDays: 5 };
    expect(reconcile(site('s', figures), '2016-03-01', { applyFloor: false, config: short }).basis).toBe(
      'none',
    );
  });

  it('raises the central value to the registry floor, only for today', () => {
    const low = estimate({
      date: '2016-02-20',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 800,
    });
    const r = reconcile(site('s', [low], { registeredPresent: 1240 }), '2016-02-20', today);
    expect(r.central).toEqual({ value: 1240, method: 'weighted_median', raisedToFloor: true });
    expect(r.range).toEqual({ low: 800, high: 800 });
    expect(r.statement).toContain('The central value is raised to the registry count.');
    const past = reconcile(site('s', [low], { registeredPresent: 1240 }), '2016-02-20', pastDate);
    expect(past.central?.value).toBe(800);
    expect(past.statement).toContain('is not applied to a past date');
  });

  it('with no figures at all answers nothing invented, and states the registry count', () => {
    const r = reconcile(site('s', [], { registeredPresent: 12 }), '2016-02-20', today);
    expect(r).toMatchObject({ basis: 'none', range: null, central: null, divergenceRatio: null });
    expect(r.statement).toBe(
      'No current estimate for s on 2016-02-20. The registry confirms at least 12 people present.',
    );
  });

  it('leaves out figures from before a dismantling, and a zero count has no divergence ratio', () => {
    const before = estimate({ date: '2016-02-20', sourceName: 'NGO', sourceKind: 'ngo', point: 3500 });
    const closure = { status: 'dismantled' as const, on: '2016-03-16' };
    const r = reconcile(site('South zone', [before], { closure }), '2016-03-20', pastDate);
    expect(r.basis).toBe('none');
    expect(r.ignored[0]?.reason).toBe('before_closure');
    expect(r.statement).toContain('South zone was dismantled on 2016-03-16; no estimate since.');
    const zero = estimate({
      date: '2016-03-18',
      sourceName: 'Prefecture',
      sourceKind: 'authority',
      point: 0,
    });
    const after = reconcile(site('South zone', [before, zero], { closure }), '2016-03-20', pastDate);
    expect(after.range).toEqual({ low: 0, high: 0 });
    expect(after.divergenceRatio).toBeNull();
  });
});
