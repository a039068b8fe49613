import type { CreateEstimateInput } from './estimates.service.js';
import type { CreateAssessmentInput, CreateIncidentInput } from './monitoring.service.js';

/**
 * The Calais scenario of 2015–16 (shared DOMAIN.md), generated: the camp with its southern and
 * northern zones, the temporary reception centre, orientation centres across France, and the
 * figures that authorities and NGOs gave over the months, which disagreed by a factor of four.
 * Organisation and source names are demo names; places and orders of magnitude are real.
 */

/** Stable names: the registry's demo seeder looks sites up by them (findDemoSites). */
export const DEMO_SITE_NAMES = {
  camp: 'Calais — informal camp',
  south: 'South zone',
  north: 'North zone',
  reception: 'Calais temporary reception centre',
} as const;

/** GeoJSON positions are [longitude, latitude]. */
export const CAMP_OUTLINE: { type: 'Polygon'; coordinates: Array<Array<[number, number]>> } = {
  type: 'Polygon',
  coordinates: [
    [
      [1.8905, 50.9625],
      [1.9065, 50.9625],
      [1.9065, 50.9715],
      [1.8905, 50.9715],
      [1.8905, 50.9625],
    ],
  ],
};

/** Orientation centres (CAO): 20–50 places each, reached by bus; regions as of 2016. */
export const ORIENTATION_CENTRES = [
  { town: 'Lille', region: 'Hauts-de-France', latitude: 50.6292, longitude: 3.0573, openedOn: '2015-10-26' },
  { town: 'Rouen', region: 'Normandie', latitude: 49.4431, longitude: 1.0993, openedOn: '2015-10-28' },
  { town: 'Rennes', region: 'Bretagne', latitude: 48.1173, longitude: -1.6778, openedOn: '2015-11-02' },
  {
    town: 'Nantes',
    region: 'Pays de la Loire',
    latitude: 47.2184,
    longitude: -1.5536,
    openedOn: '2015-11-05',
  },
  {
    town: 'Tours',
    region: 'Centre-Val de Loire',
    latitude: 47.3941,
    longitude: 0.6848,
    openedOn: '2015-11-09',
  },
  {
    town: 'Dijon',
    region: 'Bourgogne-Franche-Comté',
    latitude: 47.322,
    longitude: 5.0415,
    openedOn: '2015-11-12',
  },
  { town: 'Strasbourg', region: 'Grand Est', latitude: 48.5734, longitude: 7.7521, openedOn: '2015-11-16' },
  {
    town: 'Lyon',
    region: 'Auvergne-Rhône-Alpes',
    latitude: 45.764,
    longitude: 4.8357,
    openedOn: '2015-11-19',
  },
  {
    town: 'Limoges',
    region: 'Nouvelle-Aquitaine',
    latitude: 45.8336,
    longitude: 1.2611,
    openedOn: '2015-11-23',
  },
  {
    town: 'Bordeaux',
    region: 'Nouvelle-Aquitaine',
    latitude: 44.8378,
    longitude: -0.5792,
    openedOn: '2015-11-26',
  },
  { town: 'Toulouse', region: 'Occitanie', latitude: 43.6047, longitude: 1.4442, openedOn: '2015-12-01' },
  {
    town: 'Marseille',
    region: "Provence-Alpes-Côte d'Azur",
    latitude: 43.2965,
    longitude: 5.3698,
    openedOn: '2015-12-03',
  },
] as const;

export type SeedRecorder = 'monitor' | 'ngo';
export type SeedEstimate = CreateEstimateInput & { by: SeedRecorder; corrects?: number };

const AUTHORITY = { sourceName: 'Demo — Prefecture count', sourceKind: 'authority' as const };
const CENSUS = { sourceName: 'Demo — volunteer census', sourceKind: 'ngo' as const };
const INFORMANTS = { sourceName: 'Demo — community leaders', sourceKind: 'key_informant' as const };
const AUTHORITY_METHOD = 'Shelters counted on patrol × assumed occupancy';
const CENSUS_METHOD = 'Shelter-by-shelter census by volunteers';

/** Whole-camp figures of autumn 2015, before the zones were counted apart. */
export const CAMP_ESTIMATES: SeedEstimate[] = [
  { by: 'monitor', date: '2015-10-20', ...AUTHORITY, point: 4500, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2015-10-20', ...CENSUS, point: 6000, method: CENSUS_METHOD },
];

// The southern part: 800 (authorities) against 3,500 (NGOs) before the clearance of March 2016.
// The 8,000 typed in February is corrected to 800 by a superseding entry (`corrects`).
export const SOUTH_ESTIMATES: SeedEstimate[] = [
  { by: 'monitor', date: '2015-12-15', ...AUTHORITY, point: 1800, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2015-12-15', ...CENSUS, point: 3800, method: CENSUS_METHOD },
  { by: 'monitor', date: '2016-01-20', ...AUTHORITY, point: 1200, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2016-01-20', ...CENSUS, point: 3700, method: CENSUS_METHOD },
  { by: 'monitor', date: '2016-01-22', ...INFORMANTS, low: 2500, high: 3500, method: 'Six key informants' },
  { by: 'monitor', date: '2016-02-19', ...AUTHORITY, point: 8000, method: AUTHORITY_METHOD },
  { by: 'monitor', date: '2016-02-19', ...AUTHORITY, point: 800, method: AUTHORITY_METHOD, corrects: 5 },
  {
    by: 'ngo',
    date: '2016-02-19',
    ...CENSUS,
    point: 3500,
    method: CENSUS_METHOD,
    breakdown: {
      children: 440,
      women: 205,
      unaccompaniedMinors: 305,
      nationalities: { AFG: 1100, SDN: 900, ERI: 400, IRQ: 350, SYR: 200, IRN: 150, ETH: 150 },
    },
  },
];

// The northern part: 1,000–3,000 in February, then fuller as people moved from the south.
export const NORTH_ESTIMATES: SeedEstimate[] = [
  { by: 'monitor', date: '2015-12-15', ...AUTHORITY, point: 900, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2015-12-15', ...CENSUS, point: 2200, method: CENSUS_METHOD },
  { by: 'monitor', date: '2016-01-20', ...AUTHORITY, point: 1000, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2016-01-20', ...CENSUS, point: 2600, method: CENSUS_METHOD },
  { by: 'monitor', date: '2016-02-19', ...AUTHORITY, point: 1000, method: AUTHORITY_METHOD },
  {
    by: 'ngo',
    date: '2016-02-19',
    ...CENSUS,
    point: 3000,
    method: CENSUS_METHOD,
    breakdown: { children: 300, unaccompaniedMinors: 110 },
  },
  { by: 'monitor', date: '2016-03-22', ...AUTHORITY, point: 1900, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2016-03-22', ...CENSUS, point: 4200, method: CENSUS_METHOD },
  { by: 'monitor', date: '2016-03-24', ...INFORMANTS, low: 3000, high: 4500, method: 'Eight key informants' },
  { by: 'monitor', date: '2016-04-20', ...AUTHORITY, point: 2000, method: AUTHORITY_METHOD },
  { by: 'ngo', date: '2016-04-20', ...CENSUS, point: 4500, method: CENSUS_METHOD },
];

/** The container camp filled to its 1,500 places within three months. */
export const RECEPTION_ESTIMATES: SeedEstimate[] = [
  ['2016-01-31', 800],
  ['2016-02-29', 1300],
  ['2016-03-31', 1500],
  ['2016-04-30', 1450],
].map(([date, point]) => ({
  by: 'monitor' as const,
  date: String(date),
  sourceName: 'Demo — centre manager',
  sourceKind: 'headcount' as const,
  point: Number(point),
  method: 'Badge count at the gate',
}));

const KEY_INFORMANTS = [
  { kind: 'community_leader' as const, count: 5 },
  { kind: 'volunteer' as const, count: 3 },
  { kind: 'health_worker' as const, count: 1 },
];

export const ASSESSMENTS: Array<{ site: 'south' | 'north' | 'reception'; input: CreateAssessmentInput }> = [
  {
    site: 'south',
    input: {
      date: '2015-12-10',
      ...{ shelter: 4, waterSanitation: 4, healthAccess: 3, protection: 4 },
      ...{ latrines: 40, waterPoints: 8, showers: 0 },
      protectionRisks: ['violence', 'child_protection', 'no_lighting', 'unsafe_sanitation', 'smuggling'],
      servicesPresent: ['water', 'sanitation', 'food', 'legal_aid', 'information'],
      keyInformants: KEY_INFORMANTS,
    },
  },
  {
    site: 'south',
    input: {
      date: '2016-02-10',
      ...{ shelter: 4, waterSanitation: 3, healthAccess: 3, protection: 5 },
      ...{ latrines: 90, waterPoints: 14, showers: 10 },
      protectionRisks: ['violence', 'child_protection', 'trafficking', 'eviction', 'fire', 'no_lighting'],
      servicesPresent: [
        'water',
        'sanitation',
        'showers',
        'food',
        'health',
        'legal_aid',
        'child_friendly_space',
      ],
      keyInformants: KEY_INFORMANTS,
    },
  },
  {
    site: 'north',
    input: {
      date: '2016-02-10',
      ...{ shelter: 4, waterSanitation: 4, healthAccess: 3, protection: 4 },
      ...{ latrines: 50, waterPoints: 9 },
      protectionRisks: ['violence', 'child_protection', 'no_lighting'],
      servicesPresent: ['water', 'sanitation', 'food', 'information'],
      keyInformants: KEY_INFORMANTS,
    },
  },
  {
    site: 'north',
    input: {
      date: '2016-04-12',
      ...{ shelter: 5, waterSanitation: 4, healthAccess: 4, protection: 4 },
      ...{ latrines: 70, waterPoints: 11, showers: 6 },
      protectionRisks: ['violence', 'child_protection', 'trafficking', 'family_separation', 'fire'],
      servicesPresent: ['water', 'sanitation', 'showers', 'food', 'health', 'legal_aid', 'women_safe_space'],
      keyInformants: KEY_INFORMANTS,
    },
  },
  {
    site: 'reception',
    input: {
      date: '2016-02-15',
      ...{ shelter: 2, waterSanitation: 2, healthAccess: 2, protection: 2 },
      ...{ latrines: 60, waterPoints: 20, showers: 40 },
      protectionRisks: ['family_separation'],
      servicesPresent: ['water', 'sanitation', 'showers', 'shelter', 'health', 'information', 'electricity'],
      keyInformants: [
        { kind: 'site_manager', count: 1 },
        { kind: 'resident', count: 6 },
      ],
    },
  },
];

/** Protection incidents around the clearance; descriptions name no one (they are encrypted anyway). */
export const INCIDENTS: Array<{ site: 'camp' | 'south' | 'north'; input: CreateIncidentInput }> = [
  {
    site: 'camp',
    input: {
      date: '2016-01-15',
      kind: 'fire',
      severity: 'high',
      peopleAffected: 30,
      description: 'Fire in a row of shelters at night; several families lost their belongings.',
    },
  },
  {
    site: 'south',
    input: {
      date: '2016-02-29',
      kind: 'police_action',
      severity: 'high',
      peopleAffected: 150,
      description: 'Clearance began; tear gas used near the eastern shelters.',
    },
  },
  {
    site: 'south',
    input: {
      date: '2016-03-01',
      kind: 'fire',
      severity: 'medium',
      peopleAffected: 60,
      description: 'Shelters set alight during the clearance.',
    },
  },
  {
    site: 'south',
    input: {
      date: '2016-03-03',
      kind: 'injury',
      severity: 'high',
      peopleAffected: 12,
      description: 'Volunteer medics treated injuries after confrontations.',
    },
  },
  {
    site: 'south',
    input: {
      date: '2016-03-12',
      kind: 'missing_person',
      severity: 'critical',
      peopleAffected: 129,
      description: 'Unaccompanied children counted before the clearance could not be found afterwards.',
    },
  },
  {
    site: 'north',
    input: {
      date: '2016-04-02',
      kind: 'physical_violence',
      severity: 'medium',
      peopleAffected: 3,
      description: 'Fight at a food distribution point.',
    },
  },
];
