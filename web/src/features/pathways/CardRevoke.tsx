import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { FormAlert } from '../../app/FormAlert';

const REASONS = ['lost', 'stolen', 'damaged', 'other'] as const;

/** A lost or stolen card: the person gets a new code, and the old card stops finding them. */
export function CardRevoke({ personId }: { personId: string }) {
  const { t } = useTranslation('pathways');
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<(typeof REASONS)[number]>('lost');
  const revoke = useMutation({
    mutationFn: () =>
      api.post<{ code: string; previousCode: string }>(
        `/api/people/${encodeURIComponent(personId)}/card/revoke`,
        {
          reason,
        },
      ),
    onSuccess: () => void queryClient.invalidateQueries(),
  });
  return (
    <Group align="end" wrap="wrap" gap="xs" data-testid="card-revoke">
      <NativeSelect
        label={t('card.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value as typeof reason)}
        data={REASONS.map((r) => ({ value: r, label: t(`card.reasons.${r}`) }))}
      />
      <Button variant="light" color="red" loading={revoke.isPending} onClick={() => revoke.mutate()}>
        {t('card.revoke')}
      </Button>
      {revoke.isSuccess && (
        <Text size="sm" data-testid="card-new-code">
          {t('card.newCode', { code: revoke.data.code, previous: revoke.data.previousCode })}
        </Text>
      )}
      <FormAlert error={revoke.error} fields={[]} namespace="pathways" />
    </Group>
  );
}
