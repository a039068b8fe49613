import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { fieldErrors } from '../../api/form-errors';
import { ErrorState, PageLoader } from '../../app/states';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { type AuditFilter, useAuditEntries } from './api';

const KEYS = ['actorId', 'entity', 'entityId', 'action', 'from', 'to'] as const;

/** The filter lives in the address, so a view can be bookmarked or sent to a colleague. */
function useFilterFromUrl(): [AuditFilter, (filter: AuditFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo(() => {
    const result: AuditFilter = {};
    for (const key of KEYS) {
      const value = params.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [params]);
  const setFilter = (next: AuditFilter) => {
    const search = new URLSearchParams();
    for (const key of KEYS) if (next[key]) search.set(key, next[key] ?? '');
    setParams(search);
  };
  return [filter, setFilter];
}

export function AuditPage() {
  const { t } = useTranslation('audit');
  const [filter, setFilter] = useFilterFromUrl();
  const entries = useAuditEntries(filter);
  const items = entries.data?.pages.flatMap((page) => page.items) ?? [];
  const invalidFilter = entries.error instanceof ApiError && entries.error.code === 'validation_failed';

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Text c="dimmed">{t('intro')}</Text>
      </div>
      <AuditFilters value={filter} onChange={setFilter} errors={fieldErrors(entries.error)} />
      {entries.isPending && <PageLoader label={t('common:loading')} />}
      {entries.isError &&
        (invalidFilter ? (
          <Text c="red" role="alert">
            {t('errors.validation_failed')}
          </Text>
        ) : (
          <ErrorState error={entries.error} onRetry={() => void entries.refetch()} />
        ))}
      {entries.isSuccess && items.length === 0 && <Text>{t('empty')}</Text>}
      {items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('shown', { count: items.length })}
          </Text>
          <AuditTable entries={items} onActor={(actorId) => setFilter({ ...filter, actorId })} />
        </>
      )}
      {entries.hasNextPage && (
        <Center>
          <Button
            variant="default"
            onClick={() => void entries.fetchNextPage()}
            loading={entries.isFetchingNextPage}
          >
            {t('common:actions.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
