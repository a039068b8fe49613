import { Anchor, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDateTime } from '../../../i18n/format';
import { useCountryName } from '../../people/format';
import type { Person } from '../../people/types';

type Column = { person: Person | null; loading: boolean };

const ROWS = [
  'code',
  'givenName',
  'fathersName',
  'familyName',
  'originalScriptName',
  'otherNames',
  'sex',
  'birth',
  'nationality',
  'placeOfOrigin',
  'languages',
  'status',
  'createdAt',
] as const;
type Row = (typeof ROWS)[number];

/**
 * The two records side by side, with only the fields the reviewer may see (GET /api/people/:id
 * already leaves out the rest): a row the server sent for neither record is not shown. Values
 * that differ are marked, in colour and in words for screen readers.
 */
export function RecordsSideBySide({ older, newer }: { older: Column; newer: Column }) {
  const { t } = useTranslation('matching');
  const countryName = useCountryName();
  const format = useFormatDateTime();
  const text = (person: Person | null, row: Row): string | null => {
    if (!person) return null;
    switch (row) {
      case 'sex':
        return t(`sexes.${person.sex}`, { defaultValue: person.sex });
      case 'birth': {
        const value = person.birthDate ?? (person.birthYear === null ? null : String(person.birthYear));
        return value && person.ageEstimated ? `${value} (${t('compare.estimated')})` : value;
      }
      case 'nationality':
        return person.nationality ? countryName(person.nationality) : null;
      case 'otherNames':
        return person.otherNames?.length ? person.otherNames.join(', ') : null;
      case 'languages':
        return person.languages.length ? person.languages.join(', ') : null;
      case 'createdAt':
        return format(person.createdAt, 'date');
      case 'status':
        return t(`compare.statuses.${person.status}`, { defaultValue: person.status });
      default: {
        const value = person[row];
        return typeof value === 'string' && value !== '' ? value : null;
      }
    }
  };
  const shown = ROWS.filter((row) =>
    [older.person, newer.person].some(
      (p) => p && (row in p || ['sex', 'birth', 'createdAt', 'languages'].includes(row)),
    ),
  );
  const cell = (column: Column, row: Row, differs: boolean): ReactNode => {
    if (!column.person) return <Text c="dimmed">{column.loading ? '…' : t('compare.notVisible')}</Text>;
    const value = text(column.person, row) ?? '—';
    const content =
      row === 'code' ? (
        <Anchor component={Link} to={`/people/${column.person.id}`} ff="monospace" dir="ltr">
          {value}
        </Anchor>
      ) : (
        <Text component="span" dir="auto">
          {value}
        </Text>
      );
    return (
      <>
        {content}
        {differs && <VisuallyHidden> ({t('compare.differs')})</VisuallyHidden>}
      </>
    );
  };
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders data-testid="side-by-side">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('compare.field')}</Table.Th>
            <Table.Th>{t('queue.older')}</Table.Th>
            <Table.Th>{t('queue.newer')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((row) => {
            const a = text(older.person, row);
            const b = text(newer.person, row);
            const differs =
              row !== 'code' &&
              row !== 'createdAt' &&
              a !== null &&
              b !== null &&
              a.toLowerCase() !== b.toLowerCase();
            const style = differs ? { background: 'var(--mantine-color-yellow-light)' } : undefined;
            return (
              <Table.Tr key={row} data-row={row} data-differs={differs || undefined}>
                <Table.Th scope="row">{t(`compare.fields.${row}`)}</Table.Th>
                <Table.Td style={style}>{cell(older, row, differs)}</Table.Td>
                <Table.Td style={style}>{cell(newer, row, differs)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
