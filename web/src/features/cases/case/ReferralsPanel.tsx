import { Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useFormatDateTime } from '../../../i18n/format';
import { useRevokeReferral } from '../mutations';
import type { CaseDetail, Referral } from '../types';
import { ReferralDialog } from './ReferralDialog';

export const REFERRAL_COLOURS: Record<Referral['status'], string> = {
  requested: 'yellow',
  accepted: 'green',
  rejected: 'gray',
  revoked: 'gray',
};

/** The case's referrals and transfers, with their answers; the sending side can revoke. */
export function ReferralsPanel({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="md">
      {c.allowed.includes('refer') && (
        <Group>
          <Button onClick={() => setOpen(true)}>{t('referrals.open')}</Button>
        </Group>
      )}
      {c.referrals.length === 0 && <Text c="dimmed">{t('referrals.none')}</Text>}
      {c.referrals.map((r) => (
        <ReferralCard key={r.id} referral={r} />
      ))}
      {open && <ReferralDialog c={c} onClose={() => setOpen(false)} />}
    </Stack>
  );
}

export function ReferralCard({ referral: r, children }: { referral: Referral; children?: ReactNode }) {
  const { t } = useTranslation('cases');
  const format = useFormatDateTime();
  const revoke = useRevokeReferral();
  const [reason, setReason] = useState('');
  return (
    <Card withBorder padding="sm" data-testid="referral">
      <Stack gap={4}>
        <Group gap="xs">
          <Text fw={600}>
            {t(`referrals.kinds.${r.kind}`)}: {r.fromOrgName ?? r.fromOrgId} → {r.toOrgName ?? r.toOrgId}
          </Text>
          <Badge color={REFERRAL_COLOURS[r.status]}>{t(`referrals.statuses.${r.status}`)}</Badge>
          {r.urgent && <Badge color="red">{t('referrals.urgent')}</Badge>}
          {r.consentBasis === 'override' && <Badge color="orange">{t('referrals.overridden')}</Badge>}
        </Group>
        <Text size="sm">
          {t(`services.${r.service}`)} · {t(`types.${r.caseType}`, { defaultValue: r.caseType })} ·{' '}
          {t(`risks.${r.caseRisk}`, { defaultValue: r.caseRisk })} · {format(r.requestedAt)}
        </Text>
        {r.note && (
          <Text size="sm" dir="auto">
            {r.note}
          </Text>
        )}
        {r.decisionNote && (
          <Text size="sm" dir="auto" c="dimmed">
            {r.decisionNote}
          </Text>
        )}
        {children}
        {r.allowed.includes('revoke') && (
          <Group gap="xs" align="flex-end">
            <TextInput
              size="xs"
              label={t('referrals.revokeReason')}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <Button
              size="xs"
              color="red"
              variant="light"
              disabled={!reason.trim()}
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ id: r.id, reason })}
            >
              {t('referrals.revoke')}
            </Button>
          </Group>
        )}
        <FormAlert error={revoke.error} fields={[]} namespace="cases" />
      </Stack>
    </Card>
  );
}
