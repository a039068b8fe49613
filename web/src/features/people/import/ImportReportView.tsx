import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../types';
import { download, reportCsv, targetLabel } from './import-fields';

/** Shown on the page; the rest is in the downloadable report, so a huge file cannot freeze a phone. */
const SHOWN = 200;

/** Counts, missing columns, and every problem by line, column and field. */
export function ImportReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation('people');
  return (
    <Stack gap="sm" data-testid="import-report">
      {report.missingFields.length > 0 && (
        <Alert color="orange" role="alert">
          {t('import.missing', { fields: report.missingFields.map((f) => targetLabel(f, t)).join(', ') })}
        </Alert>
      )}
      {report.notes.includes('defaultPurposes') && <Alert color="blue">{t('import.defaultPurposes')}</Alert>}
      {report.missingFields.length === 0 && (
        <Text fw={600} data-testid="import-summary">
          {t('import.summary', { rows: report.rows, valid: report.valid, invalid: report.invalid })}
        </Text>
      )}
      {report.errors.length > 0 && (
        <>
          <Group justify="space-between">
            <Title order={3} size="h5">
              {t('import.problems')}
            </Title>
            <Button
              size="xs"
              variant="default"
              onClick={() => download('import-report.csv', reportCsv(report))}
            >
              {t('import.download')}
            </Button>
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table striped data-testid="import-problems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.line')}</Table.Th>
                  <Table.Th>{t('import.column')}</Table.Th>
                  <Table.Th>{t('import.field')}</Table.Th>
                  <Table.Th>{t('import.problem')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.errors.slice(0, SHOWN).map((e) => (
                  <Table.Tr key={`${e.line}:${e.field}:${e.message}`}>
                    <Table.Td>{e.line}</Table.Td>
                    <Table.Td dir="auto" ff="monospace">
                      {e.column ?? t('none')}
                    </Table.Td>
                    <Table.Td>{t(`fields.${e.field.split('.')[0]}`, { defaultValue: e.field })}</Table.Td>
                    {/* The server's own words: English, like the file's column names. */}
                    <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                      {e.message}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {report.errors.length > SHOWN && (
            <Text size="sm">{t('import.more', { count: report.errors.length - SHOWN })}</Text>
          )}
        </>
      )}
    </Stack>
  );
}
