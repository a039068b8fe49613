import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client';
import { ErrorState, PageLoader } from '../../app/states';
import type { PassengerList as PassengerListData } from './types';

/** The driver's list: who boards and where they go, nothing more; printable as it is. */
export function PassengerList() {
  const { t } = useTranslation('reception');
  const { id = '' } = useParams();
  const list = useQuery({
    queryKey: ['reception', 'passengers', id],
    queryFn: ({ signal }) =>
      api.get<PassengerListData>(`/api/convoys/${encodeURIComponent(id)}/passengers`, undefined, signal),
  });
  if (list.isPending) return <PageLoader label={t('common:loading')} />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { convoy, passengers } = list.data;
  return (
    <Stack gap="sm" data-testid="passenger-list">
      <Group justify="space-between">
        <Anchor component={Link} to="/reception/relocations" size="sm">
          {t('convoys.back')}
        </Anchor>
        <Button size="xs" variant="light" onClick={() => window.print()}>
          {t('convoys.print')}
        </Button>
      </Group>
      <Title order={2} size="h3">
        {t('convoys.listTitle', { day: convoy.departsOn, origin: convoy.originName })}
      </Title>
      <Text size="sm">
        {convoy.vehicle} —{' '}
        {t('convoys.seats', { taken: convoy.seatsTaken, capacity: convoy.vehicleCapacity })}
      </Text>
      {passengers.length === 0 ? (
        <Text>{t('convoys.noPassengers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table withTableBorder withColumnBorders verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('convoys.colGroup')}</Table.Th>
                <Table.Th>{t('convoys.colName')}</Table.Th>
                <Table.Th>{t('convoys.colCode')}</Table.Th>
                <Table.Th>{t('convoys.colDestination')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {passengers.map((p) => (
                <Table.Tr key={p.code}>
                  <Table.Td>{p.group}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.code}</Table.Td>
                  <Table.Td>{p.destination}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
