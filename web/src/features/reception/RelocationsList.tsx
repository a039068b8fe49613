import { Badge, Button, Card, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useFormatDateTime } from '../../i18n/format';
import { personName, useCategoryLabel } from './format';
import type { Relocation, RelocationStatus } from './types';

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

interface Props {
  items: Relocation[];
  selected: Set<string>;
  onSelect: (next: Set<string>) => void;
  onMove: (id: string, to: RelocationStatus) => void;
}

type RowProps = Omit<Props, 'items'> & { r: Relocation };

/** A table on wide screens, one card per relocation on a phone. */
export function RelocationsList(props: Props) {
  const { t } = useTranslation('reception');
  const narrow = useMediaQuery('(max-width: 48em)');
  if (narrow)
    return (
      <Stack gap="sm" data-testid="relocations-table">
        {props.items.map((r) => (
          <RelocationCard key={r.id} r={r} {...props} />
        ))}
      </Stack>
    );
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
          {props.items.map((r) => (
            <Table.Tr key={r.id} data-testid="relocation">
              <Table.Td>
                <Choose r={r} {...props} />
              </Table.Td>
              <Table.Td>
                <People r={r} />
              </Table.Td>
              <Table.Td>{r.toSiteName}</Table.Td>
              <Table.Td>
                <Status r={r} />
              </Table.Td>
              <Table.Td>
                <LastChange r={r} />
              </Table.Td>
              <Table.Td>
                <Actions r={r} {...props} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RelocationCard(props: RowProps) {
  const { r } = props;
  return (
    <Card withBorder padding="sm" data-testid="relocation">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Choose {...props} />
            <People r={r} />
          </Group>
          <Status r={r} />
        </Group>
        <Text size="sm" fw={500}>
          {r.toSiteName}
        </Text>
        <LastChange r={r} />
        <Actions {...props} />
      </Stack>
    </Card>
  );
}

function Choose({ r, selected, onSelect }: RowProps) {
  const { t } = useTranslation('reception');
  const code = r.people.map((p) => p.code).join(', ');
  return (
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
  );
}

function People({ r }: { r: Relocation }) {
  const category = useCategoryLabel();
  return (
    <div>
      <Text size="sm">{r.people.map(personName).join(', ')}</Text>
      <Text size="xs" c="dimmed">
        {r.people.map((p) => p.code).join(', ')} · {category(r.category)}
      </Text>
    </div>
  );
}

function Status({ r }: { r: Relocation }) {
  const { t } = useTranslation('reception');
  return (
    <Stack gap={2} align="flex-start" style={{ flexShrink: 0 }}>
      <Badge color={STATUS_COLOURS[r.status]} variant="light">
        {t(`statuses.${r.status}`)}
      </Badge>
      {r.returnReason && (
        <Text size="xs" c="dimmed">
          {t(`returnReasons.${r.returnReason}`)}
        </Text>
      )}
    </Stack>
  );
}

/** The last step, and every step with its time and reason behind "History". */
function LastChange({ r }: { r: Relocation }) {
  const { t } = useTranslation('reception');
  const when = useFormatDateTime();
  const last = r.events.at(-1);
  return (
    <div>
      <Text size="sm">{when(last?.at)}</Text>
      {last?.reason && (
        <Text size="xs" c="dimmed">
          {last.reason}
        </Text>
      )}
      {r.events.length > 1 && (
        <details>
          <summary style={{ cursor: 'pointer', fontSize: 'var(--mantine-font-size-xs)' }}>
            {t('relocations.history')}
          </summary>
          <Stack gap={2} component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
            {r.events.map((e) => (
              <Text key={`${e.to}-${e.recordedAt}`} component="li" size="xs">
                {when(e.at)} — {t(`statuses.${e.to}`)}
                {e.reason ? ` (${e.reason})` : ''}
              </Text>
            ))}
          </Stack>
        </details>
      )}
    </div>
  );
}

function Actions({ r, onMove }: RowProps) {
  const { t } = useTranslation('reception');
  if (r.allowed.length === 0)
    return (
      <Text size="xs" c="dimmed">
        {t('relocations.noAction')}
      </Text>
    );
  return (
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
  );
}
