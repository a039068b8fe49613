import { Alert, Button, Checkbox, Group, Modal, NativeSelect, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { useSignedInMe } from '../../../app/session';
import { useOrganisations } from '../api';
import { CodeSelect, Narrative, optional } from '../forms/fields';
import { useCaseActions } from '../mutations';
import { type CaseDetail, SERVICE_KINDS } from '../types';

const OVERRIDE_REASONS = [
  'vital_interest',
  'best_interests_of_child',
  'unable_to_consent',
  'legal_obligation',
] as const;

/**
 * Refer the case to another organisation, or ask it to take the case over. Without the person's
 * referral consent the server refuses; a supervisor then sees the override fields, with a reason.
 */
export function ReferralDialog({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { t } = useTranslation('cases');
  const me = useSignedInMe();
  const organisations = useOrganisations();
  const { refer } = useCaseActions(c.id);
  const others = (organisations.data?.items ?? []).filter((o) => o.id !== me.organisation.id);
  const [kind, setKind] = useState<'referral' | 'transfer'>('referral');
  const [toOrgId, setToOrgId] = useState('');
  const [service, setService] = useState<(typeof SERVICE_KINDS)[number]>(
    c.type === 'child_protection' ? 'child_protection' : 'other',
  );
  const [urgent, setUrgent] = useState(false);
  const [note, setNote] = useState('');
  const [overrideReason, setOverrideReason] =
    useState<(typeof OVERRIDE_REASONS)[number]>('best_interests_of_child');
  const [overrideNote, setOverrideNote] = useState('');
  const needsConsent = refer.error instanceof ApiError && refer.error.code === 'consent_required';
  const [overriding, setOverriding] = useState(false);
  const errors = fieldErrors(refer.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    refer.mutate(
      {
        kind,
        toOrgId: toOrgId || (others[0]?.id ?? ''),
        service,
        urgent,
        note: optional(note),
        ...(overriding ? { consentOverride: { reason: overrideReason, note: overrideNote } } : {}),
      },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('referrals.dialogTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <FormAlert error={refer.error} fields={['toOrgId', 'service', 'note']} namespace="cases" />
          <CodeSelect
            label={t('referrals.kind')}
            prefix="referrals.kinds"
            options={['referral', 'transfer'] as const}
            value={kind}
            onChange={setKind}
          />
          <NativeSelect
            label={t('referrals.organisation')}
            value={toOrgId || (others[0]?.id ?? '')}
            onChange={(e) => setToOrgId(e.currentTarget.value)}
            data={others.map((o) => ({ value: o.id, label: o.name }))}
            error={errors.toOrgId}
          />
          <CodeSelect
            label={t('referrals.service')}
            prefix="services"
            options={SERVICE_KINDS}
            value={service}
            onChange={setService}
          />
          <Checkbox
            label={t('referrals.urgent')}
            checked={urgent}
            onChange={(e) => setUrgent(e.currentTarget.checked)}
          />
          <Narrative label={t('referrals.note')} value={note} onChange={setNote} error={errors.note} />
          {needsConsent && c.allowed.includes('overrideConsent') && !overriding && (
            <Button variant="light" color="orange" onClick={() => setOverriding(true)}>
              {t('referrals.override')}
            </Button>
          )}
          {overriding && (
            <Alert color="orange" title={t('referrals.overrideTitle')}>
              <Stack gap="xs">
                <CodeSelect
                  label={t('referrals.overrideReason')}
                  prefix="referrals.overrideReasons"
                  options={OVERRIDE_REASONS}
                  value={overrideReason}
                  onChange={setOverrideReason}
                />
                <Narrative
                  label={t('referrals.overrideNote')}
                  value={overrideNote}
                  onChange={setOverrideNote}
                  error={errors['consentOverride.note']}
                />
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={refer.isPending} disabled={others.length === 0}>
              {t('referrals.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
