import { Checkbox, Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CASE_RISKS, CASE_STATUSES, CASE_TYPES, type CaseFilter } from '../types';

/** The caseload's filters: state, type, risk, whose cases, only overdue ones. */
export function CaseFilters({
  value,
  onChange,
}: {
  value: CaseFilter;
  onChange: (next: CaseFilter) => void;
}) {
  const { t } = useTranslation('cases');
  const set = (key: keyof CaseFilter) => (event: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: event.currentTarget.value || undefined });
  const any = { value: '', label: t('filters.any') };
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <NativeSelect
        label={t('filters.status')}
        value={value.status ?? ''}
        onChange={set('status')}
        data={[
          any,
          { value: 'active', label: t('filters.active') },
          ...CASE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
        ]}
      />
      <NativeSelect
        label={t('filters.type')}
        value={value.type ?? ''}
        onChange={set('type')}
        data={[any, ...CASE_TYPES.map((s) => ({ value: s, label: t(`types.${s}`) }))]}
      />
      <NativeSelect
        label={t('filters.risk')}
        value={value.risk ?? ''}
        onChange={set('risk')}
        data={[any, ...CASE_RISKS.map((s) => ({ value: s, label: t(`risks.${s}`) }))]}
      />
      <NativeSelect
        label={t('filters.assigned')}
        value={value.assigned ?? ''}
        onChange={set('assigned')}
        data={[
          any,
          { value: 'me', label: t('filters.me') },
          { value: 'unassigned', label: t('filters.unassigned') },
        ]}
      />
      <Checkbox
        label={t('filters.overdue')}
        checked={value.overdue === 'true'}
        onChange={(e) => onChange({ ...value, overdue: e.currentTarget.checked ? 'true' : undefined })}
        mb={8}
      />
    </Group>
  );
}
