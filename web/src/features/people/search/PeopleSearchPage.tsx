import { Button, Center, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { type SearchParams, usePeopleSearch } from '../api';
import { autoDirection } from '../fields/auto-direction';
import type { AgeBand } from '../types';
import { PersonHitCard } from './PersonHitCard';
import { SearchFilters } from './SearchFilters';

const KEYS = ['q', 'siteId', 'nationality', 'sex', 'ageBand', 'need'] as const;

function paramsFrom(search: URLSearchParams): SearchParams {
  const params: Record<string, string> = {};
  for (const key of KEYS) {
    const value = search.get(key);
    if (value) params[key] = value;
  }
  return { ...params, ageBand: params.ageBand as AgeBand | undefined };
}

/** /people: one box for names in any spelling or script, codes and phones; filters; "Load more". */
export function PeopleSearchPage() {
  const { t } = useTranslation('people');
  const permissions = usePermissions();
  const [search, setSearch] = useSearchParams();
  const params = paramsFrom(search);
  const [text, setText] = useState(params.q ?? '');
  const results = usePeopleSearch(params);
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];

  const update = (patch: Partial<SearchParams>) => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(patch)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setSearch(next, { replace: true });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: text.trim() || undefined });
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text c="dimmed">{t('intro')}</Text>
        </div>
        <Group gap="sm">
          {permissions.has('people.register') && (
            <Button component={Link} to="/people/new">
              {t('actions.register')}
            </Button>
          )}
          {permissions.has('people.import') && (
            <Button component={Link} to="/people/import" variant="default">
              {t('actions.import')}
            </Button>
          )}
        </Group>
      </Group>
      <search>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm" wrap="nowrap">
            <TextInput
              type="search"
              label={t('search.box')}
              description={t('search.boxHint')}
              ref={autoDirection}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: 1 }}
              autoFocus
            />
            <Button type="submit">{t('actions.search')}</Button>
          </Group>
        </form>
      </search>
      <SearchFilters params={params} onChange={update} />
      <Stack gap="sm" component="section" aria-labelledby="people-results-title">
        <Title order={2} size="h4" id="people-results-title">
          {t('search.results')}
        </Title>
        {results.isPending && <PageLoader label={t('common:loading')} />}
        {results.isError && <ErrorState error={results.error} onRetry={() => void results.refetch()} />}
        {results.isSuccess && items.length === 0 && <Text>{t('search.empty')}</Text>}
        {items.length > 0 && (
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="people-results"
          >
            {items.map((person) => (
              <PersonHitCard key={person.id} person={person} />
            ))}
          </Stack>
        )}
        {results.hasNextPage && (
          <Center>
            <Button
              variant="default"
              onClick={() => void results.fetchNextPage()}
              loading={results.isFetchingNextPage}
            >
              {t('common:actions.loadMore')}
            </Button>
          </Center>
        )}
      </Stack>
    </Stack>
  );
}
