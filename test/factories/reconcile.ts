import type { EstimateInput, SiteNode } from '../../src/modules/sites/sites.reconcile.js';

/** Inputs of the pure reconciliation, with defaults; ids and creation times follow call order. */
let sequence = 0;
export function estimateInput(
  overrides: Partial<EstimateInput> & Pick<EstimateInput, 'date'>,
): EstimateInput {
  sequence += 1;
  return {
    id: `e${String(sequence).padStart(4, '0')}`,
    siteId: 'south',
    sourceName: 'Source',
    sourceKind: 'ngo',
    low: null,
    high: null,
    point: null,
    method: null,
    breakdown: null,
    supersedesId: null,
    createdAt: `2016-03-01T00:00:${String(sequence % 60).padStart(2, '0')}Z`,
    ...overrides,
  };
}

export function siteNode(
  siteId: string,
  estimates: EstimateInput[],
  extra: Partial<SiteNode> = {},
): SiteNode {
  return { siteId, name: siteId, estimates, registeredPresent: 0, closure: null, children: [], ...extra };
}

/** Calais, February 2016: the southern part held 800 (authorities) or 3,500 (NGOs). */
export const southFigures = () => [
  estimateInput({ date: '2016-02-20', sourceName: 'Prefecture', sourceKind: 'authority', point: 800 }),
  estimateInput({
    date: '2016-02-20',
    sourceName: 'Help Refugees census',
    sourceKind: 'ngo',
    point: 3500,
    breakdown: { children: 423, unaccompaniedMinors: 305, nationalities: { AFG: 1100, SDN: 900 } },
  }),
];

/** …and the north 1,000–3,000. */
export const northFigures = () => [
  estimateInput({
    siteId: 'north',
    date: '2016-02-21',
    sourceName: 'Prefecture',
    sourceKind: 'authority',
    point: 1000,
  }),
  estimateInput({
    siteId: 'north',
    date: '2016-02-21',
    sourceName: 'Help Refugees census',
    sourceKind: 'ngo',
    point: 3000,
  }),
];
