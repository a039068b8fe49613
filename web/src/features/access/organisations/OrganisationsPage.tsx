import { Badge, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePermissions } from '../../../app/session';
import { ErrorState, PageLoader } from '../../../app/states';
import { useFormatDateTime } from '../../../i18n/format';
import { useOrganisations } from '../api';
import { OrganisationCreateForm } from './OrganisationCreateForm';

export function OrganisationsPage() {
  const { t } = useTranslation('access');
  const format = useFormatDateTime();
  const organisations = useOrganisations();
  const canManage = usePermissions().has('organisations.manage');
  const items = organisations.data?.items ?? [];

  const list = (
    <Stack gap="sm">
      {organisations.isPending && <PageLoader label={t('common:loading')} />}
      {organisations.isError && (
        <ErrorState error={organisations.error} onRetry={() => void organisations.refetch()} />
      )}
      {organisations.isSuccess && items.length === 0 && <Text>{t('organisations.empty')}</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing="xs" data-testid="organisations-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('organisations.colName')}</Table.Th>
                <Table.Th>{t('organisations.colSlug')}</Table.Th>
                <Table.Th>{t('organisations.colKind')}</Table.Th>
                <Table.Th>{t('organisations.colCreated')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((organisation) => (
                <Table.Tr key={organisation.id}>
                  <Table.Td>{organisation.name}</Table.Td>
                  <Table.Td dir="ltr" style={{ textAlign: 'start' }}>
                    <code>{organisation.slug}</code>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`common:orgKinds.${organisation.kind}`, { defaultValue: organisation.kind })}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format(organisation.createdAt, 'date')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} size="h2">
          {t('organisations.title')}
        </Title>
        <Text c="dimmed">{t('organisations.intro')}</Text>
      </div>
      {canManage ? (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <OrganisationCreateForm />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 8 }}>{list}</Grid.Col>
        </Grid>
      ) : (
        list
      )}
    </Stack>
  );
}
