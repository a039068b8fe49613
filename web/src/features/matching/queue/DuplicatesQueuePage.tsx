import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { usePairs } from '../api';
import { PAIR_STATUSES, type PairStatus } from '../types';
import { PairsTable } from './PairsTable';
import { RunPanel } from './RunPanel';

/** /matching: the review queue (and the decided pairs), with the whole-registry check. */
export function DuplicatesQueuePage() {
  const { t } = useTranslation('matching');
  const permissions = usePermissions();
  const [search, setSearch] = useSearchParams();
  const status = (PAIR_STATUSES as readonly string[]).includes(search.get('status') ?? '')
    ? (search.get('status') as PairStatus)
    : 'open';
  const pairs = usePairs(status);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('title')}
          </Title>
          <Text c="dimmed">{t('intro')}</Text>
          <Text size="sm" c="dimmed" data-testid="thresholds">
            {t('queue.thresholds')}
          </Text>
        </div>
        <Button component={Link} to="/matching/search" variant="default">
          {t('actions.search')}
        </Button>
      </Group>
      {permissions.has('matching.run') && <RunPanel />}
      <Stack gap="sm" component="section" aria-labelledby="pairs-title">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="pairs-title">
            {t(`status.${status}`)}
          </Title>
          <SegmentedControl
            aria-label={t('status.label')}
            value={status}
            onChange={(value) => setSearch(value === 'open' ? {} : { status: value }, { replace: true })}
            data={PAIR_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
        </Group>
        {pairs.isPending && <PageLoader label={t('common:loading')} />}
        {pairs.isError && <ErrorState error={pairs.error} onRetry={() => void pairs.refetch()} />}
        {pairs.isSuccess &&
          (pairs.data.items.length === 0 ? (
            <Text>{t('queue.empty')}</Text>
          ) : (
            <PairsTable pairs={pairs.data.items} />
          ))}
      </Stack>
    </Stack>
  );
}
