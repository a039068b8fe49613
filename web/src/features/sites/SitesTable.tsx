import { Anchor, Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatDay } from './format';
import type { Site, SiteStatus } from './types';

export const STATUS_COLOURS: Record<SiteStatus, string> = {
  open: 'green',
  closing: 'orange',
  dismantled: 'gray',
  closed: 'gray',
};

export function SitesTable({ sites }: { sites: Site[] }) {
  const { t } = useTranslation('sites');
  const day = useFormatDay();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="sites-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.colName')}</Table.Th>
            <Table.Th>{t('list.colKind')}</Table.Th>
            <Table.Th>{t('list.colStatus')}</Table.Th>
            <Table.Th>{t('list.colSince')}</Table.Th>
            <Table.Th>{t('list.colRegion')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sites.map((site) => (
            <Table.Tr key={site.id}>
              <Table.Td>
                <Anchor component={Link} to={`/sites/${site.id}`}>
                  {site.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`kinds.${site.kind}`)}</Table.Td>
              <Table.Td>
                <Badge color={STATUS_COLOURS[site.status]} variant="light">
                  {t(`statuses.${site.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{day(site.statusSince)}</Table.Td>
              <Table.Td>{site.region ?? t('common:none')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
