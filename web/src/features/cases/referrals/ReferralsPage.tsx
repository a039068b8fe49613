import { Anchor, Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormAlert } from '../../../app/FormAlert';
import { ErrorState, PageLoader } from '../../../app/states';
import { useReferrals } from '../api';
import { ReferralCard } from '../case/ReferralsPanel';
import { useReferralDecision } from '../mutations';
import type { Referral } from '../types';

/** /cases/referrals: what other organisations asked of us (answer it), and what we asked of them. */
export function ReferralsPage() {
  const { t } = useTranslation('cases');
  const [direction, setDirection] = useState<'incoming' | 'outgoing'>('incoming');
  const referrals = useReferrals(direction);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/cases" size="sm">
        {t('nav.back')}
      </Anchor>
      <Title order={1} size="h2">
        {t('referrals.title')}
      </Title>
      <SegmentedControl
        value={direction}
        onChange={(v) => setDirection(v as 'incoming' | 'outgoing')}
        data={[
          { value: 'incoming', label: t('referrals.incoming') },
          { value: 'outgoing', label: t('referrals.outgoing') },
        ]}
        w="fit-content"
      />
      {referrals.isPending && <PageLoader label={t('common:loading')} />}
      {referrals.isError && <ErrorState error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data?.items.length === 0 && <Text>{t('referrals.none')}</Text>}
      {referrals.data?.items.map((r) => (
        <ReferralCard key={r.id} referral={r}>
          {r.allowed.includes('accept') && <Answer referral={r} />}
          {r.status === 'accepted' &&
            (r.kind === 'transfer' || direction === 'outgoing' || r.allowed.length === 0) && (
              <Anchor component={Link} to={`/cases/${r.caseId}`} size="sm">
                {t('referrals.openCase')}
              </Anchor>
            )}
        </ReferralCard>
      ))}
    </Stack>
  );
}

function Answer({ referral }: { referral: Referral }) {
  const { t } = useTranslation('cases');
  const decide = useReferralDecision();
  const [note, setNote] = useState('');
  const send = (decision: 'accepted' | 'rejected') =>
    decide.mutate({ id: referral.id, decision, ...(note.trim() ? { note } : {}) });
  return (
    <Stack gap="xs">
      <FormAlert error={decide.error} fields={[]} namespace="cases" />
      <Group gap="xs" align="flex-end">
        <TextInput
          size="xs"
          label={t('referrals.answerNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Button size="xs" color="green" loading={decide.isPending} onClick={() => send('accepted')}>
          {t('referrals.accept')}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          loading={decide.isPending}
          onClick={() => send('rejected')}
        >
          {t('referrals.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
