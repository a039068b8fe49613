import { foldName, nameKeys } from '../transliteration/index.js';

/** A person record as the matching engine sees it, from the registry or from a CSV file. */
export interface MatchInput {
  id: string;
  givenName?: string | null;
  familyName?: string | null;
  fathersName?: string | null;
  originalScriptName?: string | null;
  sex?: string | null;
  /** YYYY-MM-DD (or YYYYMMDD). */
  birthDate?: string | null;
  birthYear?: number | null;
  ageEstimated?: boolean;
  nationality?: string | null;
  placeOfOrigin?: string | null;
  /** Other columns (document numbers, addresses): compared as plain strings. */
  extras?: Record<string, string | null | undefined>;
}

export interface BirthInfo {
  year: number;
  month: number | null;
  day: number | null;
  digits: string | null;
  estimated: boolean;
}

/** Everything the comparisons need, computed once per record. */
export interface MatchRecord {
  id: string;
  given: string;
  /** Family name, or the father's name when there is no family name (Eritrean, Afghan customs). */
  second: string;
  father: string;
  script: string;
  fullName: string;
  sex: string | null;
  birth: BirthInfo | null;
  nationality: string | null;
  place: string;
  extras: string[];
  /** Blocking keys from name tokens (skeletons and phonetic keys). */
  givenSkeleton: string;
  secondSkeleton: string;
  givenPhonetic: string;
  secondPhonetic: string;
  nameSkeletons: string[];
  /** The name as one term for term-frequency adjustment: the sorted skeleton keys of all its spellings. */
  nameTerm: string;
}

function clean(value: string | null | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function parseBirth(input: MatchInput): BirthInfo | null {
  const raw = clean(input.birthDate).replace(/-/g, '');
  if (/^\d{8}$/.test(raw)) {
    const year = Number(raw.slice(0, 4));
    const month = Number(raw.slice(4, 6));
    const day = Number(raw.slice(6, 8));
    // 1 January is what registration writes when only the year is known: treat it as year-only.
    const yearOnly = month === 1 && day === 1;
    return {
      year,
      month: yearOnly ? null : month,
      day: yearOnly ? null : day,
      digits: yearOnly ? null : raw,
      estimated: Boolean(input.ageEstimated),
    };
  }
  if (typeof input.birthYear === 'number' && Number.isFinite(input.birthYear)) {
    return {
      year: input.birthYear,
      month: null,
      day: null,
      digits: null,
      estimated: input.ageEstimated ?? true,
    };
  }
  return null;
}

function firstKey(keys: string[]): string {
  return keys[0] ?? '';
}

/** The last key, or '' when there is only one (a single name has no second part). */
function lastKey(keys: string[]): string {
  return keys.length > 1 ? keys[keys.length - 1]! : '';
}

export function toMatchRecord(input: MatchInput, extraColumns: readonly string[] = []): MatchRecord {
  const given = clean(input.givenName);
  const family = clean(input.familyName);
  const father = clean(input.fathersName);
  const second = family || father;
  const script = clean(input.originalScriptName);
  const fullName = [given, father, family].filter(Boolean).join(' ');
  const latinKeys = nameKeys(fullName);
  // Blocking keys come from the Latin name, or from the original script when that is all there is.
  const blockingKeys = latinKeys.skeletons.length > 0 ? latinKeys : nameKeys(script);
  const scriptKeys = script ? nameKeys(script).skeletons : [];
  const allSkeletons = [...new Set([...latinKeys.skeletons, ...scriptKeys])];
  return {
    id: input.id,
    given,
    second,
    father: family ? father : '',
    script,
    fullName,
    sex: normaliseSex(input.sex),
    birth: parseBirth(input),
    nationality: clean(input.nationality).toUpperCase() || null,
    place: foldName(clean(input.placeOfOrigin)),
    extras: extraColumns.map((column) => foldName(clean(input.extras?.[column])).replace(/\s+/g, '')),
    givenSkeleton: firstKey(blockingKeys.skeletons),
    secondSkeleton: lastKey(blockingKeys.skeletons),
    givenPhonetic: firstKey(blockingKeys.phonetics),
    secondPhonetic: lastKey(blockingKeys.phonetics),
    nameSkeletons: allSkeletons,
    nameTerm: [...allSkeletons].sort().join(' '),
  };
}

function normaliseSex(value: string | null | undefined): string | null {
  const v = clean(value).toLowerCase();
  if (['f', 'female', 'woman', 'girl', '2'].includes(v)) return 'female';
  if (['m', 'male', 'man', 'boy', '1'].includes(v)) return 'male';
  if (v === 'other') return 'other';
  return null;
}
