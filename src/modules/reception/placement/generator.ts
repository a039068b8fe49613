import { categoryOf } from '../reception.rules.js';
import type { PlanCentre, PlanHousehold, PlanPerson } from './model.js';

/**
 * Synthetic planning instances for the benchmark and the solver tests: people waiting at a camp
 * (about 2.9 per household, as in the benchmark brief), centres across regions with places by
 * category, some with child-protection staff or medical care, and a history of returns.
 * Deterministic for a seed.
 */
export interface GeneratedInstance {
  households: PlanHousehold[];
  centres: PlanCentre[];
}

export function rngOf(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

const REGIONS = [
  'Hauts-de-France',
  'Normandie',
  'Bretagne',
  'Pays de la Loire',
  'Centre-Val de Loire',
  'Bourgogne-Franche-Comté',
  'Grand Est',
  'Auvergne-Rhône-Alpes',
  'Nouvelle-Aquitaine',
  'Occitanie',
  "Provence-Alpes-Côte d'Azur",
  'Île-de-France',
];
const NATIONALITIES: Array<[string, string[]]> = [
  ['AFG', ['ps', 'fa-AF']],
  ['SDN', ['ar']],
  ['ERI', ['ti']],
  ['ETH', ['am', 'om']],
  ['IRQ', ['ar', 'ckb']],
  ['SYR', ['ar', 'kmr']],
  ['IRN', ['fa']],
];
const CENTRE_LANGUAGES = ['ar', 'ps', 'fa', 'ti', 'am', 'ckb', 'en'];

export interface GeneratorOptions {
  people: number;
  centres: number;
  /** Total free places ÷ demand, per category (1.2 loose, 0.8 tight). */
  capacityFactor: number;
  seed: number;
}

export function generateInstance(options: GeneratorOptions): GeneratedInstance {
  const rng = rngOf(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
  const households: PlanHousehold[] = [];
  let made = 0;
  let n = 0;
  const person = (age: number, sex: PlanPerson['sex'], nat: [string, string[]]): PlanPerson => {
    n += 1;
    const needCodes: string[] = [];
    if (rng() < 0.04) needCodes.push(pick(['SM-CI', 'SM-MI', 'SM-CC']));
    if (rng() < 0.01) needCodes.push('DS-PM');
    if (sex === 'female' && age >= 18 && rng() < 0.05) needCodes.push('WR-WR');
    return {
      id: `p${n}`,
      sex,
      age,
      needCodes,
      nationality: nat[0],
      languages: nat[1],
      preferredRegions: rng() < 0.5 ? [pick(REGIONS)] : [],
      preferredSiteIds: [],
      relativesRegions: rng() < 0.15 ? [pick(REGIONS)] : [],
    };
  };
  while (made < options.people) {
    const nat = pick(NATIONALITIES);
    const roll = rng();
    let people: PlanPerson[];
    if (roll < 0.05) people = [person(13 + Math.floor(rng() * 5), rng() < 0.9 ? 'male' : 'female', nat)];
    else if (roll < 0.42)
      people = [person(18 + Math.floor(rng() * 35), rng() < 0.85 ? 'male' : 'female', nat)];
    else {
      const size = Math.min(options.people - made, 2 + Math.floor(rng() * 6));
      people = [person(25 + Math.floor(rng() * 20), 'male', nat)];
      if (size > 1) people.push(person(22 + Math.floor(rng() * 20), 'female', nat));
      while (people.length < size)
        people.push(person(Math.floor(rng() * 17), rng() < 0.5 ? 'male' : 'female', nat));
    }
    made += people.length;
    households.push({
      key: `h${households.length + 1}`,
      householdId: people.length > 1 ? `h${households.length + 1}` : null,
      people,
    });
  }
  return { households, centres: generateCentres(households, options, rng) };
}

function generateCentres(
  households: PlanHousehold[],
  options: GeneratorOptions,
  rng: () => number,
): PlanCentre[] {
  const demand = new Map<string, number>();
  for (const h of households) {
    const category = categoryOf(h.people);
    demand.set(category, (demand.get(category) ?? 0) + h.people.length);
  }
  const centres: PlanCentre[] = Array.from({ length: options.centres }, (_, i) => {
    const languages = CENTRE_LANGUAGES.filter(() => rng() < 0.3);
    const departed = Math.floor(rng() * 60);
    const byNationality: PlanCentre['history']['byNationality'] = {};
    for (const [nat] of NATIONALITIES) {
      const d = Math.floor(rng() * 12);
      byNationality[nat] = { departed: d, returned: Math.floor(d * rng() * 0.4) };
    }
    return {
      siteId: `c${i + 1}`,
      name: `Centre ${i + 1}`,
      region: REGIONS[i % REGIONS.length]!,
      languages: ['fr', ...languages],
      // About a quarter of centres have child-protection staff, a third medical care.
      childProtection: i % 4 === 0,
      medicalCare: i % 3 === 0,
      accessible: rng() < 0.5,
      free: {},
      history: { all: { departed, returned: Math.floor(departed * (0.05 + rng() * 0.3)) }, byNationality },
    };
  });
  for (const [category, people] of demand) {
    const eligible = centres.filter(
      (c) =>
        (category !== 'unaccompanied_minors' || c.childProtection) &&
        (category !== 'medical' || c.medicalCare),
    );
    const total = Math.round(people * options.capacityFactor);
    const shares = eligible.map(() => 0.5 + rng());
    const sum = shares.reduce((a, b) => a + b, 0);
    let given = 0;
    eligible.forEach((centre, i) => {
      const places = i === eligible.length - 1 ? total - given : Math.floor((total * shares[i]!) / sum);
      centre.free[category] = places;
      given += places;
    });
  }
  return centres;
}
