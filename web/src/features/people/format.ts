import { useTranslation } from 'react-i18next';
import { useCountries } from './api';
import type { Person } from './types';

type Named = Pick<Person, 'givenName' | 'fathersName' | 'familyName' | 'code'>;

/** Given name, father's name, family name, as the person says them; the card code when names are not visible. */
export function displayName(person: Named): string {
  const parts = [person.givenName, person.fathersName, person.familyName].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : person.code;
}

export function useCountryName(): (code: string | null | undefined) => string {
  const countries = useCountries();
  return (code) => {
    if (!code) return '—';
    return countries.data?.find((c) => c.code === code)?.name ?? code;
  };
}

/**
 * "age 34 (estimated)": the age the server computed, with the estimate flag in words; `bare`
 * leaves out the word "age" where a label already says it.
 */
export function useAgeText(): (person: Pick<Person, 'age' | 'ageEstimated'>, bare?: boolean) => string {
  const { t } = useTranslation('people');
  return (person, bare = false) => {
    if (person.age === null) return t('none');
    const years = bare ? String(person.age) : t('yearsOld', { count: person.age });
    return person.ageEstimated ? `${years} (${t('estimated')})` : years;
  };
}

interface Explanation {
  field: string;
  level: string;
  detail: string;
}

/** A short "why" line from a match explanation: which field agreed, how, and the aligned words. */
export function useExplain(): (explanation: readonly Explanation[]) => string {
  const { t } = useTranslation('people');
  return (explanation) =>
    explanation
      .map((e) => {
        const field = t(`match.fields.${e.field}`, { defaultValue: e.field });
        const level = t(`match.levels.${e.level}`, { defaultValue: e.level });
        return e.field === 'name' && e.detail ? `${field}: ${level} (${e.detail})` : `${field}: ${level}`;
      })
      .join('; ');
}
