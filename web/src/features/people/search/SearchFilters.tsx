import { NativeSelect, SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchParams } from '../api';
import { useSiteOptions } from '../api';
import { NationalitySelect } from '../fields/NationalitySelect';
import { AGE_BANDS, NEED_CATEGORIES, SEXES } from '../types';

interface Props {
  params: SearchParams;
  onChange: (patch: Partial<SearchParams>) => void;
}

/** Filters apply at once; each is one URL parameter, so a filtered list can be shared or reloaded. */
export function SearchFilters({ params, onChange }: Props) {
  const { t } = useTranslation('people');
  const sites = useSiteOptions();
  const any = (label: string) => [{ value: '', label }];
  const pick = (key: keyof SearchParams) => (event: { currentTarget: { value: string } }) =>
    onChange({ [key]: event.currentTarget.value || undefined });
  return (
    <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm" role="group" aria-label={t('search.filters')}>
      {sites.data && sites.data.length > 0 && (
        <NativeSelect
          label={t('fields.site')}
          value={params.siteId ?? ''}
          onChange={pick('siteId')}
          data={[...any(t('search.anySite')), ...sites.data.map((s) => ({ value: s.id, label: s.name }))]}
        />
      )}
      <NationalitySelect
        label={t('fields.nationality')}
        placeholder={t('search.anyNationality')}
        value={params.nationality ?? null}
        onChange={(nationality) => onChange({ nationality: nationality ?? undefined })}
      />
      <NativeSelect
        label={t('fields.sex')}
        value={params.sex ?? ''}
        onChange={pick('sex')}
        data={[...any(t('search.anySex')), ...SEXES.map((s) => ({ value: s, label: t(`sexes.${s}`) }))]}
      />
      <NativeSelect
        label={t('search.ageBand')}
        value={params.ageBand ?? ''}
        onChange={pick('ageBand')}
        data={[
          ...any(t('search.anyAge')),
          ...AGE_BANDS.map((b) => ({ value: b, label: t(`ageBands.${b}`) })),
        ]}
      />
      <NativeSelect
        label={t('search.need')}
        value={params.need ?? ''}
        onChange={pick('need')}
        data={[
          ...any(t('search.anyNeed')),
          ...NEED_CATEGORIES.map((c) => ({ value: c, label: `${c} — ${t(`needCategories.${c}`)}` })),
        ]}
      />
    </SimpleGrid>
  );
}
