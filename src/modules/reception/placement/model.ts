import {
  type CentreServices,
  categoryOf,
  type GroupMember,
  isVulnerable,
  type Requirements,
  requirementsOf,
  unmetRequirements,
} from '../reception.rules.js';
import { globalReturnRate, householdScorer, matches, similarReturnRate } from './scoring.js';
import type { SolverInstance } from './solver.js';

/** One person as the planner sees them: plain attributes only, never names. */
export interface PlanPerson extends GroupMember {
  id: string;
  nationality: string | null;
  languages: readonly string[];
  preferredRegions: readonly string[];
  preferredSiteIds: readonly string[];
  relativesRegions: readonly string[];
}

export interface PlanHousehold {
  /** The household id, or the person id for someone alone. */
  key: string;
  householdId: string | null;
  people: PlanPerson[];
}

export interface ReturnHistory {
  departed: number;
  returned: number;
}

export interface PlanCentre extends CentreServices {
  siteId: string;
  name: string;
  region: string | null;
  /** Free places per category now (capacity − blocked − occupied − reserved). */
  free: Record<string, number>;
  /** Past relocations to this centre and how many came back, per nationality. */
  history: { all: ReturnHistory; byNationality: Record<string, ReturnHistory> };
}

export interface PlanWeights {
  placement: number;
  vulnerability: number;
  preference: number;
  relatives: number;
  language: number;
  returnRate: number;
}

/**
 * Points per person. Placing someone is worth far more than any preference, so the plan first
 * places as many people as it can (vulnerable people first when places are short), then spends
 * the freedom left on what people asked for and on centres people of their nationality stayed in.
 */
export const DEFAULT_WEIGHTS: PlanWeights = {
  placement: 100,
  vulnerability: 40,
  preference: 25,
  relatives: 20,
  language: 10,
  returnRate: 30,
};

export type ReasonCode =
  | 'pinned'
  | 'vulnerable_priority'
  | 'stated_preference'
  | 'relatives_in_region'
  | 'language_spoken'
  | 'low_return_rate'
  | 'high_return_rate'
  | 'child_protection_staff'
  | 'medical_care'
  | 'accessible'
  | 'keeps_household_together';

export interface Reason {
  code: ReasonCode;
  /** How many people of the household the reason applies to. */
  people: number;
  detail?: string;
}

export interface Candidate {
  household: number;
  centre: number;
  slot: number;
  score: number;
}

export interface PlanningProblem {
  households: PlanHousehold[];
  centres: PlanCentre[];
  categories: string[];
  requirements: Requirements[];
  slots: Array<{ centre: number; category: string }>;
  candidates: Candidate[];
  instance: SolverInstance;
  /** Households with no eligible centre at all, and why. */
  ineligible: Map<number, string[]>;
}

export interface PinsAndExclusions {
  /** household key → site id */
  pins: Map<string, string>;
  /** household key → excluded site ids */
  exclusions: Map<string, Set<string>>;
}

/**
 * Turns households and centres into the solver's numbers. A column exists only where every hard
 * rule holds: the centre has places of the household's category, enough of them for the whole
 * household, and the services the household needs; excluded pairs have no column.
 */
export function buildProblem(
  households: PlanHousehold[],
  centres: PlanCentre[],
  weights: PlanWeights,
  choices: PinsAndExclusions = { pins: new Map(), exclusions: new Map() },
): PlanningProblem {
  const categories = households.map((h) => categoryOf(h.people));
  const requirements = households.map((h) => requirementsOf(h.people));
  const scores = householdScorer(centres, weights);
  const slots: PlanningProblem['slots'] = [];
  /** Slot of each centre per category (-1 where the centre has no such places). */
  const slotAt = new Map<string, Int32Array>();
  const capacity: number[] = [];
  centres.forEach((centre, c) => {
    for (const [category, free] of Object.entries(centre.free)) {
      const row = slotAt.get(category) ?? new Int32Array(centres.length).fill(-1);
      row[c] = slots.length;
      slotAt.set(category, row);
      slots.push({ centre: c, category });
      capacity.push(Math.max(0, free));
    }
  });
  // Services a centre lacks, per combination of requirements (three flags: eight combinations).
  const unmetCache = new Map<string, string[]>();
  const unmetAt = (req: Requirements, c: number) => {
    const key = `${c}|${Number(req.childProtection)}${Number(req.medicalCare)}${Number(req.accessibility)}`;
    let unmet = unmetCache.get(key);
    if (!unmet) {
      unmet = unmetRequirements(req, centres[c]!).map((u) => `no_${u}`);
      unmetCache.set(key, unmet);
    }
    return unmet;
  };
  const candidates: Candidate[] = [];
  const ineligible = new Map<number, string[]>();
  households.forEach((household, h) => {
    const size = household.people.length;
    const excluded = choices.exclusions.get(household.key);
    const pinned = choices.pins.get(household.key);
    const slotOf = slotAt.get(categories[h]!);
    const why = new Set<string>();
    const before = candidates.length;
    const blockers = (centre: PlanCentre, c: number): string[] => {
      if (excluded?.has(centre.siteId)) return ['excluded'];
      const slot = slotOf?.[c] ?? -1;
      if (slot < 0) return [`no_${categories[h]}_places`];
      const unmet = unmetAt(requirements[h]!, c);
      if (unmet.length > 0) return unmet;
      return capacity[slot]! < size ? ['not_enough_free_places'] : [];
    };
    let row: Float64Array | undefined;
    centres.forEach((centre, c) => {
      if (pinned && centre.siteId !== pinned) return;
      const blocked = blockers(centre, c);
      if (blocked.length > 0) {
        for (const b of blocked) why.add(b);
        return;
      }
      row ??= scores(household);
      candidates.push({ household: h, centre: c, slot: slotOf![c]!, score: row[c]! });
    });
    if (candidates.length === before) ineligible.set(h, [...why].sort());
  });
  const instance: SolverInstance = {
    householdCount: households.length,
    sizes: Int32Array.from(households, (h) => h.people.length),
    slotCapacity: Int32Array.from(capacity),
    colHousehold: Int32Array.from(candidates, (k) => k.household),
    colSlot: Int32Array.from(candidates, (k) => k.slot),
    colScore: Float64Array.from(candidates, (k) => k.score),
    colPinned: Uint8Array.from(candidates, (k) => (choices.pins.has(households[k.household]!.key) ? 1 : 0)),
  };
  return { households, centres, categories, requirements, slots, candidates, instance, ineligible };
}

/** Why this household goes to this centre, in the coordinator's terms. */
export function reasonsFor(problem: PlanningProblem, column: number, pinned: boolean): Reason[] {
  const k = problem.candidates[column]!;
  const household = problem.households[k.household]!;
  const centre = problem.centres[k.centre]!;
  const req = problem.requirements[k.household]!;
  const globalRate = globalReturnRate(problem.centres);
  const reasons: Reason[] = [];
  const count = (test: (p: PlanPerson) => boolean) => household.people.filter(test).length;
  const add = (code: ReasonCode, people: number, detail?: string) => {
    if (people > 0) reasons.push({ code, people, ...(detail ? { detail } : {}) });
  };
  add('pinned', pinned ? household.people.length : 0);
  if (household.people.length > 1) add('keeps_household_together', household.people.length);
  add('vulnerable_priority', count(isVulnerable));
  if (req.childProtection) add('child_protection_staff', household.people.length);
  if (req.medicalCare)
    add(
      'medical_care',
      count((p) => p.needCodes.some((c) => c.startsWith('SM') || c.startsWith('DS'))),
    );
  if (req.accessibility) add('accessible', household.people.length);
  add(
    'stated_preference',
    count((p) => matches(p, centre).preference),
    centre.region ?? centre.name,
  );
  add(
    'relatives_in_region',
    count((p) => matches(p, centre).relatives),
    centre.region ?? undefined,
  );
  add(
    'language_spoken',
    count((p) => matches(p, centre).language),
    centre.languages.join(', '),
  );
  const rates = household.people.map((p) => similarReturnRate(centre, p.nationality, globalRate));
  const mean = rates.reduce((a, b) => a + b, 0) / Math.max(1, rates.length);
  const detail = `${Math.round(mean * 100)}% for similar people (overall ${Math.round(globalRate * 100)}%)`;
  if (mean < globalRate * 0.8) add('low_return_rate', household.people.length, detail);
  if (mean > globalRate * 1.2) add('high_return_rate', household.people.length, detail);
  return reasons;
}
