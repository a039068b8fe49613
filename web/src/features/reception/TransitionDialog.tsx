import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../../api/form-errors';
import { FormAlert } from '../../app/FormAlert';
import { useBulkTransition, useConvoys, useTransition } from './api';
import { RETURN_REASONS, type RelocationStatus, type ReturnReason, type TransitionInput } from './types';

interface Props {
  /** One relocation, or several moved the same way at once. */
  relocationIds: string[];
  to: RelocationStatus;
  onClose: () => void;
}

/** Local "YYYY-MM-DDTHH:mm" from a datetime-local input, as an ISO instant with offset. */
const toIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

/** One step of the pipeline with what it needs: a convoy to schedule, a reason to return. */
export function TransitionDialog({ relocationIds, to, onClose }: Props) {
  const { t } = useTranslation('reception');
  const single = useTransition(relocationIds[0] ?? '');
  const bulk = useBulkTransition();
  const convoys = useConvoys();
  const [form, setForm] = useState({
    reason: '',
    at: '',
    returnReason: '' as ReturnReason | '',
    convoyId: '',
  });
  const mutation = relocationIds.length === 1 ? single : bulk;
  const errors = fieldErrors(mutation.error);
  const status = t(`statuses.${to}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const transition: TransitionInput = {
      to,
      reason: form.reason.trim() || undefined,
      at: toIso(form.at),
      returnReason: form.returnReason || undefined,
      convoyId: form.convoyId || undefined,
    };
    const onSuccess = () => {
      notifications.show({ color: 'green', message: t('transition.done', { status }) });
      onClose();
    };
    if (relocationIds.length === 1) single.mutate(transition, { onSuccess });
    else
      bulk.mutate(
        { relocationIds, transition },
        {
          onSuccess: ({ results }) => {
            const ok = results.filter((r) => r.ok).length;
            notifications.show({
              color: ok === results.length ? 'green' : 'orange',
              message: t('relocations.bulkDone', { ok, failed: results.length - ok }),
            });
            onClose();
          },
        },
      );
  };

  return (
    <Modal opened onClose={onClose} title={t('transition.title', { status })}>
      <form onSubmit={submit} noValidate aria-label={t('transition.title', { status })}>
        <Stack gap="sm">
          <FormAlert
            error={mutation.error}
            fields={['reason', 'at', 'returnReason', 'convoyId']}
            namespace="reception"
          />
          {to === 'scheduled' && (
            <NativeSelect
              label={t('transition.convoy')}
              value={form.convoyId}
              onChange={(e) => setForm({ ...form, convoyId: e.currentTarget.value })}
              data={[
                { value: '', label: t('transition.chooseConvoy') },
                ...(convoys.data?.items ?? []).map((c) => ({
                  value: c.id,
                  label: `${c.departsOn} — ${c.originName} — ${c.vehicle}`,
                })),
              ]}
              error={errors.convoyId}
            />
          )}
          {to === 'returned' && (
            <NativeSelect
              label={t('transition.returnReason')}
              value={form.returnReason}
              onChange={(e) => setForm({ ...form, returnReason: e.currentTarget.value as ReturnReason })}
              data={[
                { value: '', label: '—' },
                ...RETURN_REASONS.map((r) => ({ value: r, label: t(`returnReasons.${r}`) })),
              ]}
              error={errors.returnReason}
            />
          )}
          <TextInput
            label={t('transition.reason')}
            value={form.reason}
            onChange={(e) => setForm({ ...form, reason: e.currentTarget.value })}
            error={errors.reason}
          />
          <TextInput
            type="datetime-local"
            label={t('transition.at')}
            value={form.at}
            onChange={(e) => setForm({ ...form, at: e.currentTarget.value })}
            error={errors.at}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('transition.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('transition.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
