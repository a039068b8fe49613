import { Select, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../types';
import { IMPORT_FIELDS, targetLabel } from './import-fields';

const IGNORE = '';

interface Props {
  columns: ImportReport['columns'];
  onChange: (column: string, target: string | null) => void;
  disabled: boolean;
}

/** Each column of the file and the field it fills, as detected or as the user chose. */
export function MappingTable({ columns, onChange, disabled }: Props) {
  const { t } = useTranslation('people');
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table data-testid="import-mapping">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('import.column')}</Table.Th>
            <Table.Th>{t('import.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((column) => {
            // A split yes/no column keeps its own option beside the ordinary fields.
            const targets = [...IMPORT_FIELDS, ...(column.target?.includes(':') ? [column.target] : [])];
            return (
              <Table.Tr key={column.name}>
                <Table.Td dir="auto" ff="monospace">
                  {column.name}
                </Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${t('import.field')}: ${column.name}`}
                    data={[
                      { value: IGNORE, label: t('import.ignore') },
                      ...targets.map((target) => ({ value: target, label: targetLabel(target, t) })),
                    ]}
                    value={column.target ?? IGNORE}
                    onChange={(value) => onChange(column.name, value ? value : null)}
                    allowDeselect={false}
                    searchable
                    disabled={disabled}
                  />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
