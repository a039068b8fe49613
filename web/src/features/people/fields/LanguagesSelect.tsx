import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The languages of people on the move in Calais (DESIGN.md), as BCP 47 tags. */
const COMMON = [
  'ar',
  'ps',
  'fa-AF',
  'fa',
  'ti',
  'am',
  'ckb',
  'kmr',
  'ku',
  'ur',
  'so',
  'om',
  'sq',
  'vi',
  'fr',
  'en',
];

function languageName(tag: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

interface Props {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  error?: string;
}

/** Language names in the interface language (the browser's own data), with the tag for clarity. */
export function LanguagesSelect({ label, value, onChange, error }: Props) {
  const { i18n } = useTranslation();
  const tags = [...new Set([...COMMON, ...value])];
  return (
    <MultiSelect
      label={label}
      data={tags.map((tag) => ({ value: tag, label: `${languageName(tag, i18n.language)} (${tag})` }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      error={error}
    />
  );
}
