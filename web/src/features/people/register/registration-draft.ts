import type { ConsentBasis, ConsentPurpose, RegisterPersonInput, Relationship, Sex } from '../types';

/** What the registration form holds: text as typed, turned into the API body on submit. */
export interface RegistrationDraft {
  givenName: string;
  familyName: string;
  fathersName: string;
  originalScriptName: string;
  otherNames: string[];
  sex: Sex | '';
  birthDate: string;
  birthYear: string;
  ageYears: string;
  ageEstimated: boolean;
  nationality: string | null;
  languages: string[];
  phone: string;
  siteId: string | null;
  specificNeeds: string[];
  basis: ConsentBasis | '';
  purposes: ConsentPurpose[];
  relationship: Relationship | '';
}

export const EMPTY_DRAFT: RegistrationDraft = {
  givenName: '',
  familyName: '',
  fathersName: '',
  originalScriptName: '',
  otherNames: [],
  sex: '',
  birthDate: '',
  birthYear: '',
  ageYears: '',
  ageEstimated: false,
  nationality: null,
  languages: [],
  phone: '',
  siteId: null,
  specificNeeds: [],
  // No consent is pre-selected: it is asked for, not assumed.
  basis: '',
  purposes: [],
  relationship: '',
};

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
/** Digits become a number; anything else goes as typed so the server names the field. */
const yearOf = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : text(value));

/**
 * The POST /api/people body. Empty fields are left out (never sent as ""), an exact date wins
 * over a year, and a missing sex or basis is sent as missing so the server's message appears
 * beside that field.
 */
export function registrationBody(draft: RegistrationDraft, householdId: string | null): RegisterPersonInput {
  return {
    givenName: draft.givenName,
    familyName: text(draft.familyName),
    fathersName: text(draft.fathersName),
    originalScriptName: text(draft.originalScriptName),
    otherNames: draft.otherNames.length > 0 ? draft.otherNames : undefined,
    sex: (draft.sex || undefined) as Sex,
    birthDate: text(draft.birthDate),
    birthYear: text(draft.birthDate) ? undefined : (yearOf(draft.birthYear) as number | undefined),
    ageEstimated: draft.ageEstimated || undefined,
    nationality: draft.nationality ?? undefined,
    languages: draft.languages.length > 0 ? draft.languages : undefined,
    phone: text(draft.phone),
    siteId: draft.siteId ?? undefined,
    specificNeeds: draft.specificNeeds.length > 0 ? draft.specificNeeds : undefined,
    householdId: householdId ?? undefined,
    relationship: householdId && draft.relationship ? draft.relationship : undefined,
    consent: { basis: (draft.basis || undefined) as ConsentBasis, purposes: draft.purposes },
  };
}

/** The year of birth an age in years gives today, or null while the age is not a number. */
export function yearFromAge(age: string, now = new Date()): number | null {
  if (!/^\d{1,3}$/.test(age.trim())) return null;
  return now.getFullYear() - Number(age.trim());
}
