import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What the server allows this user to do with the request (never decided here). */
  allowed: readonly string[];
  reasons: ReadonlyArray<{ value: string; label: string }>;
  reasonLabel: string;
  /** Erasure refusals take a note; access refusals do not. */
  withNote?: boolean;
  pending: boolean;
  onApprove(): void;
  onCancel(): void;
  onRefuse(reason: string, note: string): void;
}

/** Approve, refuse (with a reason, confirmed), cancel: the buttons the server allowed. */
export function RequestActions({ allowed, reasons, reasonLabel, withNote, pending, ...on }: Props) {
  const { t } = useTranslation('dataprotection');
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState(reasons[0]?.value ?? '');
  const [note, setNote] = useState('');
  if (refusing && allowed.includes('refuse')) {
    return (
      <Stack gap="xs" miw={260}>
        <NativeSelect
          label={reasonLabel}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          data={[...reasons]}
        />
        {withNote && (
          <Textarea
            label={t('erasure.decisionNote')}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
            autosize
            minRows={2}
          />
        )}
        <Group gap="xs">
          <Button size="xs" color="red" loading={pending} onClick={() => on.onRefuse(reason, note.trim())}>
            {t('common.confirm')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setRefusing(false)}>
            {t('common.cancelAction')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <Group gap="xs">
      {allowed.includes('approve') && (
        <Button size="xs" loading={pending} onClick={on.onApprove}>
          {t('actions.approve')}
        </Button>
      )}
      {allowed.includes('refuse') && (
        <Button size="xs" variant="default" onClick={() => setRefusing(true)}>
          {t('actions.refuse')}
        </Button>
      )}
      {allowed.includes('cancel') && (
        <Button size="xs" variant="subtle" onClick={on.onCancel}>
          {t('actions.cancel')}
        </Button>
      )}
    </Group>
  );
}
