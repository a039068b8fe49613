import { Checkbox, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DraftFieldsProps } from './IdentityFields';
import { yearFromAge } from './registration-draft';

/**
 * An exact date when the person has one; otherwise a year, or an age from which the year is
 * estimated. The server derives the year from a date, so a date makes the year field redundant.
 */
export function BirthFields({ draft, set, errors }: DraftFieldsProps) {
  const { t } = useTranslation('people');
  const hasDate = draft.birthDate.trim() !== '';
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          type="date"
          label={t('fields.birthDate')}
          value={draft.birthDate}
          onChange={(e) => set({ birthDate: e.currentTarget.value })}
          error={errors.birthDate}
        />
        <TextInput
          label={t('fields.birthYear')}
          inputMode="numeric"
          dir="ltr"
          maxLength={4}
          disabled={hasDate}
          value={hasDate ? draft.birthDate.slice(0, 4) : draft.birthYear}
          onChange={(e) => set({ birthYear: e.currentTarget.value, ageYears: '' })}
          error={errors.birthYear}
        />
        <TextInput
          label={t('fields.ageYears')}
          description={t('fields.ageYearsHint')}
          inputMode="numeric"
          dir="ltr"
          maxLength={3}
          disabled={hasDate}
          value={draft.ageYears}
          onChange={(e) => {
            const ageYears = e.currentTarget.value;
            const year = yearFromAge(ageYears);
            set(year === null ? { ageYears } : { ageYears, birthYear: String(year), ageEstimated: true });
          }}
        />
      </SimpleGrid>
      <Checkbox
        label={t('fields.ageEstimated')}
        checked={draft.ageEstimated}
        onChange={(e) => set({ ageEstimated: e.currentTarget.checked })}
        error={errors.ageEstimated}
      />
    </>
  );
}
