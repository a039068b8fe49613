import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { useCases } from '../api';
import { CASE_RISKS, CASE_STATUSES, CASE_TYPES, type CaseFilter } from '../types';
import { CaseFilters } from './CaseFilters';
import { CasesTable } from './CasesTable';
import { SavedViews } from './SavedViews';

const KEYS = ['status', 'type', 'risk', 'assigned', 'overdue'] as const;

/** The filter lives in the address (bookmarkable); saved views keep favourite ones. */
function useFilter(): [CaseFilter, (next: CaseFilter) => void] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<CaseFilter>(() => {
    const pick = <T extends string>(key: string, allowed: readonly T[]) => {
      const value = params.get(key);
      return allowed.includes(value as T) ? (value as T) : undefined;
    };
    return {
      status:
        pick('status', [...CASE_STATUSES, 'active'] as const) ??
        (params.has('status') ? undefined : 'active'),
      type: pick('type', CASE_TYPES),
      risk: pick('risk', CASE_RISKS),
      assigned: params.get('assigned') || undefined,
      overdue: pick('overdue', ['true'] as const),
    };
  }, [params]);
  const setFilter = (next: CaseFilter) => {
    const search = new URLSearchParams();
    for (const key of KEYS) search.set(key, String(next[key] ?? ''));
    setParams(search);
  };
  return [filter, setFilter];
}

export function CaseloadPage() {
  const { t } = useTranslation('cases');
  const [filter, setFilter] = useFilter();
  const cases = useCases(filter);
  const permissions = usePermissions();
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text c="dimmed">{t('intro')}</Text>
        </div>
        <Group gap="xs">
          {permissions.has('cases.write') && (
            <Button component={Link} to="/cases/new">
              {t('nav.open')}
            </Button>
          )}
          <Button component={Link} to="/cases/referrals" variant="default">
            {t('nav.referrals')}
          </Button>
          {permissions.has('cases.supervise') && (
            <Button component={Link} to="/cases/supervision" variant="default">
              {t('nav.supervision')}
            </Button>
          )}
        </Group>
      </Group>
      <CaseFilters value={filter} onChange={setFilter} />
      <SavedViews current={filter} onApply={setFilter} />
      {cases.isPending && <PageLoader label={t('common:loading')} />}
      {cases.isError && <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />}
      {cases.isSuccess &&
        (cases.data.items.length === 0 ? (
          <Text>{t('list.empty')}</Text>
        ) : (
          <CasesTable cases={cases.data.items} />
        ))}
    </Stack>
  );
}
