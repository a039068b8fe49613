import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSites } from '../sites/api';

/** A site (camp, centre, transit point) whose outreach team follows the appointment, or none. */
export function SiteSelect({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
}) {
  const { t } = useTranslation('pathways');
  const sites = useSites({});
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: '', label: t('sites.any') },
        ...(sites.data ?? []).map((s) => ({ value: s.id, label: s.name })),
      ]}
      error={error}
      miw={180}
    />
  );
}
