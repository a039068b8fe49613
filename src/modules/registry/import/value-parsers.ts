/**
 * Cell values as KoBo/ODK forms and spreadsheets write them, turned into the values of
 * RegisterPersonBody. Each parser either returns a value or a message naming what it expected;
 * the zod schema then applies the same rules as a registration through the API.
 */
import { COUNTRIES, isCountryCode } from '../countries.js';
import { CONSENT_BASES, CONSENT_PURPOSES, RELATIONSHIPS } from '../registry.schema.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (message: string): Parsed<never> => ({ ok: false, message });

/** Lowercase, accents removed, every run of other characters one space: "Côte d'Ivoire" → "cote d ivoire". */
export function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Space-, comma-, semicolon- or pipe-separated values (KoBo writes select_multiple answers space-separated). */
export function splitList(value: string, separators: RegExp = /[\s,;|]+/): string[] {
  return value
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean);
}

const SEXES: Record<string, 'female' | 'male' | 'other' | 'unknown'> = {
  male: 'male',
  m: 'male',
  man: 'male',
  boy: 'male',
  '1': 'male',
  homme: 'male',
  h: 'male',
  masculin: 'male',
  ذكر: 'male',
  female: 'female',
  f: 'female',
  woman: 'female',
  girl: 'female',
  '2': 'female',
  femme: 'female',
  feminin: 'female',
  // Folded: the hamza of أنثى is a combining mark once decomposed.
  انثى: 'female',
  other: 'other',
  autre: 'other',
  x: 'other',
  unknown: 'unknown',
  inconnu: 'unknown',
  u: 'unknown',
  '9': 'unknown',
};

export function parseSex(value: string): Parsed<string> {
  const sex = SEXES[fold(value)];
  return sex ? ok(sex) : bad('must be male, female, other or unknown (also m/f, 1 = male, 2 = female)');
}

const TRUE = new Set(['1', 'true', 'yes', 'y', 'oui', 'o', 'x', 'نعم']);
const FALSE = new Set(['0', 'false', 'no', 'n', 'non', 'لا']);

export function parseBoolean(value: string): Parsed<boolean> {
  const folded = fold(value);
  if (TRUE.has(folded)) return ok(true);
  if (FALSE.has(folded)) return ok(false);
  return bad('must be yes or no (also 1/0, true/false)');
}

/**
 * ISO dates (also the date part of an ISO date-time, as ODK writes them) and day-first dates as
 * European spreadsheets write them (31/12/2001, 31.12.2001). Impossible dates pass through so the
 * schema names them.
 */
export function parseDate(value: string): Parsed<string> {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(value);
  if (iso) return ok(`${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`);
  const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (dayFirst) return ok(`${dayFirst[3]}-${dayFirst[2]!.padStart(2, '0')}-${dayFirst[1]!.padStart(2, '0')}`);
  return bad('must be a date as YYYY-MM-DD (or DD/MM/YYYY)');
}

export function parseWholeNumber(value: string, what: string): Parsed<number> {
  const normalised = value.replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(normalised)) return bad(`must be ${what}`);
  return ok(Math.floor(Number(normalised)));
}

/**
 * Names under which nationalities reach a registration desk in Calais besides the ISO short name:
 * French names, demonyms, and official long forms.
 */
const COUNTRY_ALIASES: Record<string, string> = {
  afghan: 'AFG',
  soudan: 'SDN',
  sudanese: 'SDN',
  erythree: 'ERI',
  eritrean: 'ERI',
  syrie: 'SYR',
  syrian: 'SYR',
  'syrian arab republic': 'SYR',
  irak: 'IRQ',
  iraqi: 'IRQ',
  iranian: 'IRN',
  'iran islamic republic of': 'IRN',
  ethiopie: 'ETH',
  ethiopian: 'ETH',
  pakistani: 'PAK',
  egypte: 'EGY',
  egyptian: 'EGY',
  somalie: 'SOM',
  somali: 'SOM',
  koweit: 'KWT',
  kuwaiti: 'KWT',
  albanie: 'ALB',
  albanian: 'ALB',
  'viet nam': 'VNM',
  vietnamese: 'VNM',
  libye: 'LBY',
  libyan: 'LBY',
  tchad: 'TCD',
  chadian: 'TCD',
  guinee: 'GIN',
  guinean: 'GIN',
  palestine: 'PSE',
  palestinian: 'PSE',
  'south sudan': 'SSD',
  'soudan du sud': 'SSD',
  stateless: 'XXA',
  apatride: 'XXA',
};

// Later entries win: a full name ("Congo") over another country's shortened one.
const COUNTRY_BY_NAME: ReadonlyMap<string, string> = new Map([
  // "Palestine, State of" is also written without its comma clause.
  ...COUNTRIES.filter(([, name]) => name.includes(',')).map(
    ([code, name]) => [fold(name.split(',')[0]!), code] as [string, string],
  ),
  ...COUNTRIES.map(([code, name]) => [fold(name), code] as [string, string]),
  ...Object.entries(COUNTRY_ALIASES),
]);

/** An ISO 3166-1 alpha-3 code in any case, or a country's English (or common French) name. */
export function parseCountry(value: string): Parsed<string> {
  const upper = value.trim().toUpperCase();
  if (isCountryCode(upper)) return ok(upper);
  const code = COUNTRY_BY_NAME.get(fold(value));
  return code ? ok(code) : bad(`"${value}" is not a country code (ISO 3166-1 alpha-3, e.g. SYR) or name`);
}

const LANGUAGE_NAMES: Record<string, string> = {
  arabic: 'ar',
  arabe: 'ar',
  pashto: 'ps',
  pachto: 'ps',
  dari: 'fa-AF',
  farsi: 'fa',
  persian: 'fa',
  persan: 'fa',
  tigrinya: 'ti',
  tigrigna: 'ti',
  amharic: 'am',
  amharique: 'am',
  sorani: 'ckb',
  kurmanji: 'kmr',
  french: 'fr',
  francais: 'fr',
  english: 'en',
  anglais: 'en',
  urdu: 'ur',
  ourdou: 'ur',
  somali: 'so',
  oromo: 'om',
  kurdish: 'ku',
  kurde: 'ku',
};

/** Language tags, or language names in English or French; unknown words are left for the schema to name. */
export function parseLanguages(value: string): string[] {
  return splitList(value).map((item) => {
    const named = LANGUAGE_NAMES[fold(item)];
    if (named) return named;
    // KoBo choice names cannot hold a hyphen: fa_AF.
    const [language = '', ...rest] = item.replace(/_/g, '-').split('-');
    return [language.toLowerCase(), ...rest].join('-');
  });
}

/** UNHCR specific-needs codes; KoBo choice names write sc_uc for SC-UC. */
export function parseNeedCodes(value: string): string[] {
  return splitList(value).map((code) => code.replace(/_/g, '-').toUpperCase());
}

const CONSENT_YES = new Set(['yes', 'y', 'oui', 'true', '1', 'نعم', 'consent given', 'given', 'agreed']);
const CONSENT_NO = new Set(['no', 'n', 'non', 'false', '0', 'لا', 'refused', 'declined']);

/**
 * A legal basis by name (vital interest, vital_interest), or a yes/no consent question: yes is
 * consent; no is refused, because a person who declined must be registered under another basis
 * on purpose, not by default.
 */
export function parseConsentBasis(value: string): Parsed<string> {
  const folded = fold(value);
  const named = CONSENT_BASES.find((basis) => basis.replace(/_/g, ' ') === folded);
  if (named) return ok(named);
  if (CONSENT_YES.has(folded)) return ok('consent');
  if (CONSENT_NO.has(folded)) {
    return bad('the person did not consent: give another legal basis for this row, or leave the row out');
  }
  return bad(`must be yes/no or one of ${CONSENT_BASES.join(', ')}`);
}

/** Consent purposes by name; `all` means the four purposes. Unknown words are left for the schema. */
export function parsePurposes(value: string): string[] {
  const words = splitList(value, /[,;|]+|\s+(?!sharing)/i).map((w) => fold(w).replace(/ /g, '_'));
  return words.flatMap((word) => (word === 'all' ? [...CONSENT_PURPOSES] : [word]));
}

const RELATIONSHIP_ALIASES: Record<string, string> = {
  hoh: 'head',
  'head of household': 'head',
  'chef de famille': 'head',
  wife: 'spouse',
  husband: 'spouse',
  epoux: 'spouse',
  epouse: 'spouse',
  son: 'child',
  daughter: 'child',
  fils: 'child',
  fille: 'child',
  enfant: 'child',
  brother: 'sibling',
  sister: 'sibling',
  frere: 'sibling',
  soeur: 'sibling',
  mother: 'parent',
  father: 'parent',
  mere: 'parent',
  pere: 'parent',
  relative: 'other_relative',
  'other relative': 'other_relative',
  'non relative': 'non_relative',
};

export function parseRelationship(value: string): Parsed<string> {
  const folded = fold(value);
  const named = RELATIONSHIPS.find((r) => r.replace(/_/g, ' ') === folded);
  if (named) return ok(named);
  const alias = RELATIONSHIP_ALIASES[folded];
  return alias ? ok(alias) : bad(`must be one of ${RELATIONSHIPS.join(', ')}`);
}
