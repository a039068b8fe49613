import { Select } from '@mantine/core';
import { useSiteOptions } from '../api';

interface Props {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  error?: string;
  placeholder?: string;
}

/** Hidden when there is no site to choose from (none recorded, sites module absent or not allowed). */
export function SiteSelect({ label, value, onChange, error, placeholder }: Props) {
  const sites = useSiteOptions();
  if (!sites.data || sites.data.length === 0) return null;
  return (
    <Select
      label={label}
      data={sites.data.map((s) => ({ value: s.id, label: s.name }))}
      value={value}
      onChange={onChange}
      searchable
      clearable
      placeholder={placeholder}
      error={error}
    />
  );
}
