import { NAMING_CUSTOMS, NATIONALITY_WEIGHTS, type NamePair, type NamingCustom } from './demo-names.js';
import type { RegisterPersonInput } from './registry.schema.js';

/** A deterministic pseudo-random source, so a demo or benchmark population is the same each run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x1_0000_0000;
  };
}

export interface GeneratedHousehold {
  members: Array<RegisterPersonInput & { relationship: NonNullable<RegisterPersonInput['relationship']> }>;
}

export interface GeneratedPopulation {
  /** Adults and children registered alone (no household). */
  singles: RegisterPersonInput[];
  households: GeneratedHousehold[];
}

const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

function pickCustom(rng: () => number): NamingCustom {
  const total = Object.values(NATIONALITY_WEIGHTS).reduce((a, b) => a + b, 0);
  let roll = rng() * total;
  for (const custom of NAMING_CUSTOMS) {
    roll -= NATIONALITY_WEIGHTS[custom.nationality] ?? 0;
    if (roll <= 0) return custom;
  }
  return NAMING_CUSTOMS[0]!;
}

function person(
  rng: () => number,
  custom: NamingCustom,
  sex: 'male' | 'female',
  age: number,
  year: number,
  family: NamePair | null,
  siteId: string | undefined,
): RegisterPersonInput {
  const given = pick(rng, sex === 'male' ? custom.male : custom.female);
  const father = custom.style === 'patronymic' ? (family ?? pick(rng, custom.family)) : null;
  const surname =
    custom.style === 'family' || (custom.style === 'optional_family' && rng() < 0.6)
      ? (family ?? pick(rng, custom.family))
      : null;
  const exactDate = rng() < 0.3;
  const birthYear = year - age;
  const native = [given.native, father?.native, surname?.native].filter(Boolean).join(' ');
  const needs: string[] = [];
  if (rng() < 0.04) needs.push(pick(rng, ['SM-CI', 'SM-MI', 'DS-PM', 'DS-BD']));
  if (sex === 'female' && age >= 18 && rng() < 0.05) needs.push('WR-WR');
  if (rng() < 0.02) needs.push(pick(rng, ['TR-PI', 'LP-ND', 'FU-TR']));
  return {
    givenName: given.latin,
    ...(surname ? { familyName: surname.latin } : {}),
    ...(father ? { fathersName: father.latin } : {}),
    originalScriptName: native,
    sex,
    ...(exactDate
      ? {
          birthDate: `${birthYear}-${String(1 + Math.floor(rng() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rng() * 28)).padStart(2, '0')}`,
        }
      : { birthYear, ageEstimated: true }),
    nationality: custom.nationality,
    languages: custom.languages,
    ...(rng() < 0.5 ? { phone: `+33 7 ${String(Math.floor(rng() * 1e8)).padStart(8, '0')}` } : {}),
    ...(siteId ? { siteId } : {}),
    ...(needs.length > 0 ? { specificNeeds: needs } : {}),
    consent: {
      basis: rng() < 0.9 ? 'consent' : 'vital_interest',
      purposes: rng() < 0.8 ? ['services', 'referral', 'tracing'] : ['services'],
    },
  };
}

/**
 * A Calais-like population: mostly single young men, some families, about 6% children alone
 * (DOMAIN.md: 10–20% children, some 300 unaccompanied out of ~5,000).
 */
export function generatePopulation(
  count: number,
  options: { seed: number; year: number; siteIds: string[] },
): GeneratedPopulation {
  const rng = seededRandom(options.seed);
  const population: GeneratedPopulation = { singles: [], households: [] };
  let made = 0;
  const site = () => (options.siteIds.length > 0 ? pick(rng, options.siteIds) : undefined);
  while (made < count) {
    const custom = pickCustom(rng);
    const roll = rng();
    if (roll < 0.06) {
      population.singles.push(
        person(
          rng,
          custom,
          rng() < 0.9 ? 'male' : 'female',
          13 + Math.floor(rng() * 5),
          options.year,
          null,
          site(),
        ),
      );
      made += 1;
    } else if (roll < 0.78 || count - made < 3) {
      const sex = rng() < 0.88 ? 'male' : 'female';
      population.singles.push(
        person(rng, custom, sex, 18 + Math.floor(rng() * 30), options.year, null, site()),
      );
      made += 1;
    } else {
      const family = pick(rng, custom.family);
      const where = site();
      const parentAge = 25 + Math.floor(rng() * 20);
      const members: GeneratedHousehold['members'] = [
        {
          ...person(rng, custom, rng() < 0.7 ? 'male' : 'female', parentAge, options.year, family, where),
          relationship: 'head',
        },
      ];
      if (rng() < 0.7)
        members.push({
          ...person(
            rng,
            custom,
            members[0]!.sex === 'male' ? 'female' : 'male',
            parentAge - 3,
            options.year,
            family,
            where,
          ),
          relationship: 'spouse',
        });
      const children = 1 + Math.floor(rng() * 4);
      for (let i = 0; i < children && made + members.length < count; i += 1) {
        members.push({
          ...person(
            rng,
            custom,
            rng() < 0.5 ? 'male' : 'female',
            1 + Math.floor(rng() * 16),
            options.year,
            family,
            where,
          ),
          relationship: 'child',
        });
      }
      population.households.push({ members });
      made += members.length;
    }
  }
  return population;
}
