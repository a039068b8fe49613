import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCountries } from '../api';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  placeholder?: string;
}

/** Searchable by English name or ISO code ("erit", "ERI"); the value is the ISO 3166-1 alpha-3 code. */
export function NationalitySelect({ label, value, onChange, error, placeholder }: Props) {
  const { t } = useTranslation('people');
  const countries = useCountries();
  return (
    <Select
      label={label}
      data={(countries.data ?? []).map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      limit={50}
      nothingFoundMessage={t('none')}
      placeholder={placeholder}
      error={error}
      disabled={countries.isPending}
    />
  );
}
