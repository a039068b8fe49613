import { Button, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../app/FormAlert';
import { useCaseworkers } from '../api';
import { useCaseActions } from '../mutations';
import type { CaseDetail } from '../types';

/** Who carries the case; a supervisor can give it to another caseworker (its deadlines follow). */
export function AssigneeLine({ c }: { c: CaseDetail }) {
  const { t } = useTranslation('cases');
  const workers = useCaseworkers();
  const { reassign } = useCaseActions(c.id);
  const [to, setTo] = useState('');
  const names = new Map((workers.data?.items ?? []).map((w) => [w.id, w.name]));
  const current = c.assignedUserId
    ? (names.get(c.assignedUserId) ?? t('case.otherOrganisation'))
    : t('filters.unassigned');
  return (
    <>
      <Text size="sm">
        <b>{t('case.assigned')}:</b> {current}
      </Text>
      {c.allowed.includes('reassign') && c.status !== 'closed' && (
        <Group gap="xs" align="flex-end">
          <NativeSelect
            size="xs"
            label={t('case.reassignTo')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            data={[
              { value: '', label: '—' },
              ...(workers.data?.items ?? [])
                .filter((w) => w.id !== c.assignedUserId)
                .map((w) => ({ value: w.id, label: w.name })),
            ]}
          />
          <Button
            size="xs"
            variant="light"
            disabled={!to}
            loading={reassign.isPending}
            onClick={() => reassign.mutate({ userId: to }, { onSuccess: () => setTo('') })}
          >
            {t('case.reassign')}
          </Button>
        </Group>
      )}
      <FormAlert error={reassign.error} fields={[]} namespace="cases" />
    </>
  );
}
