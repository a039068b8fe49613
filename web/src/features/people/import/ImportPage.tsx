import { Alert, Anchor, Button, Card, FileInput, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fieldErrors } from '../../../api/form-errors';
import { FormAlert } from '../../../app/FormAlert';
import { PageLoader } from '../../../app/states';
import { useImportPeople } from '../api';
import type { ImportReport } from '../types';
import { ImportReportView } from './ImportReportView';
import { MappingTable } from './MappingTable';

const MAX_BYTES = 10 * 1024 * 1024;

/**
 * /people/import: choose a file, check it (a dry run on the server: the same checks as the
 * import), adjust the column mapping, then import all rows or only the valid ones.
 */
export function ImportPage() {
  const { t } = useTranslation('people');
  const check = useImportPeople();
  const write = useImportPeople();
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [tooLarge, setTooLarge] = useState(false);
  const report = check.data;

  const runCheck = (text: string, nextMapping: Record<string, string | null>) =>
    check.mutate({ csv: text, mapping: nextMapping, dryRun: true });
  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setCsv(null);
    setMapping({});
    check.reset();
    write.reset();
    setTooLarge(chosen !== null && chosen.size > MAX_BYTES);
    if (!chosen || chosen.size > MAX_BYTES) return;
    const text = await chosen.text();
    setCsv(text);
    runCheck(text, {});
  };
  const remap = (column: string, target: string | null) => {
    if (!csv) return;
    const next = { ...mapping, [column]: target };
    setMapping(next);
    runCheck(csv, next);
  };
  const importRows = (validOnly: boolean) => {
    if (csv) write.mutate({ csv, mapping, validOnly });
  };

  if (write.data) return <ImportDone report={write.data} onAnother={() => void choose(null)} />;
  const ready = report && report.missingFields.length === 0 && report.rows > 0;
  return (
    <Stack gap="lg" maw={960}>
      <Anchor component={Link} to="/people" size="sm">
        {t('actions.back')}
      </Anchor>
      <div>
        <Title order={1} size="h2">
          {t('import.title')}
        </Title>
        <Text c="dimmed">{t('import.intro')}</Text>
      </div>
      <FileInput
        label={t('import.file')}
        description={t('import.fileHint')}
        accept=".csv,text/csv"
        value={file}
        onChange={(chosen) => void choose(chosen)}
        clearable
        error={tooLarge ? t('import.tooLarge') : fieldErrors(check.error).csv}
      />
      <FormAlert error={check.error} fields={['csv']} namespace="people" />
      <FormAlert error={write.error} fields={[]} namespace="people" />
      {check.isPending && <PageLoader label={t('import.checking')} />}
      {report && (
        <Card withBorder component="section" aria-labelledby="import-mapping-title">
          <Stack gap="sm">
            <Title order={2} size="h4" id="import-mapping-title">
              {t('import.mapping')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('import.mappingHint')}
            </Text>
            <MappingTable
              columns={report.columns}
              onChange={remap}
              disabled={check.isPending || write.isPending}
            />
          </Stack>
        </Card>
      )}
      {report && <ImportReportView report={report} />}
      {ready && (
        <Group>
          {report.invalid === 0 ? (
            <Button onClick={() => importRows(false)} loading={write.isPending} disabled={check.isPending}>
              {t('import.importAll', { count: report.valid })}
            </Button>
          ) : (
            report.valid > 0 && (
              <Button
                color="orange"
                onClick={() => importRows(true)}
                loading={write.isPending}
                disabled={check.isPending}
              >
                {t('import.importValid', { count: report.valid })}
              </Button>
            )
          )}
        </Group>
      )}
    </Stack>
  );
}

function ImportDone({ report, onAnother }: { report: ImportReport; onAnother: () => void }) {
  const { t } = useTranslation('people');
  return (
    <Stack gap="md" maw={960}>
      <Alert color="green" title={t('import.title')} data-testid="import-done">
        {t('import.imported', { written: report.written, households: report.households })}
      </Alert>
      <ImportReportView report={report} />
      <Title order={2} size="h4">
        {t('import.importedList')}
      </Title>
      <List size="sm">
        {report.created.slice(0, 200).map((c) => (
          <List.Item key={c.personId}>
            {t('import.line')} {c.line}:{' '}
            <Anchor component={Link} to={`/people/${c.personId}`} ff="monospace" dir="ltr">
              {c.code}
            </Anchor>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button onClick={onAnother}>{t('import.another')}</Button>
        <Button component={Link} to="/people" variant="default">
          {t('actions.back')}
        </Button>
      </Group>
    </Stack>
  );
}
