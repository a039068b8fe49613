import { MultiSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNeedsReference } from '../api';
import { NEED_CATEGORIES } from '../types';

interface Props {
  label: string;
  value: string[];
  onChange: (value: string[]) => void;
  description?: string;
  error?: string;
  /** Codes already recorded, left out of the choices. */
  exclude?: readonly string[];
}

/**
 * UNHCR specific-needs codes grouped by category, searchable by code or words ("SC-UC",
 * "unaccompanied"). Category names are translated; sub-code labels come from the reference table.
 */
export function NeedsSelect({ label, value, onChange, description, error, exclude = [] }: Props) {
  const { t } = useTranslation('people');
  const needs = useNeedsReference();
  const items = (needs.data ?? []).filter((n) => !exclude.includes(n.code));
  const data = NEED_CATEGORIES.map((category) => ({
    group: `${category} — ${t(`needCategories.${category}`)}`,
    items: items
      .filter((n) => n.category === category)
      .map((n) => ({
        value: n.code,
        label:
          n.code === category ? `${n.code} — ${t(`needCategories.${category}`)}` : `${n.code} — ${n.label}`,
      })),
  })).filter((group) => group.items.length > 0);
  return (
    <MultiSelect
      label={label}
      description={description}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable
      hidePickedOptions
      maxDropdownHeight={320}
      error={error}
      disabled={needs.isPending}
    />
  );
}
