import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../../app/states';
import { usePair, usePairs, usePersonRecord } from '../api';
import { usePercent } from '../format';
import { BAND_COLOURS, type PairDetail } from '../types';
import { DecisionBar } from './DecisionBar';
import { RecordsSideBySide } from './RecordsSideBySide';
import { WaterfallChart } from './WaterfallChart';

/**
 * Where the pair stands in the open queue. After a decision the pair leaves the queue; the pair
 * that took its place is then the next one, so the position is kept from when it was opened.
 */
function useQueueNeighbours(id: string) {
  const queue = usePairs('open');
  const position = useRef<{ id: string; index: number } | null>(null);
  const order = queue.data?.items.map((p) => p.id) ?? [];
  const index = order.indexOf(id);
  if (index >= 0) position.current = { id, index };
  const remembered = position.current?.id === id ? position.current.index : 0;
  const next = index >= 0 ? order[index + 1] : order[remembered];
  const previous = index >= 0 ? order[index - 1] : order[remembered - 1];
  return { next, previous };
}

/** /matching/pairs/:id — the two records side by side, why they match, and the decision. */
export function ComparePage() {
  const { t } = useTranslation('matching');
  const { id = '' } = useParams();
  const pair = usePair(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/matching" size="sm">
        {t('actions.back')}
      </Anchor>
      {pair.isPending && <PageLoader label={t('common:loading')} />}
      {pair.isError && <ErrorState error={pair.error} onRetry={() => void pair.refetch()} />}
      {pair.isSuccess && <Comparison key={pair.data.id} pair={pair.data} />}
    </Stack>
  );
}

function Comparison({ pair }: { pair: PairDetail }) {
  const { t } = useTranslation('matching');
  const percent = usePercent();
  const navigate = useNavigate();
  const older = usePersonRecord(pair.older.personId, pair.older.visible);
  const newer = usePersonRecord(pair.newer.personId, pair.newer.visible);
  const { next, previous } = useQueueNeighbours(pair.id);
  const go = (target: string | undefined) =>
    target ? () => navigate(`/matching/pairs/${encodeURIComponent(target)}`) : null;
  return (
    <Stack gap="lg">
      <Group gap="sm" wrap="wrap">
        <Title order={1} size="h2">
          {t('compare.title')}
        </Title>
        <Badge color={BAND_COLOURS[pair.band]} size="lg" variant="light" data-testid="pair-band">
          {t(`bands.${pair.band}`)} · {percent(pair.score)}
        </Badge>
        {pair.crossOrganisation && (
          <Badge variant="outline" color="gray">
            {t('queue.crossOrganisation')}
          </Badge>
        )}
      </Group>
      <RecordsSideBySide
        older={{ person: older.data ?? null, loading: older.isPending && pair.older.visible }}
        newer={{ person: newer.data ?? null, loading: newer.isPending && pair.newer.visible }}
      />
      {pair.reason && (
        <Text size="sm" dir="auto">
          {t('compare.reason')}: {pair.reason}
        </Text>
      )}
      <DecisionBar pair={pair} onNext={go(next)} onPrevious={go(previous)} />
      <WaterfallChart explanation={pair.explanation} />
    </Stack>
  );
}
