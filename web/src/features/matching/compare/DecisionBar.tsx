import { Alert, Button, Group, Kbd, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useDecide, useUnmerge } from '../api';
import type { PairDetail } from '../types';
import { useReviewShortcuts } from './useReviewShortcuts';

interface Props {
  pair: PairDetail;
  onNext: (() => void) | null;
  onPrevious: (() => void) | null;
}

/** Same / different / undo, and moving through the queue, by button or by key (hints on each). */
export function DecisionBar({ pair, onNext, onPrevious }: Props) {
  const { t } = useTranslation('matching');
  const [reason, setReason] = useState('');
  const decide = useDecide();
  const unmerge = useUnmerge();
  const busy = decide.isPending || unmerge.isPending;
  const can = (action: 'same' | 'different' | 'unmerge') => pair.allowed.includes(action) && !busy;
  const send = (decision: 'same' | 'different') => {
    if (can(decision)) decide.mutate({ id: pair.id, decision, reason: reason.trim() || undefined });
  };
  useReviewShortcuts({
    s: () => send('same'),
    d: () => send('different'),
    j: () => onNext?.(),
    k: () => onPrevious?.(),
  });
  const done = decide.isSuccess ? decide.data.status : null;
  return (
    <Stack gap="sm" component="section" aria-label={t('compare.title')}>
      {pair.crossOrganisation && pair.status === 'open' && <Alert color="gray">{t('queue.crossHint')}</Alert>}
      {pair.status !== 'open' && (
        <Alert color={pair.status === 'same' ? 'teal' : 'gray'} role="status" data-testid="pair-decided">
          {t(`compare.decided.${pair.status}`)}
        </Alert>
      )}
      {unmerge.isSuccess && pair.status === 'open' && (
        <Alert color="blue" role="status">
          {t('compare.unmergedNotice')}
        </Alert>
      )}
      {pair.status === 'open' && (
        <Textarea
          label={t('compare.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={500}
          autosize
          minRows={1}
        />
      )}
      <Group gap="sm" wrap="wrap">
        {pair.allowed.includes('same') && (
          <Button
            color="teal"
            onClick={() => send('same')}
            disabled={!can('same')}
            loading={decide.isPending && decide.variables?.decision === 'same'}
          >
            {t('actions.same')}&nbsp;<Kbd>S</Kbd>
          </Button>
        )}
        {pair.allowed.includes('different') && (
          <Button variant="default" onClick={() => send('different')} disabled={!can('different')}>
            {t('actions.different')}&nbsp;<Kbd>D</Kbd>
          </Button>
        )}
        {pair.allowed.includes('unmerge') && (
          <Button
            variant="light"
            color="orange"
            onClick={() => unmerge.mutate(pair.id)}
            loading={unmerge.isPending}
          >
            {t('actions.unmerge')}
          </Button>
        )}
        <Button variant="subtle" onClick={() => onPrevious?.()} disabled={!onPrevious}>
          {t('actions.previous')}&nbsp;<Kbd>K</Kbd>
        </Button>
        <Button variant="subtle" onClick={() => onNext?.()} disabled={!onNext}>
          {t('actions.next')}&nbsp;<Kbd>J</Kbd>
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('compare.shortcuts')}
      </Text>
      {done && (
        <Text size="sm" role="status" data-testid="decision-notice">
          {done === 'same' ? t('compare.mergedNotice') : t('compare.differentNotice')}
          {!onNext && ` ${t('compare.end')}`}
        </Text>
      )}
      <FormAlert error={decide.error ?? unmerge.error} fields={[]} />
    </Stack>
  );
}
