import { Badge, Button, Checkbox, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState, PageLoader } from '../../app/states';
import { useFormatDateTime } from '../../i18n/format';
import { useRelocations } from './api';
import { ConvoysSection } from './ConvoysSection';
import { personName, useCategoryLabel } from './format';
import { TransitionDialog } from './TransitionDialog';
import { RELOCATION_STATUSES, type Relocation, type RelocationStatus } from './types';

export const STATUS_COLOURS: Record<RelocationStatus, string> = {
  proposed: 'gray',
  accepted: 'blue',
  scheduled: 'indigo',
  departed: 'violet',
  arrived: 'green',
  left: 'gray',
  returned: 'orange',
  declined: 'gray',
  cancelled: 'gray',
  no_show: 'gray',
};

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
        <RelocationsTable
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

interface TableProps {
  items: Relocation[];
  selected: Set<string>;
  onSelect: (next: Set<string>) => void;
  onMove: (id: string, to: RelocationStatus) => void;
}

function RelocationsTable({ items, selected, onSelect, onMove }: TableProps) {
  const { t } = useTranslation('reception');
  const when = useFormatDateTime();
  const category = useCategoryLabel();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing="xs" data-testid="relocations-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('relocations.colSelect')}</Table.Th>
            <Table.Th>{t('relocations.colPeople')}</Table.Th>
            <Table.Th>{t('relocations.colDestination')}</Table.Th>
            <Table.Th>{t('relocations.colStatus')}</Table.Th>
            <Table.Th>{t('relocations.colSince')}</Table.Th>
            <Table.Th>{t('relocations.colActions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((r) => {
            const code = r.people.map((p) => p.code).join(', ');
            const last = r.events.at(-1);
            return (
              <Table.Tr key={r.id} data-testid="relocation">
                <Table.Td>
                  <Checkbox
                    aria-label={t('relocations.selectOne', { code })}
                    checked={selected.has(r.id)}
                    disabled={r.allowed.length === 0}
                    onChange={(e) => {
                      const next = new Set(selected);
                      if (e.currentTarget.checked) next.add(r.id);
                      else next.delete(r.id);
                      onSelect(next);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{r.people.map(personName).join(', ')}</Text>
                  <Text size="xs" c="dimmed">
                    {code} · {category(r.category)}
                  </Text>
                </Table.Td>
                <Table.Td>{r.toSiteName}</Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOURS[r.status]} variant="light">
                    {t(`statuses.${r.status}`)}
                  </Badge>
                  {r.returnReason && (
                    <Text size="xs" c="dimmed">
                      {t(`returnReasons.${r.returnReason}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{when(last?.at)}</Text>
                  {last?.reason && (
                    <Text size="xs" c="dimmed">
                      {last.reason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.allowed.length === 0 ? (
                    <Text size="xs" c="dimmed">
                      {t('relocations.noAction')}
                    </Text>
                  ) : (
                    <Group gap={4} wrap="wrap">
                      {r.allowed.map((to) => (
                        <Button
                          key={to}
                          size="compact-xs"
                          variant="light"
                          onClick={() => onMove(r.id, to as RelocationStatus)}
                        >
                          {t('relocations.moveTo', { status: t(`statuses.${to}`) })}
                        </Button>
                      ))}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
