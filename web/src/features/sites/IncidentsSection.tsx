import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../app/states';
import { useIncidentDetails, useIncidentSummary } from './api';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES } from './assessment-options';
import { useFormatCount, useFormatDay } from './format';
import { IncidentForm } from './IncidentForm';
import type { SiteDetail } from './types';

const SEVERITY_COLOURS = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' } as const;

/**
 * Protection monitoring: counts for every role allowed to see them; the reports themselves,
 * descriptions decrypted, only for protection staff of the recording organisation (server-side).
 */
export function IncidentsSection({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('sites');
  const count = useFormatCount();
  const day = useFormatDay();
  const canSummary = site.allowed.includes('readIncidentSummary');
  const canDetails = site.allowed.includes('readIncidentDetails');
  const summary = useIncidentSummary(site.id, canSummary);
  const details = useIncidentDetails(site.id, canDetails);
  if (!canSummary && !site.allowed.includes('addIncident')) return null;

  return (
    <Card withBorder component="section" aria-labelledby="incidents-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="incidents-title">
          {t('incidents.title')}
        </Title>
        {!canDetails && (
          <Text size="sm" c="dimmed">
            {t('incidents.aggregatesOnly')}
          </Text>
        )}
        {summary.isError && <ErrorState error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.isSuccess && summary.data.total === 0 && <Text>{t('incidents.none')}</Text>}
        {summary.isSuccess && summary.data.total > 0 && (
          <Stack gap="xs" data-testid="incident-summary">
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
              <div>
                <Text size="xs" c="dimmed">
                  {t('incidents.total')}
                </Text>
                <Text fw={700} fz="lg">
                  {count(summary.data.total)}
                </Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('incidents.peopleAffected')}
                </Text>
                <Text fw={700} fz="lg">
                  {count(summary.data.peopleAffected)}
                </Text>
              </div>
            </SimpleGrid>
            <Text size="sm">
              <b>{t('incidents.byKind')}:</b>{' '}
              {INCIDENT_KINDS.filter((k) => summary.data.byKind[k])
                .map((k) => `${t(`incidents.kinds.${k}`)} ${count(summary.data.byKind[k])}`)
                .join(' · ')}
            </Text>
            <Group gap="xs">
              <Text size="sm" fw={700}>
                {t('incidents.bySeverity')}:
              </Text>
              {INCIDENT_SEVERITIES.filter((s) => summary.data.bySeverity[s]).map((s) => (
                <Badge key={s} color={SEVERITY_COLOURS[s]} variant="light">
                  {t(`incidents.severities.${s}`)} {count(summary.data.bySeverity[s])}
                </Badge>
              ))}
            </Group>
            <Text size="sm">
              <b>{t('incidents.byMonth')}:</b>{' '}
              <span dir="ltr">
                {summary.data.byMonth.map((m) => `${m.month}: ${count(m.count)}`).join(' · ')}
              </span>
            </Text>
          </Stack>
        )}
        {canDetails && details.isSuccess && details.data.items.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing={4} fz="sm" data-testid="incident-reports">
              <Table.Caption>{t('incidents.reports')}</Table.Caption>
              <Table.Tbody>
                {details.data.items.map((incident) => (
                  <Table.Tr key={incident.id}>
                    <Table.Td>{day(incident.date)}</Table.Td>
                    <Table.Td>{t(`incidents.kinds.${incident.kind}`)}</Table.Td>
                    <Table.Td>
                      <Badge color={SEVERITY_COLOURS[incident.severity]} variant="light">
                        {t(`incidents.severities.${incident.severity}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{count(incident.peopleAffected)}</Table.Td>
                    <Table.Td>{incident.description ?? t('incidents.noDescription')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {site.allowed.includes('addIncident') && <IncidentForm siteId={site.id} />}
      </Stack>
    </Card>
  );
}
