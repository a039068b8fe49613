import { isVulnerable } from '../reception.rules.js';
import type { PlanCentre, PlanHousehold, PlanPerson, PlanWeights } from './model.js';

/** Prior strength of the overall return rate when a centre has few similar past relocations. */
const PRIOR_WEIGHT = 10;

/** Smoothed return rate of a centre for people of one nationality (empirical Bayes). */
export function similarReturnRate(
  centre: PlanCentre,
  nationality: string | null,
  globalRate: number,
): number {
  const centreRate =
    (centre.history.all.returned + PRIOR_WEIGHT * globalRate) / (centre.history.all.departed + PRIOR_WEIGHT);
  const own = nationality ? centre.history.byNationality[nationality] : undefined;
  if (!own) return centreRate;
  return (own.returned + PRIOR_WEIGHT * centreRate) / (own.departed + PRIOR_WEIGHT);
}

export function globalReturnRate(centres: readonly PlanCentre[]): number {
  let departed = 0;
  let returned = 0;
  for (const c of centres) {
    departed += c.history.all.departed;
    returned += c.history.all.returned;
  }
  return departed === 0 ? 0 : returned / departed;
}

/** Languages a person speaks, with the base language of each regional tag (fa-AF also counts as fa). */
const spokenBy = (person: PlanPerson) => [...new Set(person.languages.flatMap((l) => [l, l.split('-')[0]!]))];

export function matches(person: PlanPerson, centre: PlanCentre) {
  const region = centre.region ?? '';
  return {
    preference:
      person.preferredSiteIds.includes(centre.siteId) ||
      (region !== '' && person.preferredRegions.includes(region)),
    relatives: region !== '' && person.relativesRegions.includes(region),
    language: spokenBy(person).some((l) => centre.languages.includes(l)),
  };
}

/** The score of placing a household at a centre: the sum over its people. */
export function scoreOf(
  household: PlanHousehold,
  centre: PlanCentre,
  w: PlanWeights,
  globalRate: number,
): number {
  let score = 0;
  for (const person of household.people) {
    const m = matches(person, centre);
    score += w.placement;
    if (isVulnerable(person)) score += w.vulnerability;
    if (m.preference) score += w.preference;
    if (m.relatives) score += w.relatives;
    if (m.language) score += w.language;
    score -= w.returnRate * similarReturnRate(centre, person.nationality, globalRate);
  }
  return score;
}

/** What of a person the score depends on, as one key: people with the same key score alike. */
function personKey(p: PlanPerson): string {
  return [
    isVulnerable(p) ? 1 : 0,
    p.nationality ?? '',
    [...p.languages].sort().join(' '),
    [...p.preferredRegions].sort().join('|'),
    [...p.preferredSiteIds].sort().join(' '),
    [...p.relativesRegions].sort().join('|'),
  ].join('/');
}

/**
 * `scoreOf` for many households and centres at once, with the same results: each centre's
 * languages and return rates by nationality are prepared once, and households whose people
 * score alike (a key per person, sorted) share one row of scores.
 */
export function householdScorer(centres: readonly PlanCentre[], w: PlanWeights) {
  const globalRate = globalReturnRate(centres);
  const languages = centres.map((c) => new Set(c.languages));
  const rates = centres.map(() => new Map<string | null, number>());
  const rateAt = (c: number, nationality: string | null) => {
    const cache = rates[c]!;
    let rate = cache.get(nationality);
    if (rate === undefined) {
      rate = similarReturnRate(centres[c]!, nationality, globalRate);
      cache.set(nationality, rate);
    }
    return rate;
  };
  const rows = new Map<string, Float64Array>();
  return (household: PlanHousehold): Float64Array => {
    const key = household.people.map(personKey).sort().join('\n');
    const cached = rows.get(key);
    if (cached) return cached;
    const row = new Float64Array(centres.length);
    for (const person of household.people) {
      const fixed = w.placement + (isVulnerable(person) ? w.vulnerability : 0);
      const spoken = spokenBy(person);
      centres.forEach((centre, c) => {
        const region = centre.region ?? '';
        let score = fixed;
        if (
          person.preferredSiteIds.includes(centre.siteId) ||
          (region !== '' && person.preferredRegions.includes(region))
        )
          score += w.preference;
        if (region !== '' && person.relativesRegions.includes(region)) score += w.relatives;
        if (spoken.some((l) => languages[c]!.has(l))) score += w.language;
        row[c]! += score - w.returnRate * rateAt(c, person.nationality);
      });
    }
    rows.set(key, row);
    return row;
  };
}
