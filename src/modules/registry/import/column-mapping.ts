/**
 * Which CSV column feeds which registration field. Headers of KoBoToolbox and ODK exports are
 * recognised (XML names such as `given_name`, group paths such as `group_x/family_name` or
 * `Name/given`, split select_multiple columns such as `needs/sc_uc`); anything else the user maps.
 */
import { AppError } from '../../../server/errors.js';
import { CONSENT_PURPOSES } from '../registry.schema.js';
import { findNeed } from '../specific-needs.js';
import { fold } from './value-parsers.js';

export const IMPORT_FIELDS = [
  'givenName',
  'familyName',
  'fathersName',
  'originalScriptName',
  'otherNames',
  'sex',
  'birthDate',
  'birthYear',
  'age',
  'ageEstimated',
  'nationality',
  'languages',
  'phone',
  'placeOfOrigin',
  'notes',
  'site',
  'specificNeeds',
  'consentBasis',
  'consentPurposes',
  'household',
  'relationship',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** A field, or one code of a yes/no column split from a multiple choice (`specificNeeds:SC-UC`). */
export type ImportTarget = ImportField | `specificNeeds:${string}` | `consentPurposes:${string}`;
/** Column name → target, in header order (a Map: header names are user data, never object keys). */
export type ColumnMapping = Map<string, ImportTarget | null>;

/** Without these no row can be valid, so the import stops before reading rows. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['givenName', 'sex', 'consentBasis'];

const SYNONYMS: Record<ImportField, readonly string[]> = {
  givenName: [
    'given name',
    'givenname',
    'first name',
    'firstname',
    'forename',
    'prenom',
    'name given',
    'given',
  ],
  familyName: [
    'family name',
    'familyname',
    'last name',
    'lastname',
    'surname',
    'nom',
    'nom de famille',
    'name family',
    'family',
  ],
  fathersName: ['fathers name', 'father s name', 'father name', 'name father', 'nom du pere', 'father'],
  originalScriptName: [
    'original script name',
    'name original script',
    'name in original script',
    'name original',
    'arabic name',
    'name arabic',
    'name ar',
    'native name',
    'local name',
  ],
  otherNames: ['other names', 'aliases', 'alias', 'also known as', 'aka', 'autres noms'],
  sex: ['sex', 'gender', 'sexe', 'genre'],
  birthDate: ['dob', 'date of birth', 'birth date', 'birthdate', 'date naissance', 'date de naissance'],
  birthYear: ['birth year', 'year of birth', 'yob', 'annee de naissance', 'annee naissance'],
  age: ['age', 'age years', 'age in years'],
  ageEstimated: [
    'age estimated',
    'estimated age',
    'age is estimated',
    'dob estimated',
    'birth date estimated',
  ],
  nationality: ['nationality', 'nationalite', 'citizenship', 'country of origin', 'country of nationality'],
  languages: ['languages', 'language', 'langues', 'langue', 'spoken languages', 'languages spoken'],
  phone: ['phone', 'phone number', 'telephone', 'tel', 'mobile', 'mobile number', 'contact phone'],
  placeOfOrigin: [
    'place of origin',
    'origin',
    'hometown',
    'city of origin',
    'lieu d origine',
    'lieu origine',
  ],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'remarques'],
  site: ['site', 'site id', 'site name', 'camp', 'current site'],
  specificNeeds: [
    'specific needs',
    'needs',
    'specific needs codes',
    'needs codes',
    'vulnerabilities',
    'besoins specifiques',
  ],
  consentBasis: ['consent', 'consent basis', 'legal basis', 'consent given', 'basis', 'consentement'],
  consentPurposes: ['consent purposes', 'purposes', 'consent for', 'purposes of consent'],
  household: ['household', 'household id', 'household ref', 'household code', 'hh id', 'hh', 'family id'],
  relationship: ['relationship', 'relation', 'relationship to head', 'rel hoh', 'lien de parente'],
};

const BY_SYNONYM: ReadonlyMap<string, ImportField> = new Map(
  (Object.entries(SYNONYMS) as Array<[ImportField, readonly string[]]>).flatMap(([field, words]) =>
    words.map((word) => [word, field] as [string, ImportField]),
  ),
);

/** KoBo/ODK bookkeeping columns: never personal data to import. */
const META = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'audit',
]);

function segments(header: string): string[] {
  return header
    .split('/')
    .map((segment) => fold(segment.replace(/_/g, ' ')))
    .filter(Boolean);
}

function isMeta(header: string): boolean {
  const raw = header.split('/');
  const last = raw.at(-1)?.trim() ?? '';
  const first = fold(raw[0] ?? '');
  return last.startsWith('_') || first === 'meta' || first === 'formhub' || META.has(fold(header));
}

/** The target a header names, or null. Exact full-path matches win over the last segment. */
export function detectTarget(header: string): ImportTarget | null {
  if (isMeta(header)) return null;
  const parts = segments(header);
  if (parts.length === 0) return null;
  const last = parts.at(-1)!;
  if (parts.length >= 2) {
    const parent = BY_SYNONYM.get(parts.at(-2)!);
    const code = last.replace(/ /g, '-').toUpperCase();
    if (parent === 'specificNeeds' && findNeed(code)) return `specificNeeds:${findNeed(code)!.code}`;
    const purpose = last.replace(/ /g, '_');
    if (parent === 'consentPurposes' && (CONSENT_PURPOSES as readonly string[]).includes(purpose))
      return `consentPurposes:${purpose}`;
  }
  const candidates = [parts.join(' '), parts.slice(-2).join(' '), last];
  for (const candidate of candidates) {
    const field = BY_SYNONYM.get(candidate);
    if (field) return field;
  }
  return null;
}

export function isImportTarget(value: string): value is ImportTarget {
  if ((IMPORT_FIELDS as readonly string[]).includes(value)) return true;
  const [field, code = ''] = value.split(':');
  if (field === 'specificNeeds') return findNeed(code)?.code === code;
  if (field === 'consentPurposes') return (CONSENT_PURPOSES as readonly string[]).includes(code);
  return false;
}

/**
 * The mapping used for an import, column by column in header order: the user's choices (`null`
 * ignores a column), then detection from the headers for the other columns. A field fed by two
 * columns would be ambiguous: the user's choice wins over detection, the first detected column
 * over later ones, and a user mapping that names one field twice is refused (400 naming the column).
 */
export function resolveMapping(
  header: readonly string[],
  overrides: Readonly<Record<string, string | null>> = {},
): ColumnMapping {
  const taken = new Map<ImportTarget, string>();
  for (const [column, target] of Object.entries(overrides)) {
    if (!header.includes(column))
      throw AppError.validation(`mapping.${column}`, 'no such column in the file header');
    if (target === null) continue;
    if (!isImportTarget(target)) throw AppError.validation(`mapping.${column}`, `unknown field ${target}`);
    const owner = taken.get(target);
    if (owner)
      throw AppError.validation(`mapping.${column}`, `${target} is already read from column "${owner}"`);
    taken.set(target, column);
  }
  const mapping: ColumnMapping = new Map();
  for (const column of header) {
    if (Object.hasOwn(overrides, column)) {
      mapping.set(column, (overrides[column] as ImportTarget | null) ?? null);
      continue;
    }
    const detected = detectTarget(column);
    if (detected && !taken.has(detected)) {
      taken.set(detected, column);
      mapping.set(column, detected);
    } else mapping.set(column, null);
  }
  return mapping;
}

/** Required fields that no column feeds. */
export function missingFields(mapping: ColumnMapping): ImportField[] {
  const mapped = new Set([...mapping.values()].map((target) => target?.split(':')[0]));
  return REQUIRED_FIELDS.filter((field) => !mapped.has(field));
}
