import { Anchor, Button, Card, Checkbox, Group, NativeSelect, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportUrl } from './api';
import { DATASETS, type Dataset, type ReportFilter } from './types';

/** Aggregate files with the page's filters; the browser downloads them with the session cookie. */
export function ExportPanel({ filter }: { filter: ReportFilter }) {
  const { t } = useTranslation('reporting');
  const [dataset, setDataset] = useState<Dataset>('population');
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [hxl, setHxl] = useState(true);
  const [location, setLocation] = useState<'site' | 'region'>('site');
  const href = exportUrl(dataset, filter, { format, hxl, location });
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="report-exports">
      <Title order={2} size="h4" id="report-exports" mb="sm">
        {t('exports.title')}
      </Title>
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('exports.dataset')}
          value={dataset}
          onChange={(e) => setDataset(e.currentTarget.value as Dataset)}
          data={DATASETS.map((d) => ({ value: d, label: t(`exports.datasets.${d}`) }))}
        />
        <NativeSelect
          label={t('exports.format')}
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as 'csv' | 'xlsx')}
          data={[
            { value: 'csv', label: 'CSV' },
            { value: 'xlsx', label: 'XLSX' },
          ]}
        />
        <NativeSelect
          label={t('exports.location')}
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value as 'site' | 'region')}
          data={[
            { value: 'site', label: t('exports.bySite') },
            { value: 'region', label: t('exports.byRegion') },
          ]}
        />
        <Checkbox
          label={t('exports.hxl')}
          checked={hxl}
          onChange={(e) => setHxl(e.currentTarget.checked)}
          mb={8}
        />
        <Button component="a" href={href} download data-testid="export-download">
          {t('exports.download')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed" mt="sm">
        {t('exports.note')}{' '}
        <Anchor href={href} size="sm" dir="ltr">
          {href.split('?')[0]}
        </Anchor>
      </Text>
    </Card>
  );
}
