import { Badge, Button, Card, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ErrorState, PageLoader } from '../../app/states';
import { useFormatDateTime } from '../../i18n/format';
import type { Device } from './types';

export const DEVICES_KEY = ['me', 'devices'] as const;

/** The user's offline devices (beside their sessions): where their offline copies are, and revoke. */
export function DevicesCard({ hideWhenEmpty = false }: { hideWhenEmpty?: boolean }) {
  const { t } = useTranslation('offline');
  const format = useFormatDateTime();
  const queryClient = useQueryClient();
  const devices = useQuery({
    queryKey: DEVICES_KEY,
    queryFn: () => api.get<{ items: Device[] }>('/api/me/devices'),
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/me/devices/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DEVICES_KEY }),
  });
  // On the account page, users who never prepared a device see nothing of it.
  if (hideWhenEmpty && devices.data?.items.length === 0) return null;
  return (
    <Card withBorder component="section" aria-labelledby="offline-devices-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="offline-devices-title">
          {t('devices.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('devices.intro')}
        </Text>
        {devices.isPending && <PageLoader label={t('common:loading')} />}
        {devices.isError && <ErrorState error={devices.error} onRetry={() => void devices.refetch()} />}
        {devices.data && (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" data-testid="devices">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('devices.name')}</Table.Th>
                  <Table.Th>{t('devices.lastSync')}</Table.Th>
                  <Table.Th>{t('devices.people')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {devices.data.items.map((device) => (
                  <Table.Tr key={device.id}>
                    <Table.Td>
                      {device.name}{' '}
                      {device.revokedAt && (
                        <Badge size="sm" color="red" variant="light">
                          {t('devices.revoked')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{format(device.lastSyncAt)}</Table.Td>
                    <Table.Td>{device.offlinePeople}</Table.Td>
                    <Table.Td>
                      {!device.revokedAt && (
                        <Button
                          size="compact-sm"
                          variant="light"
                          color="red"
                          loading={revoke.isPending && revoke.variables === device.id}
                          onClick={() => revoke.mutate(device.id)}
                        >
                          {t('devices.revoke')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
