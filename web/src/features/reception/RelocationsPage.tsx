import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../app/states';
import { useRelocations } from './api';
import { ConvoysSection } from './ConvoysSection';
import { RelocationsList } from './RelocationsList';
import { TransitionDialog } from './TransitionDialog';
import { RELOCATION_STATUSES, type RelocationStatus } from './types';

/** The pipeline: each group's state, its next steps as the server allows them, bulk steps. */
export function RelocationsPage() {
  const { t } = useTranslation('reception');
  const [params, setParams] = useSearchParams();
  const raw = params.get('status') ?? '';
  const status = (RELOCATION_STATUSES as readonly string[]).includes(raw) ? (raw as RelocationStatus) : '';
  const relocations = useRelocations(status);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkTo, setBulkTo] = useState('');
  const [moving, setMoving] = useState<{ ids: string[]; to: RelocationStatus } | null>(null);
  const items = relocations.data?.items ?? [];
  const chosen = items.filter((r) => selected.has(r.id));
  // Only steps every selected relocation allows: the server decides, the page intersects.
  const common = chosen.length
    ? chosen.slice(1).reduce((acc, r) => acc.filter((a) => r.allowed.includes(a)), chosen[0]!.allowed)
    : [];

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('relocations.title')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('relocations.status')}
          value={status}
          onChange={(e) => {
            setSelected(new Set());
            setParams(e.currentTarget.value ? { status: e.currentTarget.value } : {});
          }}
          data={[
            { value: '', label: t('relocations.all') },
            ...RELOCATION_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
          ]}
        />
        {common.length > 0 && (
          <>
            <NativeSelect
              label={t('relocations.bulkAction')}
              value={bulkTo}
              onChange={(e) => setBulkTo(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...common.map((s) => ({ value: s, label: t(`statuses.${s}`) })),
              ]}
            />
            <Button
              disabled={!common.includes(bulkTo)}
              onClick={() => setMoving({ ids: chosen.map((r) => r.id), to: bulkTo as RelocationStatus })}
            >
              {t('relocations.bulkApply', { count: chosen.length })}
            </Button>
          </>
        )}
      </Group>
      {relocations.isPending && <PageLoader label={t('common:loading')} />}
      {relocations.isError && (
        <ErrorState error={relocations.error} onRetry={() => void relocations.refetch()} />
      )}
      {relocations.isSuccess && items.length === 0 && <Text>{t('relocations.empty')}</Text>}
      {items.length > 0 && (
        <RelocationsList
          items={items}
          selected={selected}
          onSelect={setSelected}
          onMove={(id, to) => setMoving({ ids: [id], to })}
        />
      )}
      {moving && (
        <TransitionDialog
          relocationIds={moving.ids}
          to={moving.to}
          onClose={() => {
            setMoving(null);
            setSelected(new Set());
            setBulkTo('');
          }}
        />
      )}
      <ConvoysSection />
    </Stack>
  );
}
