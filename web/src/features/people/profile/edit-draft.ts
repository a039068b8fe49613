import type { Person, Sex, UpdatePersonInput } from '../types';

/** The edit dialog's values: only the fields the server sent, as text the inputs hold. */
export interface EditDraft {
  givenName: string;
  familyName: string;
  fathersName: string;
  originalScriptName: string;
  otherNames: string[];
  sex: Sex;
  birthDate: string;
  birthYear: string;
  ageEstimated: boolean;
  nationality: string | null;
  languages: string[];
  phone: string;
  siteId: string | null;
  placeOfOrigin: string;
  notes: string;
}

export function draftOf(person: Person): EditDraft {
  return {
    givenName: person.givenName ?? '',
    familyName: person.familyName ?? '',
    fathersName: person.fathersName ?? '',
    originalScriptName: person.originalScriptName ?? '',
    otherNames: person.otherNames ?? [],
    sex: person.sex as Sex,
    birthDate: person.birthDate ?? '',
    birthYear: person.birthYear === null ? '' : String(person.birthYear),
    ageEstimated: person.ageEstimated,
    nationality: person.nationality,
    languages: person.languages,
    phone: person.phone ?? '',
    siteId: person.siteId,
    placeOfOrigin: person.placeOfOrigin ?? '',
    notes: person.notes ?? '',
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const nullable = (value: string) => (value.trim() === '' ? null : value.trim());

/**
 * The PATCH body: only what changed (the server checks the role may write each field sent), an
 * emptied optional field as null, and the version read, so a concurrent change answers 409.
 */
export function changesOf(person: Person, before: EditDraft, after: EditDraft): UpdatePersonInput {
  const body: Record<string, unknown> = {};
  const texts = [
    'familyName',
    'fathersName',
    'originalScriptName',
    'phone',
    'placeOfOrigin',
    'notes',
  ] as const;
  if (!same(before.givenName, after.givenName)) body.givenName = after.givenName;
  for (const key of texts) if (!same(before[key], after[key])) body[key] = nullable(after[key]);
  for (const key of ['otherNames', 'languages', 'sex', 'ageEstimated', 'nationality', 'siteId'] as const)
    if (!same(before[key], after[key])) body[key] = after[key];
  if (!same(before.birthDate, after.birthDate)) body.birthDate = nullable(after.birthDate);
  if (!same(before.birthYear, after.birthYear) && !after.birthDate)
    body.birthYear = /^\d+$/.test(after.birthYear) ? Number(after.birthYear) : nullable(after.birthYear);
  if (Object.keys(body).length > 0) body.version = person.version;
  return body as UpdatePersonInput;
}
