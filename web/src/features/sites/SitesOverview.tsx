import { Checkbox, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePermissions } from '../../app/session';
import { ErrorState, PageLoader } from '../../app/states';
import { type SiteFilter, useSites } from './api';
import { SiteCreateForm } from './SiteCreateForm';
import { SiteMap } from './SiteMap';
import { SitesTable } from './SitesTable';
import { SITE_KINDS, SITE_STATUSES, type SiteKind, type SiteStatus } from './types';

/** Filters live in the address, so a view of the map can be bookmarked or sent. */
function useFilter(): [SiteFilter, (next: SiteFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<SiteFilter>(() => {
    const kind = params.get('kind');
    const status = params.get('status');
    return {
      kind: SITE_KINDS.includes(kind as SiteKind) ? (kind as SiteKind) : undefined,
      status: SITE_STATUSES.includes(status as SiteStatus) ? (status as SiteStatus) : undefined,
      topLevel: params.get('all') === '1' ? undefined : 'true',
    };
  }, [params]);
  const setFilter = (next: SiteFilter) => {
    const search = new URLSearchParams();
    if (next.kind) search.set('kind', next.kind);
    if (next.status) search.set('status', next.status);
    if (!next.topLevel) search.set('all', '1');
    setParams(search);
  };
  return [filter, setFilter];
}

export function SitesOverview() {
  const { t } = useTranslation('sites');
  const [filter, setFilter] = useFilter();
  const sites = useSites(filter);
  const canManage = usePermissions().has('sites.manage');

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('list.kind')}
          value={filter.kind ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, kind: (e.currentTarget.value || undefined) as SiteKind | undefined })
          }
          data={[
            { value: '', label: t('list.all') },
            ...SITE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) })),
          ]}
        />
        <NativeSelect
          label={t('list.status')}
          value={filter.status ?? ''}
          onChange={(e) =>
            setFilter({ ...filter, status: (e.currentTarget.value || undefined) as SiteStatus | undefined })
          }
          data={[
            { value: '', label: t('list.all') },
            ...SITE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          ]}
        />
        <Checkbox
          label={t('list.topLevel')}
          checked={filter.topLevel === 'true'}
          onChange={(e) => setFilter({ ...filter, topLevel: e.currentTarget.checked ? 'true' : undefined })}
          mb={8}
        />
      </Group>
      {sites.isPending && <PageLoader label={t('common:loading')} />}
      {sites.isError && <ErrorState error={sites.error} onRetry={() => void sites.refetch()} />}
      {sites.isSuccess && (
        <>
          <SiteMap sites={sites.data} label={t('map.label')} />
          {sites.data.length === 0 ? (
            <Text>{t('list.empty')}</Text>
          ) : (
            <>
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('list.count', { count: sites.data.length })}
              </Text>
              <SitesTable sites={sites.data} />
            </>
          )}
        </>
      )}
      {canManage && <SiteCreateForm />}
    </Stack>
  );
}
