import { Anchor, Badge, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorState, PageLoader } from '../../app/states';
import { AssessmentSection } from './AssessmentSection';
import { useSite, useSites } from './api';
import { useFormatDay } from './format';
import { IncidentsSection } from './IncidentsSection';
import { PopulationSection } from './PopulationSection';
import { SiteMap } from './SiteMap';
import { SiteStatusForm } from './SiteStatusForm';
import { STATUS_COLOURS } from './SitesTable';
import type { SiteDetail } from './types';

export function SitePage() {
  const { t } = useTranslation('sites');
  const { id = '' } = useParams();
  const site = useSite(id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/sites" size="sm">
        {t('site.back')}
      </Anchor>
      {site.isPending && <PageLoader label={t('common:loading')} />}
      {site.isError && <ErrorState error={site.error} onRetry={() => void site.refetch()} />}
      {site.isSuccess && <SiteContent site={site.data} />}
    </Stack>
  );
}

function SiteContent({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('sites');
  const day = useFormatDay();
  const children = useSites({ parentId: site.id });
  const parent = useSite(site.parentId ?? '', site.parentId !== null);
  const mapSites = [site, ...(children.data ?? [])];

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {site.name}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge variant="outline">{t(`kinds.${site.kind}`)}</Badge>
          <Badge color={STATUS_COLOURS[site.status]} variant="light" data-testid="site-status">
            {t(`statuses.${site.status}`)}
          </Badge>
          {site.statusSince && (
            <Text size="sm" c="dimmed">
              {t('site.since', { date: day(site.statusSince) })}
            </Text>
          )}
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs">
          {site.parentId && (
            <Text size="sm">
              {t('site.parent')}:{' '}
              <Anchor component={Link} to={`/sites/${site.parentId}`}>
                {parent.data?.name ?? '…'}
              </Anchor>
            </Text>
          )}
          {site.region && <Text size="sm">{`${t('site.region')}: ${site.region}`}</Text>}
          {site.managedBy && <Text size="sm">{`${t('site.managedBy')}: ${site.managedBy}`}</Text>}
          {site.openedOn && <Text size="sm">{`${t('site.openedOn')}: ${day(site.openedOn)}`}</Text>}
          {site.closedOn && <Text size="sm">{`${t('site.closedOn')}: ${day(site.closedOn)}`}</Text>}
          {site.children.length > 0 && (
            <div>
              <Text size="sm" fw={600}>
                {t('site.children')}
              </Text>
              <List size="sm">
                {site.children.map((child) => (
                  <List.Item key={child.id}>
                    <Anchor component={Link} to={`/sites/${child.id}`}>
                      {child.name}
                    </Anchor>{' '}
                    — {t(`statuses.${child.status}`)}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <div>
            <Text size="sm" fw={600}>
              {t('site.history')}
            </Text>
            <List size="sm" data-testid="status-history">
              {site.statusHistory.map((h) => (
                <List.Item key={`${h.effectiveOn}-${h.changedAt}`}>
                  {day(h.effectiveOn)}: {t(`statuses.${h.status}`)}
                  {h.reason ? ` — ${h.reason}` : ''}
                </List.Item>
              ))}
            </List>
          </div>
        </Stack>
        {site.location && <SiteMap sites={mapSites} label={t('map.label')} highlightId={site.id} />}
      </SimpleGrid>
      {site.allowed.includes('changeStatus') && (
        <Card withBorder>
          <SiteStatusForm key={site.status} site={site} />
        </Card>
      )}
      <PopulationSection site={site} />
      <AssessmentSection site={site} />
      <IncidentsSection site={site} />
    </Stack>
  );
}
