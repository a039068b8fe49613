import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState, PageLoader } from '../../app/states';
import { AssessmentForm } from './AssessmentForm';
import { useAssessmentSeries, useAssessments } from './api';
import { COUNT_FIELDS, SEVERITY_FIELDS } from './assessment-options';
import { useFormatCount, useFormatDay } from './format';
import type { SiteDetail } from './types';

const SEVERITY_COLOURS = ['green', 'yellow', 'orange', 'red', 'grape'];

/** The latest DTM-style assessment, each indicator over time, and the form to add one. */
export function AssessmentSection({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('sites');
  const day = useFormatDay();
  const count = useFormatCount();
  const assessments = useAssessments(site.id);
  const series = useAssessmentSeries(site.id);
  const latest = assessments.data?.items[0];
  const dates = [...new Set(series.data?.indicators.flatMap((i) => i.points.map((p) => p.date)) ?? [])]
    .sort()
    .slice(-6);

  return (
    <Card withBorder component="section" aria-labelledby="assessment-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="assessment-title">
          {t('assessment.title')}
        </Title>
        {assessments.isPending && <PageLoader label={t('common:loading')} />}
        {assessments.isError && (
          <ErrorState error={assessments.error} onRetry={() => void assessments.refetch()} />
        )}
        {assessments.isSuccess && !latest && <Text>{t('assessment.none')}</Text>}
        {latest && (
          <Stack gap="xs" data-testid="latest-assessment">
            <Text size="sm" c="dimmed">
              {t('assessment.assessedOn', { date: day(latest.date) })}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
              {SEVERITY_FIELDS.map((field) => (
                <Group key={field} gap={6}>
                  <Text size="sm">{t(`assessment.indicators.${field}`)}</Text>
                  <Badge color={SEVERITY_COLOURS[latest[field] - 1]} variant="filled">
                    {t(`assessment.severity.${latest[field]}` as 'assessment.severity.1')}
                  </Badge>
                </Group>
              ))}
            </SimpleGrid>
            <Text size="sm">
              {COUNT_FIELDS.map((f) => `${t(`assessment.indicators.${f}`)}: ${count(latest[f])}`).join(' · ')}
            </Text>
            <Text size="sm">
              <b>{t('assessment.protectionRisks')}:</b>{' '}
              {latest.protectionRisks
                .map((r) => t(`assessment.risks.${r}` as 'assessment.risks.fire'))
                .join(', ') || '—'}
            </Text>
            <Text size="sm">
              <b>{t('assessment.servicesPresent')}:</b>{' '}
              {latest.servicesPresent
                .map((s) => t(`assessment.services.${s}` as 'assessment.services.water'))
                .join(', ') || '—'}
            </Text>
            <Text size="sm">
              <b>{t('assessment.keyInformants')}:</b>{' '}
              {latest.keyInformants
                .map(
                  (k) =>
                    `${t(`assessment.informants.${k.kind}` as 'assessment.informants.other')} × ${count(k.count)}`,
                )
                .join(', ')}
            </Text>
          </Stack>
        )}
        {series.isSuccess && dates.length > 1 && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={4} fz="sm" data-testid="assessment-series">
              <Table.Caption>{t('assessment.series')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assessment.colIndicator')}</Table.Th>
                  {dates.map((d) => (
                    <Table.Th key={d}>{day(d)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {series.data.indicators.map((indicator) => (
                  <Table.Tr key={indicator.indicator}>
                    <Table.Td>{t(`assessment.indicators.${indicator.indicator}`)}</Table.Td>
                    {dates.map((d) => (
                      <Table.Td key={d}>{count(indicator.points.find((p) => p.date === d)?.value)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {site.allowed.includes('addAssessment') && <AssessmentForm siteId={site.id} />}
      </Stack>
    </Card>
  );
}
