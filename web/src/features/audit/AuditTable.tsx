import { Anchor, Code, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/types';
import { useFormatDateTime } from '../../i18n/format';

const COLUMNS = [
  'seq',
  'at',
  'actor',
  'action',
  'entity',
  'entityId',
  'purpose',
  'details',
  'requestId',
] as const;

export function AuditTable({
  entries,
  onActor,
}: {
  entries: AuditEntry[];
  onActor: (actorId: string) => void;
}) {
  const { t } = useTranslation('audit');
  const format = useFormatDateTime();
  return (
    <Table.ScrollContainer minWidth={1100}>
      <Table striped verticalSpacing={6} fz="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((column) => (
              <Table.Th key={column}>{t(`columns.${column}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.seq}>
              <Table.Td>{entry.seq}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={entry.at}>{format(entry.at, 'precise')}</time>
              </Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                {entry.actorId ? (
                  <Anchor
                    component="button"
                    type="button"
                    size="sm"
                    title={t('filterByActor')}
                    onClick={() => onActor(entry.actorId ?? '')}
                  >
                    {entry.actorId}
                  </Anchor>
                ) : (
                  t('system')
                )}
              </Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                {entry.entity}
              </Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                {entry.entityId ?? '—'}
              </Table.Td>
              <Table.Td>{entry.purpose ?? '—'}</Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start', maxWidth: 320 }}>
                {entry.details ? (
                  <Code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {JSON.stringify(entry.details)}
                  </Code>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td dir="ltr" style={{ textAlign: 'start' }} fz="xs" c="dimmed">
                {entry.requestId ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
